/** ARM type of export pipelines. */
export const EXPORT_PIPELINE_TYPE = "Microsoft.ContainerRegistry/registries/exportPipelines";
/** ARM type of import pipelines. */
export const IMPORT_PIPELINE_TYPE = "Microsoft.ContainerRegistry/registries/importPipelines";
/** ARM type of pipeline runs (export and import alike). */
export const PIPELINE_RUN_TYPE = "Microsoft.ContainerRegistry/registries/pipelineRuns";

/** The azapi `type` argument: `<resource-type>@<api-version>`. */
export function azapiType(resourceType: string, apiVersion: string): string {
  return `${resourceType}@${apiVersion}`;
}
