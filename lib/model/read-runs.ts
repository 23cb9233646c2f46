import { TransferSide } from "../arm/options";
import { apiVersionOf, isRunType } from "../arm/resource-types";
import { asRecord } from "../private/records";
import { bodyProperties, constructPath, optionalString, stringList } from "./json-values";
import { StackKeys } from "./stack-keys";
import { AddressedBlock, TerraformBlock } from "./terraform-json";
import { PipelineRunModel } from "./transfer-model";

/** Every pipeline run among the stack's azapi resources. */
export function readRuns(keys: StackKeys, azapi: readonly AddressedBlock[]): PipelineRunModel[] {
  return azapi
    .filter(({ block }) => isRunType(block.type))
    .map(({ address, block }) => readRun(keys, address, block));
}

/** Reads one pipeline run block (synthesized, or a resource's values in a plan). */
export function readRun(keys: StackKeys, address: string, block: TerraformBlock): PipelineRunModel {
  const properties = bodyProperties(block);
  const request = asRecord(properties.request);
  const ref = keys.parse(request.pipelineResourceId);
  const dependsOn = stringList(block.depends_on);
  const target = optionalString(asRecord(request.target).name);
  const source = optionalString(asRecord(request.source).name);
  return {
    address,
    path: constructPath(block),
    label: `${address} (pipeline run ${JSON.stringify(block.name)})`,
    name: String(block.name ?? ""),
    side:
      target !== undefined
        ? TransferSide.EXPORT
        : source !== undefined
          ? TransferSide.IMPORT
          : undefined,
    pipeline: ref?.attribute === "id" ? ref.address : undefined,
    pipelineId: String(request.pipelineResourceId ?? ""),
    registryId: String(block.parent_id ?? ""),
    apiVersion: apiVersionOf(block.type),
    artifacts: stringList(request.artifacts),
    blob: target ?? source,
    rerunToken: optionalString(properties.forceUpdateTag),
    dependsOn: dependsOn.map((d) => d.replace(/^\$\{(.*)\}$/, "$1")),
  };
}
