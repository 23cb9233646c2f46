// The public API is a decision, not a side effect: these tests pin what each entry point exports
// at runtime, so that a new export (or a lost one) is a deliberate change made here as well.
// Type-only exports (interfaces, props) vanish at runtime and are not listed (vitest's per-file
// transform keeps a re-exported type as a key whose value is undefined: it is left out here).
import { describe, expect, it } from "vitest";
import * as root from "../lib";
import * as azapi from "../lib/azapi";

/** At most this many runtime exports in the root entry point (issue 17). */
const ROOT_LIMIT = 60;

const ROOT_EXPORTS = [
  "ArtifactList",
  "AzapiEnvironment",
  "AzapiProvider",
  "AzureCloud",
  "BlobCopyOutput",
  "BulkTransfer",
  "DeployerRights",
  "DeployerTask",
  "ExportBatches",
  "ExportOption",
  "ExportPipeline",
  "ExportPipelineRun",
  "GrantPrincipal",
  "ImportBatches",
  "ImportOption",
  "ImportPipeline",
  "ImportPipelineRun",
  "KeyVaultAccessModel",
  "KeyVaultRef",
  "NetworkDefaultAction",
  "NetworkPosture",
  "PipelineIdentity",
  "PipelineIdentityType",
  "PolicyLevel",
  "RegistryRef",
  "RelativeLocalBackend",
  "RuleStatus",
  "RuleVerdict",
  "SasToken",
  "SasTokenKind",
  "SasTokenSecret",
  "SecretSource",
  "StorageAccess",
  "StorageAccessMode",
  "StorageAccountRef",
  "TransferAccess",
  "TransferApiVersions",
  "TransferBatchDefaults",
  "TransferBatchesBase",
  "TransferConstructs",
  "TransferContainer",
  "TransferGrant",
  "TransferLimits",
  "TransferPolicyPack",
  "TransferResourceTypes",
  "TransferRule",
  "TransferRuleIds",
  "TransferRules",
  "TransferRunDefaults",
  "TransferSide",
  "TransferSuppressions",
  "TransferValidationError",
  "TransferWarningIds",
  "UserIdentity",
  "ValidationMessages",
];

const AZAPI_EXPORTS = [
  "AZAPI_BASELINE_VERSION",
  "AZAPI_FIRST_EMBEDDING",
  "AzapiEnvironment",
  "AzapiProvider",
  "AzapiResource",
  "DataAzapiClientConfig",
  "DataAzapiResource",
  "azapiVersionConstraintOf",
];

/** Runtime export names of a module, sorted. */
function exportsOf(module: Record<string, unknown>): string[] {
  return Object.keys(module)
    .filter((name) => module[name] !== undefined)
    .sort();
}

describe("the root entry point (cdktf-acr-transfer)", () => {
  it("exports exactly the pinned names", () => {
    expect(exportsOf(root)).toEqual(ROOT_EXPORTS);
  });

  it(`stays at ${ROOT_LIMIT} runtime exports or fewer`, () => {
    expect(exportsOf(root).length).toBeLessThanOrEqual(ROOT_LIMIT);
  });

  it("exports no TypeScript-only constants or functions: every value has a class home", () => {
    const loose = exportsOf(root).filter(
      (name) => /^[A-Z0-9_]+$/.test(name) || /^[a-z]/.test(name),
    );
    expect(loose).toEqual([]);
  });

  it("shares the provider with cdktf-acr-transfer/azapi: one class under one name", () => {
    expect(root.AzapiProvider).toBe(azapi.AzapiProvider);
    expect(root.AzapiEnvironment).toBe(azapi.AzapiEnvironment);
  });
});

describe("the azapi bindings (cdktf-acr-transfer/azapi)", () => {
  it("exports exactly the pinned names", () => {
    expect(exportsOf(azapi)).toEqual(AZAPI_EXPORTS);
  });

  it("keeps the general bindings out of the root entry point", () => {
    const general = AZAPI_EXPORTS.filter(
      (name) => !["AzapiProvider", "AzapiEnvironment"].includes(name),
    );
    expect(general.filter((name) => name in root)).toEqual([]);
  });
});
