// Hostile values planted in every string cdktf.out and a plan hold, rendered the way a reviewer
// sees them: GitHub-flavored Markdown through micromark with its GFM extension (HTML allowed, as
// GitHub allows some), the DOM read with happy-dom, and each flowchart through Mermaid's own
// parser. Against the same files planted with plain markers, the hostile report must have the
// same elements, comments, links, images, table rows and flowchart nodes, and show every
// planted sentinel.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Window } from "happy-dom";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseMermaid } from "../support/mermaid";
import { PLANS, cli, mermaidBlocks, synthExamples, validatorErrors } from "./support";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** Each sentinel must stay visible; the constructs around them try to hide or add things. */
const SENTINELS = ["SEENa", "SEENb", "SEENc", "SEENd", "SEENe", "SEENf"];
// No "/" in it: the review reads URLs and IDs by their segments, and a slash would change what
// is parsed rather than what is printed.
const PAYLOAD = [
  " SEENa <!-- SEENb --> <img src=x.png onerror=alert(1)> <details open><summary>x",
  '\r\n```\n%%{init: {"theme": "dark"}}%%\nclick P1 href "https:x.test"\n```mermaid\n',
  "\r| SEENc | x |\n| --- | --- |\n[link](x.test) ![img](i.png) [r]: x.test",
  " www.x.test a@b.test <https:x.test> *e* _u_ ~~s~~ `t` $x$ :octocat:",
  " \\ &amp; &#60; \u001b]52;c;ZXZpbA==\u0007 \u009b31m \u202eSEENd\u200b %% SEENe",
  ' "]) --> X1["x"] ;\n# SEENf\n- item\n> quote\n<script>alert(1)',
].join("");
/** Keys whose values the review needs as they are to find what it reviews. */
const KEEP = new Set([
  "type",
  "synthesizedStackPath",
  "workingDirectory",
  "format_version",
  "mode",
  "actions",
  "address",
]);
const STACKS = ["landing-zone", "existing-resources", "seed-walkthrough-source"];

let source: string;
const dirs: string[] = [];
beforeAll(() => {
  source = synthExamples();
  dirs.push(source);
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Appends `marker(i)` (and the payload when hostile) to every string leaf but references. */
function plant(value: unknown, hostile: boolean, count: { n: number }, key = ""): unknown {
  if (typeof value === "string") {
    if (KEEP.has(key) || value.includes("${")) return value;
    return `${value}M${count.n++}Q${hostile ? PAYLOAD : ""}`;
  }
  if (Array.isArray(value)) return value.map((v) => plant(v, hostile, count, key));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, plant(v, hostile, count, k)]),
    );
  }
  return value;
}

/** A copy of the examples' output and plans, planted. */
function planted(hostile: boolean): { out: string; plans: string[] } {
  const out = mkdtempSync(join(tmpdir(), "acr-hostile-"));
  dirs.push(out);
  cpSync(source, out, { recursive: true });
  const count = { n: 0 };
  const rewrite = (file: string, to = file) =>
    writeFileSync(
      to,
      JSON.stringify(plant(JSON.parse(readFileSync(file, "utf8")), hostile, count)),
    );
  const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
  manifest.stacks = Object.fromEntries(
    STACKS.map((name) => [name, plant(manifest.stacks[name], hostile, count)]),
  );
  writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest));
  for (const name of STACKS) rewrite(join(out, "stacks", name, "cdk.tf.json"));
  const plans = ["existing-resources.plan.json", "seed-walkthrough-source.plan.json"].map((f) => {
    const to = join(out, f);
    rewrite(join(PLANS, f), to);
    return to;
  });
  return { out, plans };
}

/** The report rendered as GitHub renders Markdown, read as a DOM. */
function rendered(markdown: string) {
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  const window = new Window();
  window.document.body.innerHTML = html;
  const all = [...window.document.body.querySelectorAll("*")];
  const tags: Record<string, number> = {};
  for (const element of all) tags[element.tagName] = (tags[element.tagName] ?? 0) + 1;
  let comments = 0;
  const walker = window.document.createTreeWalker(window.document.body, 128);
  while (walker.nextNode()) comments++;
  return { tags, comments, text: window.document.body.textContent ?? "", html };
}

function review(out: string, plans: string[], ...flags: string[]) {
  return cli("review", out, ...plans.flatMap((p) => ["--plan", p]), ...flags);
}

describe("hostile values in every field of cdktf.out and a plan", () => {
  let clean: ReturnType<typeof planted>;
  let hostile: ReturnType<typeof planted>;
  beforeAll(() => {
    clean = planted(false);
    hostile = planted(true);
  });

  it("add no element, comment, link, image or table row to the report, and hide no text", () => {
    const a = review(clean.out, clean.plans, "--max-length", "0");
    const b = review(hostile.out, hostile.plans, "--max-length", "0");
    expect(a.stderr).toBe("");
    expect(b.stderr).toBe("");
    const before = rendered(a.stdout);
    const after = rendered(b.stdout);
    expect(after.tags).toEqual(before.tags);
    expect(after.comments).toBe(before.comments);
    expect(before.tags.TABLE).toBeGreaterThan(3);
    const markers = [...new Set(before.text.match(/M\d+Q/g) ?? [])];
    expect(markers.length).toBeGreaterThan(100);
    for (const marker of markers) expect(after.text).toContain(marker);
    for (const sentinel of SENTINELS) {
      const shown = after.text.split(sentinel).length - 1;
      expect(shown, sentinel).toBeGreaterThanOrEqual(markers.length);
    }
    expect(b.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(after.html).not.toMatch(/<img|<script|<details|<!--|<a /);
  });

  it("add nothing to the one-comment report either, which stays within its limit", () => {
    const run = review(hostile.out, hostile.plans);
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeLessThanOrEqual(65_000);
    const { tags, comments, html } = rendered(run.stdout);
    expect(comments).toBe(0);
    for (const tag of ["IMG", "A", "SCRIPT", "DETAILS", "BLOCKQUOTE", "H1"]) {
      expect(tags[tag] ?? 0, tag).toBe(tag === "H1" ? 1 : 0);
    }
    expect(html).toContain("This report is shortened to fit 65000 characters");
  });

  it("add no node, edge, subgraph or directive to a flowchart, and hide no label text", async () => {
    const a = mermaidBlocks(review(clean.out, clean.plans, "--max-length", "0").stdout);
    const b = mermaidBlocks(review(hostile.out, hostile.plans, "--max-length", "0").stdout);
    expect(b).toHaveLength(a.length);
    for (const [i, block] of b.entries()) {
      await expect(parseMermaid(block)).resolves.toEqual(await parseMermaid(a[i]));
      const lines = (text: string) => text.split("\n").map((l) => l.replace(/"[^"]*"/g, '""'));
      expect(lines(block)).toEqual(lines(a[i]));
      expect(block).not.toMatch(/%%|`|^\s*click|<(?!br\/>)/m);
      const shown = block.split("SEENd").length - 1;
      expect(shown).toBe(a[i].match(/M\d+Q/g)?.length ?? 0);
    }
  });

  it("keep terminal escapes out of the JSON and SARIF formats", () => {
    for (const format of ["json", "sarif"]) {
      const run = review(hostile.out, hostile.plans, "--format", format);
      expect(run.status).toBe(0);
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(run.stdout).toContain("SEENd");
      expect(() => JSON.parse(run.stdout)).not.toThrow();
      if (format === "sarif") expect(validatorErrors(run.stdout)).toEqual([]);
    }
  });
});
