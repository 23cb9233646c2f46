import { INVISIBLE_CLASS } from "./visible";
import { Violation } from "./violation";

/**
 * Reasons people write to accept a risk (a suppression, a network acknowledgement, a custom role,
 * a vault dedicated to transfer) are all a reviewer sees of the decision: each needs this many
 * visible characters.
 */
export const MIN_REASON_LENGTH = 10;

/**
 * Characters that do not count as visible in a reason: those messages show as `<U+…>`
 * (INVISIBLE_CLASS: white space, controls, format characters, Hangul fillers) and, besides,
 * private-use and unassigned code points, combining marks alone and the blank Braille pattern.
 */
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}\\s\\p{Co}\\p{Cn}\\p{M}\\u2800]`, "gu");

/** How many characters of `text` can be seen (code points, not UTF-16 units). */
export function visibleLength(text: string): number {
  return [...text.replace(INVISIBLE, "")].length;
}

/**
 * The rule on a reason: at least MIN_REASON_LENGTH visible characters, so that an empty,
 * blank or zero-width reason is refused. `what` says what the reason is for, `fix` what to write.
 */
export function reasonRule(what: string, fix: string): (reason: string) => Violation | undefined {
  return (reason) => {
    const visible = visibleLength(reason);
    if (visible >= MIN_REASON_LENGTH) return undefined;
    return {
      problem:
        visible === reason.length
          ? `has ${visible} characters, fewer than ${MIN_REASON_LENGTH}`
          : `has ${visible} visible characters (of ${[...reason].length}), fewer than ${MIN_REASON_LENGTH}`,
      rule: `${what} carries a reason of at least ${MIN_REASON_LENGTH} visible characters (white space and invisible characters do not count)`,
      fix,
    };
  };
}
