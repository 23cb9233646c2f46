/**
 * The policy record: what TransferPolicyPack writes into each stack's synthesized JSON, under
 * `"//".metadata.acrTransferPolicy` (cdktf's metadata section, which Terraform ignores and
 * `Testing.synth` leaves out), for the review command to read. Keys and lists are sorted, so the
 * same app gives the same bytes.
 */

/** Key of the record in `"//".metadata`. */
export const POLICY_RECORD_KEY = "acrTransferPolicy";

/** Version of the record's shape; readers refuse other versions. */
export const POLICY_RECORD_VERSION = 1;

/** One rule of a pack, with how often it passed, failed and was suppressed in the stack. */
export interface RecordedRule {
  /** Rule ID. */
  readonly ruleId: string;
  /** "error" or "warning". */
  readonly level: string;
  /** What the rule requires. */
  readonly message: string;
  /** How to comply. */
  readonly fix: string;
  /** Constructs the rule applied to. */
  readonly checked: number;
  /** Of those, how many broke it without a suppression. */
  readonly failed: number;
  /** Of those, how many broke it and were suppressed. */
  readonly suppressed: number;
}

/** One construct that broke a rule. */
export interface RecordedFinding {
  /** Rule ID. */
  readonly ruleId: string;
  /** "error" or "warning". */
  readonly level: string;
  /** Construct path. */
  readonly path: string;
  /** What is wrong with this construct. */
  readonly detail: string;
  /** Path of the construct whose suppression covers it; absent when it stands. */
  readonly suppressedBy?: string;
  /** The suppression's reason; absent when it stands. */
  readonly reason?: string;
}

/** One suppression declared on a construct the pack visited. */
export interface RecordedSuppression {
  /** Path of the construct it was added to ("" for the app). */
  readonly path: string;
  /** The rule it suppresses. */
  readonly ruleId: string;
  /** Why. */
  readonly reason: string;
  /** Findings in this stack it covered. */
  readonly covered: number;
}

/** The record of one stack. */
export interface PolicyRecord {
  /** POLICY_RECORD_VERSION. */
  readonly version: number;
  /** Every rule of every pack that visited the stack, by rule ID. */
  readonly rules: readonly RecordedRule[];
  /** Every finding, suppressed or not, by path then rule ID. */
  readonly findings: readonly RecordedFinding[];
  /** Every suppression, by path then rule ID. */
  readonly suppressions: readonly RecordedSuppression[];
}
