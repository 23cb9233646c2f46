import { TransferSide } from "../arm/options";
import { PlanModel } from "../model/read-plan";
import { PolicyRecord, readPolicyRecord, standingFindings } from "../model/policy-results";
import { SharedThing, followCrossStack } from "../model/cross-stack";
import { readTransferModel } from "../model/read-transfer-model";
import { SynthesizedStack } from "../model/synth-output";
import { TransferModel } from "../model/transfer-model";
import { findCopies } from "./copies";
import { strictGate } from "./gate";
import { flowchart } from "./flowchart";
import { StackNames } from "./names";
import { redFlags } from "./red-flags";
import { Review, StackReview } from "./review";

/** A plan file given with --plan, read, and the stack it belongs to. */
export interface AssignedPlan {
  /** The file, as given. */
  readonly file: string;
  /** The plan. */
  readonly plan: PlanModel;
  /** Name of the stack whose resources it plans. */
  readonly stack: string;
}

/** Reviews synthesized stacks, with the red flags of their plans. */
export function buildReview(
  stacks: readonly SynthesizedStack[],
  plans: readonly AssignedPlan[] = [],
): Review {
  const view = followCrossStack(stacks);
  const models = stacks.map((stack) => ({
    stack,
    model: readTransferModel(view.docs.get(stack.name) ?? stack.doc),
    policy: readPolicyRecord(stack.doc),
  }));
  const copies = findCopies(models.map(({ stack, model }) => ({ name: stack.name, model })));
  const exported = exportedArtifacts(models.map((m) => m.model));
  const reviews = models.map(({ stack, model, policy }) =>
    stackReview(
      stack,
      model,
      view.shared.get(stack.name) ?? [],
      policy,
      copies.filter((c) => c.fromStack === stack.name || c.toStack === stack.name),
      plans.filter((p) => p.stack === stack.name),
      exported,
    ),
  );
  const sum = (count: (s: StackReview) => number) => reviews.reduce((n, s) => n + count(s), 0);
  const standing = (level: string) => (s: StackReview) =>
    standingFindings(s.policy).filter((f) => f.level === level).length;
  return {
    format: "cdktf-acr-transfer-review",
    version: 1,
    totals: {
      stacks: reviews.length,
      pipelines: sum((s) => s.pipelines.length),
      runs: sum((s) => s.runs.length),
      grants: sum((s) => s.grants.length),
      secrets: sum((s) => s.secrets.length),
      policyErrors: sum(standing("error")),
      policyWarnings: sum(standing("warning")),
      suppressed: sum((s) => (s.policy?.findings ?? []).filter((f) => f.suppressedBy).length),
      stacksWithoutPolicy: sum((s) =>
        s.policy || s.pipelines.length + s.runs.length === 0 ? 0 : 1,
      ),
      redFlags: sum((s) => s.redFlags.length),
    },
    stacks: reviews,
    gate: strictGate(models),
  };
}

/** The artifacts export runs write, by blob name, across every stack. */
function exportedArtifacts(
  models: readonly TransferModel[],
): ReadonlyMap<string, readonly string[]> {
  const byBlob = new Map<string, string[]>();
  for (const model of models) {
    for (const run of model.runs) {
      if (run.side !== TransferSide.EXPORT || run.blob === undefined) continue;
      const artifacts = byBlob.get(run.blob);
      if (artifacts) artifacts.push(...run.artifacts);
      else byBlob.set(run.blob, [...run.artifacts]);
    }
  }
  return byBlob;
}

function stackReview(
  stack: SynthesizedStack,
  model: TransferModel,
  shared: readonly SharedThing[],
  policy: PolicyRecord | undefined,
  copies: StackReview["copies"],
  plans: readonly AssignedPlan[],
  exported: ReadonlyMap<string, readonly string[]>,
): StackReview {
  const names = new StackNames(model);
  return {
    name: stack.name,
    mermaid: flowchart(stack.name, names, copies, shared),
    shared,
    pipelines: model.pipelines.map((p) => ({
      address: p.address,
      side: p.side,
      name: p.name,
      registry: p.registry,
      apiVersion: p.apiVersion,
      identity:
        p.identityIds.length > 0 && p.principal !== undefined
          ? `${p.identityType}: ${names.principal(p.principal).replace(/^user-assigned /, "")}`
          : p.identityType,
      storageAccessMode: p.storageAccessMode ?? "unknown",
      container: StackNames.container(p.container),
      options: p.options,
      sourceTrigger: p.sourceTrigger,
    })),
    runs: model.runs.map((r) => ({
      address: r.address,
      name: r.name,
      side: r.side,
      pipeline: names.runPipeline(r),
      artifacts: r.artifacts,
      importsFrom:
        r.side === TransferSide.IMPORT && r.blob !== undefined ? exported.get(r.blob) : undefined,
      blob: r.blob,
      rerunToken: r.rerunToken,
    })),
    grants: model.grants.map((g) => ({
      address: g.address,
      principal: names.principal(g.principal),
      scope: StackNames.scope(g),
      access: StackNames.access(g),
    })),
    secrets: model.secrets.map((s) => ({
      address: s.address,
      name: s.name,
      vault: s.vault,
      kind: s.kind,
      writeOnlyVersion: s.writeOnlyVersion,
      expiry: s.expiry,
      usedBy: names.pipelines(s.usedBy),
    })),
    copies,
    policy,
    annotations: stack.annotations,
    plans: plans.map((p) => p.file),
    redFlags: plans.flatMap((p) => redFlags(p.plan)),
  };
}
