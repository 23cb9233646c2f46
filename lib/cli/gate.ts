import { PolicyRecord, standingFindings } from "../model/policy-results";
import { SynthesizedStack } from "../model/synth-output";
import { TransferModel } from "../model/transfer-model";
import { constructPaths } from "../model/json-values";
import { GateFailure } from "./review";

/** A stack as the gate sees it. */
export interface GatedStack {
  /** The stack as read. */
  readonly stack: SynthesizedStack;
  /** Its transfer model. */
  readonly model: TransferModel;
  /** Its policy record; undefined when no pack visited it. */
  readonly policy?: PolicyRecord;
}

/**
 * Why `--strict` fails: an app with no stacks; per stack, standing policy findings, error
 * annotations of the synth, transfer resources that no policy pack visited, and a policy
 * record that does not match the stack's resources.
 */
export function strictGate(stacks: readonly GatedStack[]): GateFailure[] {
  if (stacks.length === 0) {
    return [
      { stack: "", reason: "the manifest lists no stacks: nothing was synthesized to review" },
    ];
  }
  return stacks.flatMap(({ stack, model, policy }) => {
    const failures: string[] = [];
    const standing = standingFindings(policy).length;
    if (standing > 0) failures.push(`${standing} policy finding(s) stand`);
    const errors = stack.annotations.filter((a) => a.level === "error").length;
    if (errors > 0) failures.push(`${errors} error annotation(s) in the synth`);
    const transfer = model.pipelines.length + model.runs.length;
    if (policy === undefined && transfer > 0) {
      failures.push(
        `no TransferPolicyPack visited its ${model.pipelines.length} pipeline(s) and ${model.runs.length} run(s)`,
      );
    }
    if (policy !== undefined) failures.push(...recordMismatches(stack, model, policy));
    return failures.map((reason) => ({ stack: stack.name, reason }));
  });
}

/** Where the policy record disagrees with itself or with the stack it is in. */
export function recordMismatches(
  stack: SynthesizedStack,
  model: TransferModel,
  policy: PolicyRecord,
): string[] {
  const problems: string[] = [];
  const paths = constructPaths(stack.doc).sort();
  for (const finding of policy.findings) {
    if (!holds(paths, finding.path)) {
      problems.push(
        `the policy record has a finding on ${finding.path}, which the stack does not hold`,
      );
    }
  }
  const checkable = model.pipelines.length + model.runs.length + model.secrets.length;
  const counts = new Map<string, { failed: number; suppressed: number }>();
  for (const f of policy.findings) {
    const count = counts.get(f.ruleId) ?? { failed: 0, suppressed: 0 };
    if (f.suppressedBy === undefined) count.failed++;
    else count.suppressed++;
    counts.set(f.ruleId, count);
  }
  for (const rule of policy.rules) {
    const { failed, suppressed } = counts.get(rule.ruleId) ?? { failed: 0, suppressed: 0 };
    if (rule.failed !== failed || rule.suppressed !== suppressed) {
      problems.push(
        `the policy record counts ${rule.failed} failed and ${rule.suppressed} suppressed for ${rule.ruleId} but lists ${failed} and ${suppressed}`,
      );
    }
    if (rule.checked > checkable || rule.failed + rule.suppressed > rule.checked) {
      problems.push(
        `the policy record says ${rule.ruleId} checked ${rule.checked} construct(s); the stack has ${checkable} it could check`,
      );
    }
  }
  const known = new Set(policy.rules.map((r) => r.ruleId));
  for (const ruleId of counts.keys()) {
    if (!known.has(ruleId)) {
      problems.push(`the policy record has findings of ${ruleId}, a rule it does not list`);
    }
  }
  const pipelines = model.pipelines.length + model.runs.length;
  if (pipelines > 0 && policy.rules.length > 0 && policy.rules.every((r) => r.checked === 0)) {
    problems.push(
      `the policy record checked none of the stack's ${pipelines} pipeline(s) and run(s)`,
    );
  }
  return problems;
}

/** Whether the sorted `paths` hold `path` or a path under it. */
function holds(paths: readonly string[], path: string): boolean {
  const under = `${path}/`;
  return (
    paths[lowerBound(paths, path)] === path ||
    (paths[lowerBound(paths, under)]?.startsWith(under) ?? false)
  );
}

/** The index of the first of the sorted `paths` not before `key` (binary search). */
function lowerBound(paths: readonly string[], key: string): number {
  let low = 0;
  let high = paths.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (paths[middle] < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
