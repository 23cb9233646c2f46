import {
  POLICY_RECORD_KEY,
  POLICY_RECORD_VERSION,
  PolicyRecord,
  RecordedFinding,
} from "../policies/policy-record";
import { asRecord } from "../private/records";
import { SynthOutputError } from "./read-json-file";

export {
  PolicyRecord,
  RecordedFinding,
  RecordedRule,
  RecordedSuppression,
} from "../policies/policy-record";

/**
 * The policy record TransferPolicyPack wrote into a stack's synthesized JSON
 * (`"//".metadata.acrTransferPolicy`); undefined when no pack visited the stack. A record of
 * another version is refused: the review must not misreport what the pack found.
 */
export function readPolicyRecord(doc: object): PolicyRecord | undefined {
  const record = asRecord(asRecord(asRecord(asRecord(doc)["//"]).metadata)[POLICY_RECORD_KEY]);
  if (Object.keys(record).length === 0) return undefined;
  if (record.version !== POLICY_RECORD_VERSION) {
    throw new SynthOutputError(
      `the stack's policy record has version ${JSON.stringify(record.version)}; this review reads version ${POLICY_RECORD_VERSION} (use the same cdktf-acr-transfer version for synth and review)`,
    );
  }
  const shaped =
    listOf(record.rules, {
      ruleId: "string",
      level: "string",
      message: "string",
      fix: "string",
      checked: "number",
      failed: "number",
      suppressed: "number",
    }) &&
    listOf(
      record.findings,
      { ruleId: "string", level: "string", path: "string", detail: "string" },
      ["suppressedBy", "reason"],
    ) &&
    listOf(record.suppressions, {
      path: "string",
      ruleId: "string",
      reason: "string",
      covered: "number",
    });
  if (!shaped) {
    throw new SynthOutputError(
      "the stack's policy record is not shaped as TransferPolicyPack writes it (rules, findings and suppressions with their fields); synthesize again rather than edit it",
    );
  }
  return record as unknown as PolicyRecord;
}

/** Whether `value` is a list of objects with these fields of these types (and optional strings). */
function listOf(
  value: unknown,
  fields: Readonly<Record<string, "string" | "number">>,
  optionalStrings: readonly string[] = [],
): boolean {
  return (
    Array.isArray(value) &&
    value.every((item) => {
      const entry = asRecord(item);
      return (
        entry === item &&
        Object.entries(fields).every(([key, type]) =>
          type === "number"
            ? Number.isSafeInteger(entry[key]) && (entry[key] as number) >= 0
            : typeof entry[key] === type,
        ) &&
        optionalStrings.every((key) => entry[key] === undefined || typeof entry[key] === "string")
      );
    })
  );
}

/** The findings that stand: neither suppressed nor fixed. */
export function standingFindings(record: PolicyRecord | undefined): RecordedFinding[] {
  return (record?.findings ?? []).filter((finding) => finding.suppressedBy === undefined);
}
