import {
  POLICY_RECORD_KEY,
  POLICY_RECORD_VERSION,
  PolicyRecord,
  RecordedFinding,
} from "../policies/policy-record";
import { asRecord } from "../private/records";

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
    throw new Error(
      `the stack's policy record has version ${JSON.stringify(record.version)}; this review reads version ${POLICY_RECORD_VERSION} (use the same cdktf-acr-transfer version for synth and review)`,
    );
  }
  return record as unknown as PolicyRecord;
}

/** The findings that stand: neither suppressed nor fixed. */
export function standingFindings(record: PolicyRecord | undefined): RecordedFinding[] {
  return (record?.findings ?? []).filter((finding) => finding.suppressedBy === undefined);
}
