import { TransferSide } from "./options";

/** ARM type of export pipelines. */
export const EXPORT_PIPELINE_TYPE = "Microsoft.ContainerRegistry/registries/exportPipelines";
/** ARM type of import pipelines. */
export const IMPORT_PIPELINE_TYPE = "Microsoft.ContainerRegistry/registries/importPipelines";
/** ARM type of pipeline runs (export and import alike). */
export const PIPELINE_RUN_TYPE = "Microsoft.ContainerRegistry/registries/pipelineRuns";

/** ARM types of ACR Transfer, for every language. */
export class TransferResourceTypes {
  /** ARM type of export pipelines. */
  public static readonly EXPORT_PIPELINE = EXPORT_PIPELINE_TYPE;
  /** ARM type of import pipelines. */
  public static readonly IMPORT_PIPELINE = IMPORT_PIPELINE_TYPE;
  /** ARM type of pipeline runs, export and import alike. */
  public static readonly PIPELINE_RUN = PIPELINE_RUN_TYPE;

  private constructor() {}
}

/** The azapi `type` argument: `<resource-type>@<api-version>`. */
export function azapiType(resourceType: string, apiVersion: string): string {
  return `${resourceType}@${apiVersion}`;
}

/** The ARM type of an azapi `type`, as written (without its api-version); "" for no type. */
export function resourceTypeOf(type: unknown): string {
  return String(type ?? "").split("@")[0];
}

/** An azapi `type` without its api-version, in lower case (ARM types ignore case). */
export function baseType(type: unknown): string | undefined {
  return typeof type === "string" ? type.split("@")[0].toLowerCase() : undefined;
}

/** The api-version of an azapi `type` (`<resource type>@<api-version>`), or "" without one. */
export function apiVersionOf(type: unknown): string {
  const text = String(type ?? "");
  const at = text.indexOf("@");
  return at < 0 ? "" : text.slice(at + 1);
}

/** Whether an azapi `type` is a pipeline run (any api-version). */
export function isRunType(type: unknown): boolean {
  return baseType(type) === PIPELINE_RUN_TYPE.toLowerCase();
}

/**
 * Export or import, from an azapi `type` (`<resource type>@<api-version>`, ARM types ignore
 * case); undefined for any other type.
 */
export function transferSideOfType(type: unknown): TransferSide | undefined {
  if (typeof type !== "string") return undefined;
  const base = type.split("@")[0].toLowerCase();
  if (base === EXPORT_PIPELINE_TYPE.toLowerCase()) return TransferSide.EXPORT;
  if (base === IMPORT_PIPELINE_TYPE.toLowerCase()) return TransferSide.IMPORT;
  return undefined;
}
