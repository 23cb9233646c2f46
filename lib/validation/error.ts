import { redactSecrets, redactSecretsIn, valueHoldsSecret } from "../arm/secret-text";
import { Violation } from "../arm/violation";
import { showInvisible } from "../arm/visible";

/**
 * A configuration Azure would reject, found at synth time.
 *
 * TypeScript only: jsii cannot model a subclass of `Error`; other languages receive the same
 * message in their jsii runtime's error type.
 * @jsii ignore
 */
export class TransferValidationError extends Error {
  /** Path of the construct that received the value. */
  public readonly constructPath: string;
  /** The property or argument that holds the value. */
  public readonly subject: string;
  /** The value received, as given (SAS signatures redacted). */
  public readonly value: unknown;
  /** The rule the value breaks. */
  public readonly rule: string;
  /** How to fix it. */
  public readonly fix: string;

  /**
   * Builds the error; its message names the path, the subject, the value, the rule and the fix.
   * One redaction pass runs over the whole message. A value that holds a secret (a SAS signature,
   * an account key) gets a fixed problem and fix: none is derived from it (a suggested name
   * would carry the secret in another shape).
   */
  public constructor(constructPath: string, subject: string, value: unknown, violation: Violation) {
    const secret = valueHoldsSecret(value);
    const problem = secret ? SECRET_PROBLEM : violation.problem;
    const fix = secret ? secretFix(subject) : violation.fix;
    // A value that was not given is not shown: "location is not set", not "location undefined".
    const shown = value === undefined || value === null ? "" : ` ${describeValue(value)}`;
    // Problems and fixes may quote the value too: what a reader cannot see is shown there as well.
    super(
      redactSecrets(
        showInvisible(
          `${constructPath}: ${subject}${shown} ${problem}. rule: ${violation.rule}. fix: ${fix}.`,
        ),
      ),
    );
    this.name = "TransferValidationError";
    this.constructPath = redactSecrets(constructPath);
    this.subject = redactSecrets(subject);
    this.value = redactSecretsIn(value);
    this.rule = redactSecrets(violation.rule);
    this.fix = redactSecrets(fix);
  }
}

/** The problem of a value that holds a secret, in place of the rule's own. */
const SECRET_PROBLEM = "holds a secret (a SAS signature or a storage key), which is never shown";

/** The fix of a value that holds a secret: nothing in it is derived from the value. */
function secretFix(subject: string): string {
  return (
    `take the secret out of ${subject} (a SAS token goes only into a SasTokenSecret), ` +
    "and rotate it: it may already be in a log"
  );
}

/**
 * The value as it appears in messages: JSON without SAS signatures, constructs by their path,
 * no unresolved tokens, invisible characters as `<U+200B>`, shortened past 200 characters. Never throws, whatever a caller passed.
 */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text =
      JSON.stringify(redactSecretsIn(value), (_key, inner) => constructPath(inner) ?? inner) ??
      String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  // Callers resolve tokens to expressions; one left inside an object is not shown as a token.
  text = redactSecrets(text.replace(/\$\{TfToken\[[^\]]*\]\}/g, "(known at apply time)"));
  text = showInvisible(text);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** `<path>` of a construct (a resource, a stack, one of ours), to name it instead of dumping it. */
function constructPath(value: unknown): string | undefined {
  const node = (value as { node?: { path?: unknown } } | null)?.node;
  if (typeof value !== "object" || typeof node?.path !== "string") return undefined;
  return `<${node.path || "app"}>`;
}

/** How messages show values, for every language. */
export class ValidationMessages {
  /** The value as it appears in messages: JSON without SAS signatures, constructs by their path. */
  public static describeValue(value: unknown): string {
    return describeValue(value);
  }

  /**
   * `text` with every SAS signature and storage key (plain, URL-, HTML-, JSON- or
   * Markdown-encoded) replaced by `<redacted>`: the pass every message of the library goes through.
   */
  public static redactSecrets(text: string): string {
    return redactSecrets(text);
  }

  private constructor() {}
}
