import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { IPipelineRun } from "../../lib";

/** Prints a run's status and error message after apply: the first things to read when it fails. */
export function addRunOutputs(scope: Construct, prefix: string, run: IPipelineRun): void {
  new TerraformOutput(scope, `${prefix}_status`, {
    value: run.runStatus,
    description: `Status of ${run.runName}: Succeeded, Failed or Running.`,
  });
  new TerraformOutput(scope, `${prefix}_error_message`, {
    value: run.runErrorMessage,
    description: `The service's error message when ${run.runName} failed.`,
  });
}
