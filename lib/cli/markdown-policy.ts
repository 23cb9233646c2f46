import { PolicyRecord, RecordedFinding } from "../model/policy-results";
import { Block, code, section, strong, text } from "./markdown-document";

/** The policy part of a stack's report: rules, findings (standing first) and suppressions. */
export function policyBlocks(policy: PolicyRecord | undefined): Block[] {
  if (!policy) {
    return [
      { kind: "heading", depth: 3, children: [text("Policy")] },
      { kind: "paragraph", children: [text("No TransferPolicyPack visited this stack.")] },
    ];
  }
  return [
    ...section(
      "Policy rules",
      ["Rule", "Level", "Checked", "Failed", "Suppressed"],
      policy.rules.map((r) => [
        [code(r.ruleId)],
        [text(r.level)],
        [text(String(r.checked))],
        [text(String(r.failed))],
        [text(String(r.suppressed))],
      ]),
    ),
    ...section(
      `Policy findings (${policy.findings.length})`,
      ["Status", "Level", "Rule", "Construct", "Finding"],
      [...policy.findings]
        .sort(standingFirst)
        .map((f) => [
          f.suppressedBy === undefined
            ? [strong(text("stands"))]
            : [text("suppressed at "), code(f.suppressedBy || "app")],
          [text(f.level)],
          [code(f.ruleId)],
          [code(f.path)],
          [text(f.detail)],
        ]),
    ),
    ...section(
      `Suppressions (${policy.suppressions.length})`,
      ["Construct", "Rule", "Reason", "Findings covered"],
      policy.suppressions.map((x) => [
        [code(x.path || "app")],
        [code(x.ruleId)],
        [text(x.reason)],
        [text(String(x.covered))],
      ]),
    ),
  ];
}

/** Standing findings before suppressed ones; otherwise the record's order (path, rule). */
function standingFirst(a: RecordedFinding, b: RecordedFinding): number {
  return Number(a.suppressedBy !== undefined) - Number(b.suppressedBy !== undefined);
}
