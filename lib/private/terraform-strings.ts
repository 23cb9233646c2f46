/**
 * Literal text as Terraform must receive it. Every string Terraform reads from a configuration is
 * a template, so literal `${` and `%{` would be evaluated: a blob name `x${file("/etc/hostname")}`
 * would read a file into the plan. Literal parts are escaped (`$${`, `%%{`); cdktf's token
 * markers (`${TfToken[...]}`), which cdktf turns into references, are left as they are.
 */

/** cdktf's marker of a string token; what it resolves to is Terraform's business. */
const STRING_TOKEN = /\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}/g;

/** The literal parts and token markers of `value`, in order. */
export function fragments(value: string): { text: string; token: boolean }[] {
  const out: { text: string; token: boolean }[] = [];
  let last = 0;
  for (const match of value.matchAll(STRING_TOKEN)) {
    if (match.index > last) out.push({ text: value.slice(last, match.index), token: false });
    out.push({ text: match[0], token: true });
    last = match.index + match[0].length;
  }
  if (last < value.length) out.push({ text: value.slice(last), token: false });
  return out;
}

/**
 * An empty template directive: it separates a literal `$` from a following `${`, which would
 * otherwise read as the escape `$${`. (An interpolation such as `${"$"}` would do too, but cdktf
 * takes any `${` beside its tokens for an expression of its own and rewrites it in HCL.)
 */
const SEPARATOR = "%{if true}%{endif}";

/**
 * A literal part escaped for templates: `${` → `$${`, `%{` → `%%{` (`body`). A `$` that ends
 * the part right before a token gets SEPARATOR as `tail`, so it stays a `$`.
 */
function escapeLiteral(text: string, beforeToken: boolean): { body: string; tail: string } {
  const escaped = text.replace(/([$%])\{/g, "$1$1{");
  return { body: escaped, tail: beforeToken && escaped.endsWith("$") ? SEPARATOR : "" };
}

/** Whether `value` is exactly one cdktf string token. */
export function isSingleToken(value: string): boolean {
  const parts = fragments(value);
  return parts.length === 1 && parts[0].token;
}

/** `value` with every literal part escaped for Terraform's template syntax. */
export function escapeTemplateLiterals(value: string): string {
  const parts = fragments(value);
  return parts
    .map((part, i) => {
      if (part.token) return part.text;
      const { body, tail } = escapeLiteral(part.text, parts[i + 1]?.token === true);
      return body + tail;
    })
    .join("");
}

/**
 * The inside of an HCL quoted string for `value`: literal parts escaped for templates and for
 * HCL's string syntax (quotes, backslashes, newlines and other control characters), token
 * markers left as they are.
 */
export function hclQuotedContent(value: string): string {
  const parts = fragments(value);
  return parts
    .map((part, i) => {
      if (part.token) return part.text;
      const { body, tail } = escapeLiteral(part.text, parts[i + 1]?.token === true);
      return JSON.stringify(body).slice(1, -1) + tail;
    })
    .join("");
}

/** Every string in `value` (at any depth of plain objects and arrays) mapped by `map`. */
export function mapStrings(value: unknown, map: (text: string) => unknown): unknown {
  if (typeof value === "string") return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (
    value !== null &&
    typeof value === "object" &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)]));
  }
  return value;
}
