/** What a value broke and how to mend it; the construct wraps it with its path and the value. */
export interface Violation {
  /** What is wrong, lowercase, without the value (e.g. "has a hyphen"). */
  readonly problem: string;
  /** The rule the value must follow. */
  readonly rule: string;
  /** How to fix it, as an instruction. */
  readonly fix: string;
}
