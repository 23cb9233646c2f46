import { Violation } from "./violation";

/** A configuration Azure would reject, found at synth time. */
export class TransferValidationError extends Error {
  /** Path of the construct that received the value. */
  public readonly constructPath: string;
  /** The property or argument that holds the value. */
  public readonly subject: string;
  /** The value received, as given. */
  public readonly value: unknown;
  /** The rule the value breaks. */
  public readonly rule: string;
  /** How to fix it. */
  public readonly fix: string;

  /** Builds the error; its message names the path, the subject, the value, the rule and the fix. */
  public constructor(constructPath: string, subject: string, value: unknown, violation: Violation) {
    super(
      `${constructPath}: ${subject} ${describeValue(value)} ${violation.problem}. ` +
        `rule: ${violation.rule}. fix: ${violation.fix}.`,
    );
    this.name = "TransferValidationError";
    this.constructPath = constructPath;
    this.subject = subject;
    this.value = value;
    this.rule = violation.rule;
    this.fix = violation.fix;
  }
}

/** The value as it appears in messages: JSON, shortened past 200 characters. */
export function describeValue(value: unknown): string {
  const text = value === undefined ? "undefined" : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
