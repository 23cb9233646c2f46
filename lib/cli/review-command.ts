import { readFileSync } from "node:fs";
import { standingFindings } from "../model/policy-results";
import { PlanModel, readPlan } from "../model/read-plan";
import { SynthesizedStack, readSynthOutput } from "../model/synth-output";
import { resourcesOfType } from "../model/terraform-json";
import { ReviewArgs, UsageError } from "./args";
import { AssignedPlan, buildReview } from "./build-review";
import { renderMarkdown } from "./markdown";

/** What a command prints and its exit code. */
export interface CommandResult {
  /** Standard output. */
  readonly stdout: string;
  /** Exit code: 0, or 1 when --strict and a policy finding stands. */
  readonly exitCode: number;
}

/** Runs `review`: reads the synth output and plans, prints the report, applies --strict. */
export function runReview(args: ReviewArgs): CommandResult {
  const stacks = readSynthOutput(args.target);
  const plans = args.plans.map((file) => assignPlan(file, stacks));
  const review = buildReview(stacks, plans);
  const stdout =
    args.format === "json" ? `${JSON.stringify(review, null, 2)}\n` : renderMarkdown(review);
  const standing = review.stacks.some((s) => standingFindings(s.policy).length > 0);
  return { stdout, exitCode: args.strict && standing ? 1 : 0 };
}

/** Reads a plan file and finds its stack: the one holding most of the plan's resources. */
function assignPlan(file: string, stacks: readonly SynthesizedStack[]): AssignedPlan {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--plan ${file}: ${(error as Error).message}`);
  }
  let plan: PlanModel;
  try {
    plan = readPlan(JSON.parse(text));
  } catch (error) {
    throw new UsageError(`--plan ${file} ${(error as Error).message}`);
  }
  const scored = stacks.map((stack) => ({ stack, score: overlap(plan, stack) }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  const matches = scored.filter((s) => s.score === best).map((s) => s.stack);
  if (best === 0) {
    throw new UsageError(
      `--plan ${file} plans none of the resources of ${stacks.map((s) => s.name).join(", ")}; give the plan of a reviewed stack`,
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
  const types = Object.keys(stack.doc.resource ?? {});
  const addresses = types.flatMap((type) => resourcesOfType(stack.doc, type).map((r) => r.address));
  return addresses.filter((address) => plan.addresses.has(address)).length;
}
