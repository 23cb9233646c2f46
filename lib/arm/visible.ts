// Characters a reader cannot see, made visible in messages. Pure.

/**
 * The class (inside `[...]`, flag `u`) of characters that print as nothing or as an ordinary
 * space: format characters (zero-width space, joiners, byte order mark, direction marks),
 * controls, separators and the other Unicode spaces, and the Hangul fillers.
 */
export const INVISIBLE_CLASS = String.raw`\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Zs}\u115f\u1160\u3164\uffa0`;

const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, "gu");

/**
 * `text` with every invisible character (but the plain space) written as `<U+200B>`, so that a
 * message shows why "samples/nginx:v1" with a zero-width space in it is refused.
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) =>
    c === " " ? c : `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`,
  );
}
