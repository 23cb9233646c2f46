import { Fn } from "../core/cdk";
import { fragments } from "../private/terraform-strings";
import { Violation } from "../arm/violation";

/**
 * A value as one POSIX shell word: in single quotes, each `'` written as `'\''`, so that no
 * character (`;`, `$()`, backquotes, spaces) means anything to the shell. Parts only known at
 * apply time are quoted the same way by Terraform's `replace()`.
 */
export function shellQuote(value: string): string {
  // In the Terraform expression the replacement is an HCL string: its backslash is escaped.
  const quoted = fragments(value).map((part) =>
    part.token ? Fn.replace(part.text, "'", "'\\\\''") : part.text.replace(/'/g, "'\\''"),
  );
  return `'${quoted.join("")}'`;
}

/**
 * Line breaks and NUL cannot be carried by a one-line command: a pasted newline would end the
 * command and run the rest as another.
 */
export function checkShellWord(value: string): Violation | undefined {
  if (!/[\0\r\n]/.test(value)) return undefined;
  return {
    problem: "holds a line break or NUL",
    rule: "a value in a one-line shell command has no line breaks",
    fix: "remove the line break",
  };
}
