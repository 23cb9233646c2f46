/**
 * Text read from cdktf.out or a plan is untrusted: these make it printable in every output
 * format. Control characters (C0 and C1: terminal escapes such as OSC 52, a clipboard write)
 * are removed; line breaks become a visible mark; characters that hide or reorder text
 * (zero-width, bidirectional controls) are shown as their code point.
 */

/** What a line break (LF, CR, CRLF, NEL, U+2028, U+2029) is shown as. */
export const LINE_BREAK_MARK = "⏎";

const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
const TAB = /\t/g;
const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]/g;

/** One line of printable text: no control characters, line breaks marked, invisibles shown. */
export function printable(value: string): string {
  return value
    .replace(LINE_BREAKS, LINE_BREAK_MARK)
    .replace(TAB, " ")
    .replace(CONTROLS, "")
    .replace(INVISIBLE, codePoint);
}

/**
 * Text for a data format that escapes its own line breaks (JSON, SARIF): control characters
 * other than line breaks and tabs removed, invisibles shown.
 */
export function withoutControls(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "")
    .replace(INVISIBLE, codePoint);
}

/** `<U+200B>` for a zero-width space. */
function codePoint(character: string): string {
  return `<U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`;
}
