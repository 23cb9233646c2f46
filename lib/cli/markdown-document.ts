import { printable } from "./printable";

/**
 * A Markdown document as a tree, and its one serializer: every value is placed as a node and
 * escaped where it is written, so no concatenation can let a value read from cdktf.out or a
 * plan add an element, a comment, a link, an image or a table row, or hide text.
 */

/** Inline content. */
export type Inline =
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "code"; readonly value: string }
  | { readonly kind: "strong"; readonly children: readonly Inline[] };

/** Block content. */
export type Block =
  | { readonly kind: "heading"; readonly depth: number; readonly children: readonly Inline[] }
  | { readonly kind: "paragraph"; readonly children: readonly Inline[] }
  | { readonly kind: "list"; readonly items: readonly (readonly Inline[])[] }
  | {
      readonly kind: "table";
      readonly header: readonly string[];
      readonly rows: readonly (readonly (readonly Inline[])[])[];
    }
  | { readonly kind: "fence"; readonly lang: string; readonly value: string }
  | { readonly kind: "details"; readonly summary: string; readonly children: readonly Block[] };

/** Text, escaped for Markdown. */
export function text(value: string): Inline {
  return { kind: "text", value };
}

/** An identifier or value in a code span. */
export function code(value: string): Inline {
  return { kind: "code", value };
}

/** Bold text. */
export function strong(...children: Inline[]): Inline {
  return { kind: "strong", children };
}

/** The document as GitHub-flavored Markdown. */
export function serialize(blocks: readonly Block[]): string {
  return blocks.map(block).join("\n\n") + "\n";
}

function block(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `${"#".repeat(Math.min(6, Math.max(1, b.depth)))} ${lineStart(inlines(b.children, false))}`;
    case "paragraph":
      return lineStart(inlines(b.children, false));
    case "list":
      return b.items.map((item) => `- ${lineStart(inlines(item, false))}`).join("\n");
    case "table":
      return [
        `| ${b.header.map((h) => escapeText(h)).join(" | ")} |`,
        `| ${b.header.map(() => "---").join(" | ")} |`,
        ...b.rows.map(
          (row) => `| ${b.header.map((_, i) => inlines(row[i] ?? [], true)).join(" | ")} |`,
        ),
      ].join("\n");
    case "fence":
      return fence(b.lang, b.value);
    case "details":
      return [
        `<details><summary>${escapeHtml(printable(b.summary))}</summary>`,
        ...b.children.map(block),
        "</details>",
      ].join("\n\n");
  }
}

function inlines(children: readonly Inline[], inTable: boolean): string {
  return children.map((child) => inline(child, inTable)).join("");
}

function inline(node: Inline, inTable: boolean): string {
  if (node.kind === "text") return escapeText(node.value);
  if (node.kind === "strong") return `**${inlines(node.children, inTable)}**`;
  return codeSpan(node.value, inTable);
}

/**
 * Text: `<`, `>` and `&` as HTML entities; backslash-escaped, every character that starts
 * inline syntax (code, emphasis, strikethrough, links, images, footnotes, math, table cells,
 * email autolinks), a `:` before anything but a space (URL autolinks, `mailto:`, emoji
 * shortcodes) and the `.` after `www` (www autolinks). Text never starts a line: block
 * syntax cannot begin inside it (see lineStart for the first text of a block).
 */
function escapeText(value: string): string {
  return printable(value)
    .replace(/[\\`*_[\]|~$!@#]/g, "\\$&")
    .replace(/:(?=\S)/g, "\\:")
    .replace(/(?<=www)\./gi, "\\.")
    .replace(/[<>&]/g, (c) => HTML_ENTITIES[c]);
}

/** The first text of a line: a leading `#`, `+`, `-`, `=`, `>` or `1.`/`1)` escaped. */
function lineStart(escaped: string): string {
  return escaped.replace(/^(\s*)([#+\-=>]|\d+(?=[.)]))/, (_m, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };

function escapeHtml(value: string): string {
  return value.replace(/[<>&"]/g, (c) => (c === '"' ? "&quot;" : HTML_ENTITIES[c]));
}

/**
 * A code span fenced with one backtick more than the longest run inside, padded when the
 * value starts or ends with a backtick or a space; in a table a pipe is escaped (GFM reads
 * `\|` in a cell as the pipe, code spans included). An empty value reads "(empty)".
 */
function codeSpan(value: string, inTable: boolean): string {
  const content = printable(value);
  if (content === "") return "(empty)";
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(content) ? " " : "";
  const body = inTable ? content.replace(/\|/g, "\\|") : content;
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

/** A fenced code block with a fence longer than any backtick run in it; each line printable. */
function fence(lang: string, value: string): string {
  const lines = value.split("\n").map(printable);
  const longest = Math.max(
    0,
    ...lines.flatMap((l) => [...l.matchAll(/`+/g)].map((m) => m[0].length)),
  );
  const ticks = "`".repeat(Math.max(3, longest + 1));
  return [`${ticks}${printable(lang).replace(/[^\w-]/g, "")}`, ...lines, ticks].join("\n");
}

/** A table under a heading; "None." when there are no rows. */
export function section(title: string, header: readonly string[], rows: Inline[][][]): Block[] {
  const heading: Block = { kind: "heading", depth: 3, children: [text(title)] };
  if (rows.length === 0) return [heading, { kind: "paragraph", children: [text("None.")] }];
  return [heading, table(header, rows)];
}

/** A table. */
export function table(header: readonly string[], rows: Inline[][][]): Block {
  return { kind: "table", header, rows };
}
