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
