import { TerraformOutput, TerraformStack } from "../core/cdk";
import { Construct } from "constructs";
import { NameKind, claimName } from "../private/ledger";
import { IPipelineRun } from "../runs/pipeline-run";
import { fail } from "../validation/check";
import { Violation } from "../arm/violation";
import { TransferBatch } from "./transfer-batch";

const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Output name prefixes: what Terraform takes as the start of an output name. */
export function checkOutputPrefix(prefix: string): Violation | undefined {
  if (OUTPUT_NAME.test(prefix)) return undefined;
  const cleaned = prefix.replace(/[^A-Za-z0-9_-]/g, "_").replace(/^(?=[0-9-])/, "_");
  return {
    problem: "cannot start a Terraform output name",
    rule: "a letter or underscore, then letters, digits, underscores and hyphens",
    fix: cleaned ? `use "${cleaned}"` : 'use a name such as "images"',
  };
}

/**
 * Declares, under `scope`, the outputs of batched runs (`runs[i]` runs `batches[i]`):
 * `<prefix>_<batch ID>_status` and `<prefix>_<batch ID>_error` for each batch, and
 * `<prefix>_summary`, a map from run name to status. Returns the summary output.
 */
export function declareBatchOutputs(
  scope: Construct,
  prefix: string,
  batches: readonly TransferBatch[],
  runs: readonly IPipelineRun[],
): TerraformOutput {
  const statuses = runs.map((run) => run.runStatus);
  batches.forEach((batch, i) => {
    const run = runs[i];
    output(scope, `${prefix}_${batch.batchId}_status`, {
      value: statuses[i],
      description: `Status of ${run.runName} (${batch.artifacts.length} artifacts, blob ${batch.blobName}): Succeeded, Failed or Running.`,
    });
    output(scope, `${prefix}_${batch.batchId}_error`, {
      value: run.runErrorMessage,
      description: `The service's error message when ${run.runName} failed.`,
    });
  });
  return output(scope, `${prefix}_summary`, {
    value: Object.fromEntries(runs.map((run, i) => [run.runName, statuses[i]])),
    description: `Status of each of the ${runs.length} batched runs, by run name.`,
  });
}

/** An output named exactly `name`, claimed once per stack. */
function output(
  scope: Construct,
  name: string,
  config: { value: unknown; description: string },
): TerraformOutput {
  const first = claimName(scope, NameKind.OUTPUT, TerraformStack.of(scope).node.path, name);
  if (first) {
    fail(scope, "outputPrefix", name, {
      problem: `names an output that ${first} already declares in the same stack`,
      rule: "output names are unique per stack",
      fix: "give one of the batch sets another outputPrefix",
    });
  }
  const declared = new TerraformOutput(scope, name, config);
  declared.overrideLogicalId(name);
  return declared;
}
