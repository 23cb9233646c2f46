import { realpathSync, writeFileSync } from "node:fs";
import { redactSecrets } from "../arm/secret-text";
import { readJsonFile, SynthOutputError } from "../model/read-json-file";
import { PlanModel, readPlan } from "../model/read-plan";
import { SynthesizedStack, readSynthOutput } from "../model/synth-output";
import { resourcesOfType } from "../model/terraform-json";
import { ReviewArgs, UsageError } from "./args";
import { AssignedPlan, buildReview } from "./build-review";
import { renderFullMarkdown, renderMarkdown } from "./markdown";
import { withoutControls } from "./printable";
import { renderSarif } from "./sarif";

/** What a command prints and its exit code. */
export interface CommandResult {
  /** Standard output. */
  readonly stdout: string;
  /** Exit code: 0, or 1 when --strict and the gate fails. */
  readonly exitCode: number;
}

/** Runs `review`: reads the synth output and plans, prints the report, applies --strict. */
export function runReview(args: ReviewArgs): CommandResult {
  const stacks = readSynthOutput(args.target);
  const plans = args.plans.map((file) => assignPlan(file, stacks));
  const review = buildReview(stacks, plans);
  if (args.fullReport !== undefined) {
    try {
      writeFileSync(args.fullReport, redactSecrets(renderFullMarkdown(review)));
    } catch {
      throw new UsageError(`--full-report ${args.fullReport} cannot be written`);
    }
  }
  // cdktf.out and plans are untrusted: a secret in them is not printed, whatever the format.
  const stdout = redactSecrets(
    args.format === "json"
      ? `${JSON.stringify(review, (_key, value) => (typeof value === "string" ? withoutControls(value) : value), 2)}\n`
      : args.format === "sarif"
        ? renderSarif(review, stacks)
        : renderMarkdown(review, args.maxLength),
  );
  return { stdout, exitCode: args.strict && review.gate.length > 0 ? 1 : 0 };
}

/** Reads a plan file and finds its stack: the one holding most of the plan's resources. */
function assignPlan(file: string, stacks: readonly SynthesizedStack[]): AssignedPlan {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    throw new UsageError(`--plan ${file} does not exist`);
  }
  let plan: PlanModel;
  try {
    plan = readPlan(readJsonFile(real, "--plan"));
  } catch (error) {
    if (error instanceof SynthOutputError) throw error;
    throw new UsageError(`--plan ${file} ${(error as Error).message}`);
  }
  const scored = stacks.map((stack) => ({ stack, score: overlap(plan, stack) }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  const matches = scored.filter((s) => s.score === best).map((s) => s.stack);
  if (best === 0) {
    throw new UsageError(
      `--plan ${file} plans none of the resources of ${stacks.map((s) => s.name).join(", ") || "the stacks (there are none)"}; give the plan of a reviewed stack`,
    );
  }
  if (matches.length > 1) {
    throw new UsageError(
      `--plan ${file} fits ${matches.map((s) => s.name).join(" and ")} equally; review the plan's stack directory (cdktf.out/stacks/<name>) instead`,
    );
  }
  return { file, plan, stack: matches[0].name };
}

/** How many of the plan's resource addresses the stack declares. */
function overlap(plan: PlanModel, stack: SynthesizedStack): number {
  let count = 0;
  for (const type of Object.keys(stack.doc.resource ?? {})) {
    for (const r of resourcesOfType(stack.doc, type)) if (plan.addresses.has(r.address)) count++;
  }
  return count;
}
