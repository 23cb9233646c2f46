import { nearMiss } from "./near-miss";
import { Violation } from "./violation";

/**
 * Every api-version of Microsoft.ContainerRegistry that has exportPipelines, importPipelines and
 * pipelineRuns; all are previews (the API has no GA version).
 */
export const TRANSFER_API_VERSIONS: readonly string[] = [
  "2019-12-01-preview",
  "2020-11-01-preview",
  "2021-06-01-preview",
  "2021-08-01-preview",
  "2021-12-01-preview",
  "2022-02-01-preview",
  "2023-01-01-preview",
  "2023-06-01-preview",
  "2023-08-01-preview",
  "2023-11-01-preview",
  "2024-11-01-preview",
  "2025-03-01-preview",
  "2025-05-01-preview",
  "2025-06-01-preview",
  "2025-12-01-preview",
  "2026-01-01-preview",
  "2026-03-01-preview",
  "2026-09-01-preview",
];

/** What Microsoft's ARM templates and the Azure CLI use, and this library's default. */
export const DEFAULT_TRANSFER_API_VERSION = "2025-06-01-preview";

/** The first api-version with `storageAccessMode` (managed-identity storage access). */
export const STORAGE_ACCESS_MODE_API_VERSION = "2025-06-01-preview";

/**
 * The api-versions, for every language.
 * Lists are copies, as jsii has no read-only arrays: changing one changes no check.
 */
export class TransferApiVersions {
  /** Every api-version that has ACR Transfer. */
  public static readonly ALL: string[] = [...TRANSFER_API_VERSIONS];
  /** The library's default api-version. */
  public static readonly DEFAULT = DEFAULT_TRANSFER_API_VERSION;
  /** First api-version with `storageAccessMode`. */
  public static readonly STORAGE_ACCESS_MODE = STORAGE_ACCESS_MODE_API_VERSION;

  private constructor() {}
}

/** True from 2025-06-01-preview on: the body carries `storageAccessMode`, `keyVaultUri` is optional. */
export function supportsStorageAccessMode(apiVersion: string): boolean {
  return apiVersion >= STORAGE_ACCESS_MODE_API_VERSION;
}

/**
 * The api-version must be one of TRANSFER_API_VERSIONS; a near miss (`2026-03-01-Preview`,
 * `2025-06-01-previw`) is named.
 */
export function checkApiVersion(apiVersion: string): Violation | undefined {
  if (TRANSFER_API_VERSIONS.includes(apiVersion)) return undefined;
  const near = nearMiss(apiVersion, TRANSFER_API_VERSIONS);
  return {
    problem: "is not an api-version that has ACR Transfer",
    rule: `one of ${TRANSFER_API_VERSIONS.join(", ")} (lower case)`,
    fix: near
      ? `did you mean "${near}"? (ACR Transfer has preview api-versions only)`
      : `use one of the listed versions, or leave it unset for ${DEFAULT_TRANSFER_API_VERSION}`,
  };
}
