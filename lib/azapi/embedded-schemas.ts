import {
  EXPORT_PIPELINE_TYPE,
  IMPORT_PIPELINE_TYPE,
  PIPELINE_RUN_TYPE,
} from "../arm/resource-types";

/**
 * The first azapi release whose embedded schemas know each ACR Transfer api-version, the same
 * for exportPipelines, importPipelines and pipelineRuns ("2.0.1": that release or an earlier
 * 2.x). azapi refuses an api-version it does not embed unless `schema_validation_enabled` is
 * false; an api-version missing here (2025-12-01-preview, 2026-09-01-preview) is embedded by no
 * release up to 2.12.
 */
export const AZAPI_FIRST_EMBEDDING: { readonly [apiVersion: string]: string } = {
  "2019-12-01-preview": "2.0.1",
  "2020-11-01-preview": "2.0.1",
  "2021-06-01-preview": "2.0.1",
  "2021-08-01-preview": "2.0.1",
  "2021-12-01-preview": "2.0.1",
  "2022-02-01-preview": "2.0.1",
  "2023-01-01-preview": "2.0.1",
  "2023-06-01-preview": "2.0.1",
  "2023-08-01-preview": "2.0.1",
  "2023-11-01-preview": "2.0.1",
  "2024-11-01-preview": "2.2.0",
  "2025-03-01-preview": "2.4.0",
  "2025-05-01-preview": "2.5.0",
  "2025-06-01-preview": "2.8.0",
  "2026-01-01-preview": "2.9.0",
  "2026-03-01-preview": "2.11.0",
};

/**
 * The oldest azapi release for an ACR Transfer api-version that no release embeds, where it is
 * more than the baseline: 2026-09-01-preview has the pipeline schema of 2026-03-01-preview, so a
 * stack on it asks for the release that embeds that schema (2.11.0), as it would on
 * 2026-03-01-preview; moving between the two leaves the stack's azapi constraint as it is.
 */
export const AZAPI_UNEMBEDDED_FLOOR: { readonly [apiVersion: string]: string } = {
  "2026-09-01-preview": "2.11.0",
};

/**
 * The oldest azapi release this library asks for: 2.8.0, the first that embeds the default
 * api-version (2025-06-01-preview). Older api-versions do not lower it.
 */
export const AZAPI_BASELINE_VERSION = "2.8.0";

const TRANSFER_TYPES = [EXPORT_PIPELINE_TYPE, IMPORT_PIPELINE_TYPE, PIPELINE_RUN_TYPE].map((t) =>
  t.toLowerCase(),
);

/** The api-version of an ACR Transfer azapi `type` (`<ARM type>@<api-version>`), else undefined. */
function transferApiVersion(type: string): string | undefined {
  const at = type.lastIndexOf("@");
  if (at < 0 || !TRANSFER_TYPES.includes(type.slice(0, at).toLowerCase())) return undefined;
  return type.slice(at + 1);
}

/** The first azapi release that embeds an ACR Transfer api-version, else undefined. */
function firstEmbedding(apiVersion: string): string | undefined {
  return ownValue(AZAPI_FIRST_EMBEDDING, apiVersion);
}

/** `table[key]` when the table has it as its own key (not "constructor" or "toString"). */
function ownValue(table: { readonly [key: string]: string }, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/**
 * Whether azapi 2.x can check a body of this azapi `type` against an embedded schema: false for
 * an ACR Transfer type at an api-version no release embeds, true for every other type.
 */
export function azapiEmbedsSchema(type: string): boolean {
  const apiVersion = transferApiVersion(type);
  return apiVersion === undefined || firstEmbedding(apiVersion) !== undefined;
}

/**
 * The oldest azapi release an `azapi_resource` of this `type` works with: the first that embeds
 * its schema when schema validation is on, never below AZAPI_BASELINE_VERSION; for an api-version
 * no release embeds, its AZAPI_UNEMBEDDED_FLOOR (or the baseline). Types other than ACR
 * Transfer's, and embedded api-versions without schema validation, need only the baseline.
 */
export function azapiFloor(type: string, schemaValidationEnabled = true): string {
  const apiVersion = transferApiVersion(type);
  if (apiVersion === undefined) return AZAPI_BASELINE_VERSION;
  const first = firstEmbedding(apiVersion);
  const floor =
    first === undefined
      ? ownValue(AZAPI_UNEMBEDDED_FLOOR, apiVersion)
      : schemaValidationEnabled
        ? first
        : undefined;
  return newerVersion(floor ?? AZAPI_BASELINE_VERSION, AZAPI_BASELINE_VERSION);
}

/** The newer of two release versions ("2.11.0" is newer than "2.9.0"). */
export function newerVersion(a: string, b: string): string {
  const pa = versionParts(a);
  const pb = versionParts(b);
  const i = pa.findIndex((part, k) => part !== pb[k]);
  return i >= 0 && pa[i] < pb[i] ? b : a;
}

/**
 * The `required_providers` version constraint that allows `floor` and every later release of its
 * major version: `~> 2.11` for 2.11.0, `>= 2.11.1, < 3.0` when the floor is a patch release.
 */
export function azapiVersionConstraint(floor: string): string {
  const [major, minor, patch] = versionParts(floor);
  return patch === 0 ? `~> ${major}.${minor}` : `>= ${floor}, < ${major + 1}.0`;
}

function versionParts(version: string): [number, number, number] {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  return [major, minor, patch];
}
