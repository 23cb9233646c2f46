import { showInvisible } from "../arm/visible";

/**
 * Text read from cdktf.out or a plan is untrusted: these make it printable in every output
 * format. Control characters (C0 and C1: terminal escapes such as OSC 52, a clipboard write)
 * are removed; line breaks become a visible mark; characters that hide or reorder text
 * (zero-width, bidirectional controls, unusual spaces) are shown as their code point.
 */

/** What a line break (LF, CR, CRLF, NEL, U+2028, U+2029) is shown as. */
export const LINE_BREAK_MARK = "⏎";

const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/** One line of printable text: no control characters, line breaks marked, invisibles shown. */
export function printable(value: string): string {
  return showInvisible(
    value.replace(LINE_BREAKS, LINE_BREAK_MARK).replace(/\t/g, " ").replace(CONTROLS, ""),
  );
}

/**
 * Text for a data format that escapes its own line breaks and tabs (JSON, SARIF): other
 * control characters removed, invisibles shown.
 */
export function withoutControls(value: string): string {
  return value
    .replace(CONTROLS, "")
    .split(/(\r\n|[\n\r\t])/)
    .map((part, i) => (i % 2 === 1 ? part : showInvisible(part)))
    .join("");
}
