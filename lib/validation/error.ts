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

  /** Builds the error; its message names the path, the subject, the value, the rule and the fix. */
  public constructor(constructPath: string, subject: string, value: unknown, violation: Violation) {
    // A value that was not given is not shown: "location is not set", not "location undefined".
    const shown = value === undefined || value === null ? "" : ` ${describeValue(value)}`;
    // Problems and fixes may quote the value too: what a reader cannot see is shown there as well.
    super(
      showInvisible(
        `${constructPath}: ${subject}${shown} ${violation.problem}. ` +
          `rule: ${violation.rule}. fix: ${violation.fix}.`,
      ),
    );
    this.name = "TransferValidationError";
    this.constructPath = constructPath;
    this.subject = subject;
    this.value = redact(value);
    this.rule = violation.rule;
    this.fix = violation.fix;
  }
}

/**
 * The value as it appears in messages: JSON without SAS signatures, constructs by their path,
 * no unresolved tokens, invisible characters as `<U+200B>`, shortened past 200 characters. Never throws, whatever a caller passed.
 */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text =
      JSON.stringify(redact(value), (_key, inner) => constructPath(inner) ?? inner) ??
      String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  // Callers resolve tokens to expressions; one left inside an object is not shown as a token.
  text = text.replace(/\$\{TfToken\[[^\]]*\]\}/g, "(known at apply time)");
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

  private constructor() {}
}

/**
 * Secrets that never reach a message or a log, each kept up to its `=`: SAS signatures (also
 * URL- or HTML-encoded: `%26sig%3D`, `&amp;sig=`), storage account keys and shared access keys
 * and signatures of connection strings.
 */
const SECRET_PATTERNS: readonly RegExp[] = [
  /((?:^|[?&;]|%26|&amp;)sig(?:=|%3d))[^&"\s;]*/gi,
  /((?:AccountKey|SharedAccessKey|SharedAccessSignature)=)[^;"\s]*/gi,
];

/** `value` with every secret of SECRET_PATTERNS replaced by `<redacted>`. */
function redact(value: unknown): unknown {
  if (typeof value === "string") {
    return SECRET_PATTERNS.reduce((text, pattern) => text.replace(pattern, "$1<redacted>"), value);
  }
  if (Array.isArray(value)) return value.map(redact);
  return value;
}
