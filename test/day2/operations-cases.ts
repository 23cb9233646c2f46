import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { App, TerraformStack, TerraformVariable } from "cdktf";
import { makeUniqueId } from "cdktf/lib/private/unique";
import { Construct } from "constructs";
import {
  ArtifactList,
  AzapiEnvironment,
  AzapiProvider,
  AzureCloud,
  BulkTransfer,
  ExportBatches,
  ExportOption,
  ExportPipeline,
  ExportPipelineRun,
  ImportBatches,
  ImportPipeline,
  ImportPipelineRun,
  PipelineIdentity,
  RegistryRef,
  SasToken,
  SasTokenSecret,
  StorageAccess,
  StorageAccessMode,
  StorageAccountRef,
  TransferContainer,
  UserIdentity,
} from "../../lib";
import * as ids from "../support/ids";
import { testVault } from "../support/refs";
import { Version } from "./support";

// The changes users make to a transfer, each as two versions of one part of an app. Every case
// builds under its own construct (or its own stacks), with its own names, so that all of them
// run in one terraform-shadow --day2 invocation and each reads its changes by address prefix.

/** One row of docs/operations.md: what the user changes, built before and after. */
export interface OperationCase {
  /** The row's key in docs/operations.md. */
  readonly key: string;
  /** The starts of its resource names: the construct ID it builds under, and shared ones. */
  readonly prefixes: readonly string[];
  /** Builds the case's version into `stacks` (the shared stack "ops" unless it makes its own). */
  readonly build: (app: App, ops: TerraformStack, version: Version) => void;
}

const RG = `/subscriptions/${ids.SUBSCRIPTION}/resourceGroups/transfer-rg/providers`;
const IMAGES = Array.from({ length: 120 }, (_, i) => `apps/app${i}:v1`);

/** A stack with both providers. */
export function opsStack(
  app: App,
  id: string,
  environment = AzapiEnvironment.PUBLIC,
): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzapiProvider(stack, "Azapi", { environment });
  new AzurermProvider(stack, "Azurerm", { features: [{}], environment });
  return stack;
}

/** What every case's pipelines share: the registry and a new container named after the case. */
function basics(scope: Construct, name: string) {
  const storageAccount = StorageAccountRef.fromStorageAccountId(scope, "Account", ids.ACCOUNT_ID);
  return {
    registry: RegistryRef.fromRegistryId(scope, "Registry", ids.REGISTRY_ID, {
      location: "eastus",
    }),
    container: new TransferContainer(scope, "Container", {
      storageAccount,
      containerName: name,
    }),
  };
}

/** Export and import batches of `artifacts` in one stack, the import given the export side. */
function batches(scope: Construct, name: string, artifacts: string[], rerunToken?: string): void {
  const common = { ...basics(scope, name), storageAccess: StorageAccess.managedIdentity() };
  const settings = {
    artifacts: ArtifactList.fromList(artifacts),
    blobNamePrefix: `${name}-`,
    rerunToken,
  };
  const exported = new ExportBatches(scope, "ExportBatches", {
    ...settings,
    runNamePrefix: `${name}x`,
    outputPrefix: `${name}_export`,
    pipeline: new ExportPipeline(scope, "Export", { ...common, pipelineName: `${name}export` }),
  });
  new ImportBatches(scope, "ImportBatches", {
    ...settings,
    runNamePrefix: `${name}i`,
    outputPrefix: `${name}_import`,
    exportBatches: exported,
    pipeline: new ImportPipeline(scope, "Import", {
      ...common,
      pipelineName: `${name}import`,
      sourceTriggerEnabled: false,
    }),
  });
}

/** An export pipeline and run, and an import pipeline and run tied to it, in one stack. */
function pair(
  scope: Construct,
  name: string,
  o: {
    apiVersion?: string;
    options?: ExportOption[];
    identity?: PipelineIdentity;
    storageAccess?: StorageAccess;
    exportRerunToken?: string;
    importRerunToken?: string;
    runs?: boolean;
    importSide?: boolean;
    runId?: string;
  } = {},
): void {
  const { registry, container } = basics(scope, name);
  const exporter = new ExportPipeline(scope, "Export", {
    registry,
    container,
    pipelineName: `${name}export`,
    storageAccess: o.storageAccess ?? StorageAccess.managedIdentity(),
    apiVersion: o.apiVersion,
    options: o.options,
    identity: o.identity,
  });
  const exportRun =
    o.runs === false
      ? undefined
      : new ExportPipelineRun(scope, o.runId ?? "ExportRun", {
          pipeline: exporter,
          runName: `${name}exportrun`,
          blobName: `${name}-blob`,
          artifacts: ["samples/nginx:v1", "samples/hello-world:v1"],
          rerunToken: o.exportRerunToken,
        });
  if (o.importSide === false) return;
  const importer = new ImportPipeline(scope, "Import", {
    registry,
    container,
    pipelineName: `${name}import`,
    storageAccess: StorageAccess.managedIdentity(),
    apiVersion: o.apiVersion,
    sourceTriggerEnabled: false,
  });
  if (!exportRun) return;
  new ImportPipelineRun(scope, "ImportRun", {
    pipeline: importer,
    runName: `${name}importrun`,
    blobName: `${name}-blob`,
    exportRun,
    rerunToken: o.importRerunToken,
  });
}

/** A SAS-mode export pipeline whose secret holds a token given write-only, at `version`. */
function sasExport(scope: Construct, name: string, version: number): void {
  const token = new TerraformVariable(scope, "token", { type: "string", sensitive: true });
  const secret = new SasTokenSecret(scope, "Secret", {
    keyVault: testVault(scope),
    secretName: `${name}sas`,
    token: SasToken.fromVariable(token, version),
  });
  new ExportPipeline(scope, "Export", {
    ...basics(scope, name),
    pipelineName: `${name}export`,
    storageAccess: StorageAccess.sasToken(secret),
  });
}

/** A SAS-mode import pipeline whose secret holds a token Terraform generates, until `expiry`. */
function generatedImport(scope: Construct, name: string, expiry: string): void {
  const { registry, container } = basics(scope, name);
  const secret = new SasTokenSecret(scope, "Secret", {
    keyVault: testVault(scope),
    secretName: `${name}sas`,
    token: SasToken.generateForImport({ container, start: "2026-11-01T00:00:00Z", expiry }),
  });
  new ImportPipeline(scope, "Import", {
    registry,
    container,
    pipelineName: `${name}import`,
    storageAccess: StorageAccess.sasToken(secret),
    sourceTriggerEnabled: false,
  });
}

/**
 * ExportBatches in the public cloud and ImportBatches in US Government, each reading the list
 * from its own copy of one file (as two programs would).
 */
function twoClouds(app: App, list: string[]): void {
  const dir = mkdtempSync(join(tmpdir(), "acr-ops-list-"));
  const file = join(dir, "images.txt");
  writeFileSync(file, `# images\n${list.join("\n")}\n`);
  const stacks = [
    opsStack(app, "ops-public"),
    opsStack(app, "ops-gov", AzapiEnvironment.US_GOVERNMENT),
  ];
  const settings = {
    artifacts: ArtifactList.fromFile(file),
    runNamePrefix: "file202611",
    blobNamePrefix: "file-",
  };
  const side = (s: TerraformStack, registryId: string, location: string, account: string) => {
    const cloud = s === stacks[1] ? AzureCloud.US_GOVERNMENT : AzureCloud.PUBLIC;
    const storageAccount = StorageAccountRef.fromStorageAccountId(
      s,
      "Account",
      `${RG}/Microsoft.Storage/storageAccounts/${account}`,
      { cloud },
    );
    return {
      registry: RegistryRef.fromRegistryId(s, "Registry", registryId, { location }),
      container: new TransferContainer(s, "Container", { storageAccount, containerName: "file" }),
      storageAccess: StorageAccess.managedIdentity(),
    };
  };
  new ExportBatches(stacks[0], "FileExport", {
    ...settings,
    pipeline: new ExportPipeline(stacks[0], "Export", {
      ...side(stacks[0], ids.REGISTRY_ID, "eastus", "pubxfer"),
      pipelineName: "exportfile",
    }),
  });
  new ImportBatches(stacks[1], "FileImport", {
    ...settings,
    pipeline: new ImportPipeline(stacks[1], "Import", {
      ...side(stacks[1], ids.TARGET_REGISTRY_ID, "usgovvirginia", "govxfer"),
      pipelineName: "importfile",
      sourceTriggerEnabled: false,
    }),
  });
  rmSync(dir, { recursive: true, force: true });
}

/** Runs `build` under the construct `scope` of the stack "ops". */
function inOps(
  scope: string,
  key: string,
  build: (s: Construct, version: Version) => void,
  shared: string[] = [],
): OperationCase {
  return {
    key,
    prefixes: [scope, ...shared],
    build: (_app, ops, version) => build(new Construct(ops, scope), version),
  };
}

const before = (version: Version) => version === "before";

/** Every row of docs/operations.md, by key. */
export const OPERATION_CASES: readonly OperationCase[] = [
  inOps("Unchanged", "unchanged", (s) => batches(s, "unchanged", IMAGES, "2026-11-26")),
  inOps("AddArtifact", "add-artifact", (s, v) =>
    batches(s, "addone", before(v) ? IMAGES : [...IMAGES, "apps/extra0:v1"]),
  ),
  inOps("RemoveArtifact", "remove-artifact", (s, v) =>
    batches(s, "removeone", before(v) ? IMAGES : IMAGES.slice(1)),
  ),
  inOps("Reorder", "reorder-artifacts", (s, v) =>
    batches(s, "reorder", before(v) ? IMAGES : [...IMAGES].reverse()),
  ),
  inOps("RerunToken", "rerun-token", (s, v) =>
    batches(s, "rerun", IMAGES, before(v) ? "2026-11-26" : "2026-11-27"),
  ),
  inOps("FailedRun", "failed-run", (s, v) =>
    pair(s, "failed", { importRerunToken: before(v) ? undefined : "retry1" }),
  ),
  inOps("SasRotation", "sas-rotation", (s, v) => sasExport(s, "rotate", before(v) ? 1 : 2)),
  inOps("SasExpiry", "generated-sas-expiry", (s, v) =>
    generatedImport(s, "expiry", before(v) ? "2026-12-01T00:00:00Z" : "2027-01-01T00:00:00Z"),
  ),
  inOps("ApiVersion", "api-version", (s, v) =>
    pair(s, "apiver", { apiVersion: before(v) ? undefined : "2026-03-01-preview" }),
  ),
  inOps("Options", "pipeline-options", (s, v) =>
    pair(s, "options", { options: before(v) ? [] : [ExportOption.OVERWRITE_BLOBS] }),
  ),
  inOps(
    "Identity",
    "pipeline-identity",
    (s, v) =>
      pair(s, "identity", {
        identity: before(v)
          ? PipelineIdentity.systemAssigned()
          : PipelineIdentity.userAssigned(
              UserIdentity.fromIdentityId(
                s,
                "Identity",
                `${RG}/Microsoft.ManagedIdentity/userAssignedIdentities/identity`,
                { principalId: "11111111-1111-1111-1111-111111111111" },
              ),
            ),
      }),
    // a user-assigned identity's grants live once in the stack, not under one pipeline
    ["AcrTransferSharedGrants"],
  ),
  inOps("StorageMode", "storage-access-mode", (s, v) =>
    pair(s, "mode", {
      importSide: false,
      storageAccess: before(v)
        ? StorageAccess.sasToken(
            SasTokenSecret.fromSecretUri(
              s,
              "Secret",
              "https://myvault.vault.azure.net/secrets/modesas",
              { keyVault: testVault(s) },
            ),
          )
        : StorageAccess.managedIdentity(),
    }),
  ),
  inOps("Rename", "rename-construct", (s, v) =>
    pair(s, "rename", { importSide: false, runId: before(v) ? "ExportRun" : "NightlyRun" }),
  ),
  inOps("RenameMoved", "rename-construct-moved", (s, v) => {
    pair(s, "moved", { importSide: false, runId: before(v) ? "ExportRun" : "NightlyRun" });
    if (!before(v)) {
      const run = s.node.findChild("NightlyRun") as ExportPipelineRun;
      // the address the run had before: what a user copies from `terraform state list`
      run.resource.moveFromId(
        `azapi_resource.${makeUniqueId(["RenameMoved", "ExportRun", "Resource"])}`,
      );
    }
  }),
  inOps("RemoveRuns", "remove-runs", (s, v) => pair(s, "runsgone", { runs: before(v) })),
  inOps("RemoveSide", "remove-side", (s, v) => pair(s, "sidegone", { importSide: before(v) })),
  inOps("Adopt", "adopt-pipeline", (s, v) => {
    if (before(v)) return;
    const { registry, container } = basics(s, "adopt");
    const pipeline = new ExportPipeline(s, "Export", {
      registry,
      container,
      pipelineName: "adoptexport",
      storageAccess: StorageAccess.managedIdentity(),
    });
    pipeline.resource.importFrom(`${ids.REGISTRY_ID}/exportPipelines/adoptexport`);
  }),
  {
    key: "add-stack",
    prefixes: ["Team"],
    build: (app, _ops, version) => {
      if (before(version)) return;
      pair(new Construct(opsStack(app, "ops-team"), "Team"), "team");
    },
  },
  {
    key: "remove-stack",
    prefixes: ["Legacy"],
    build: (app, _ops, version) => {
      if (!before(version)) return;
      pair(new Construct(opsStack(app, "ops-legacy"), "Legacy"), "legacy");
    },
  },
  {
    key: "add-artifact-bulk-one-stack",
    prefixes: ["OneBulkExport", "OneBulkImport"],
    build: (app, ops, version) =>
      new BulkTransfer(app, "OneBulk", {
        source: {
          stack: ops,
          registry: RegistryRef.fromRegistryId(ops, "OneBulkRegistry", ids.REGISTRY_ID, {
            location: "eastus",
          }),
          storageAccount: StorageAccountRef.fromStorageAccountId(
            ops,
            "OneBulkAccount",
            `${RG}/Microsoft.Storage/storageAccounts/onebulk`,
          ),
          pipelineName: "onebulkexport",
        },
        target: {
          stack: ops,
          registry: RegistryRef.fromRegistryId(
            ops,
            "OneBulkTargetRegistry",
            ids.TARGET_REGISTRY_ID,
            {
              location: "eastus",
            },
          ),
          pipelineName: "onebulkimport",
        },
        storageAccessMode: StorageAccessMode.MANAGED_IDENTITY,
        artifacts: ArtifactList.fromList(before(version) ? IMAGES : [...IMAGES, "apps/extra0:v1"]),
        runNamePrefix: "onebulk202611",
        blobNamePrefix: "onebulk-",
      }),
  },
  {
    key: "add-artifact-two-clouds",
    prefixes: ["FileExport", "FileImport"],
    build: (app, _ops, version) =>
      twoClouds(app, before(version) ? IMAGES : [...IMAGES, "apps/extra0:v1"]),
  },
  {
    key: "deploy-order",
    prefixes: ["BulkExport", "BulkImport"],
    build: (app, _ops, version) => {
      const source = opsStack(app, "ops-source");
      const target = opsStack(app, "ops-target");
      const side = (stack: TerraformStack, name: string, registryId: string) => ({
        stack,
        registry: RegistryRef.fromRegistryId(stack, "Registry", registryId, { location: "eastus" }),
        storageAccount: StorageAccountRef.fromStorageAccountId(
          stack,
          "Account",
          `${RG}/Microsoft.Storage/storageAccounts/${name}`,
        ),
      });
      new BulkTransfer(app, "Bulk", {
        source: { ...side(source, "bulksource", ids.REGISTRY_ID), pipelineName: "bulkexport" },
        target: {
          ...side(target, "bulktarget", ids.TARGET_REGISTRY_ID),
          pipelineName: "bulkimport",
        },
        storageAccessMode: StorageAccessMode.MANAGED_IDENTITY,
        artifacts: ArtifactList.fromList(before(version) ? IMAGES : [...IMAGES, "apps/extra0:v1"]),
        runNamePrefix: "bulk202611",
        blobNamePrefix: "bulk-",
        rerunToken: "2026-11-26",
      });
    },
  },
];
