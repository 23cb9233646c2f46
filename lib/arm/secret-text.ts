/**
 * The shapes Azure secrets take in text, and their redaction. Every message, annotation and CLI
 * line the library writes passes through `redactSecrets` once, as a whole.
 *
 * Shapes: a SAS signature (`sig=`) and the keys of connection strings (`AccountKey=`,
 * `SharedAccessKey=`, `SharedAccessSignature=`, `Password=`), each in plain text, URL-encoded
 * (`%26sig%3D`, also twice), HTML-encoded (`&amp;sig=`, `&#38;sig&#61;`), JSON-escaped
 * (`\u0026sig\u003d`) and Markdown-escaped (`sig\=`). Each is kept up to its `=` and the secret
 * after it becomes `<redacted>`.
 */

/** What replaces a secret. */
export const REDACTED = "<redacted>";

/** What may stand before a parameter name: not a letter or digit, or an encoded `&` or `?`. */
const BEFORE = String.raw`(?:(?<![A-Za-z0-9_])|(?<=%26|%3F|%2526|%253F|\\u0026|\\x26))`;
/** `=` in every encoding the library or a reader of its output may write it in. */
const EQUALS = String.raw`(?:=|%3D|%253D|&#0*61;|&#x0*3d;|&equals;|\\u003d|\\x3d|\\=)`;
/**
 * One character of a secret: base64 and URL-safe text, a percent escape that is not an encoded
 * `&`, a Markdown or JSON escape (not of `&`), an HTML entity of base64 punctuation.
 */
const SECRET_CHAR = String.raw`(?:[A-Za-z0-9+/=_.~-]|%(?!26|2526)[0-9A-Fa-f]{2}|\\u(?!0026)[0-9A-Fa-f]{4}|\\[^u\s]|&#(?:x0*(?:2b|2f|3d)|0*(?:43|47|61));|&(?:plus|sol|equals);)`;
/** Names whose value is a secret. */
const NAMES = ["sig", "AccountKey", "SharedAccessKey", "SharedAccessSignature", "Password"];

const SECRET = new RegExp(`(${BEFORE}(?:${NAMES.join("|")})${EQUALS})${SECRET_CHAR}+`, "gi");

/** `text` with every secret of a known shape replaced by `<redacted>`, the name kept. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET, (_match, name: string) => `${name}${REDACTED}`);
}

/** Whether `text` holds a secret of a known shape (other than one already redacted). */
export function holdsSecret(text: string): boolean {
  return redactSecrets(text) !== text;
}

/** Objects nested deeper than this are shown as `<redacted>`: they are never read whole. */
const MAX_DEPTH = 12;

/**
 * `value` with every secret redacted, whatever its type: strings, arrays, plain objects (keys and
 * values, also nested). Other objects (constructs, class instances) are returned as they are:
 * messages show them by path, never by their fields. A circular object keeps its cycle, so that
 * JSON.stringify refuses it as it would the original.
 */
export function redactSecretsIn(value: unknown): unknown {
  return redactNested(value, new Set<object>());
}

function redactNested(value: unknown, open: Set<object>): unknown {
  if (typeof value === "string") return redactSecrets(value);
  if (value === null || typeof value !== "object" || open.has(value)) return value;
  if (open.size >= MAX_DEPTH) return REDACTED;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return value;
  open.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactNested(item, open));
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [redactSecrets(key), redactNested(inner, open)]),
    );
  } finally {
    open.delete(value);
  }
}

/** Whether `value`, of any type, holds a secret of a known shape. */
export function valueHoldsSecret(value: unknown): boolean {
  if (typeof value === "string") return holdsSecret(value);
  if (value === null || typeof value !== "object") return false;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return false;
  }
  return text !== undefined && holdsSecret(text);
}
