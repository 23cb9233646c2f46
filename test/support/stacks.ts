import { ContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import {
  ArtifactList,
  BulkTransfer,
  ExportBatches,
  ExportOption,
  ExportPipeline,
  ExportPipelineRun,
  ImportOption,
  ImportPipeline,
  ImportBatches,
  ImportPipelineRun,
  KeyVaultAccessModel,
  KeyVaultRef,
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
import * as ids from "./ids";
import { testAccount, testRegistry, testVault } from "./refs";
import { newStack } from "./new-stack";

/** A named stack builder: the configurations every snapshot and conformance test covers. */
export interface TestStack {
  /** Short name, used in test titles. */
  readonly name: string;
  /** Builds the stack in a fresh app. */
  readonly build: () => TerraformStack;
}

function sasExport(apiVersion?: string): TerraformStack {
  const stack = newStack();
  const registry = testRegistry(stack);
  const vault = testVault(stack);
  const pipeline = new ExportPipeline(stack, "Export", {
    registry,
    pipelineName: "myExportPipeline",
    container: TransferContainer.fromUrl(stack, "Container", ids.CONTAINER_URL),
    storageAccess: StorageAccess.sasToken(
      SasTokenSecret.fromSecretUri(stack, "Secret", ids.EXPORT_SECRET_URI, { keyVault: vault }),
    ),
    options: [ExportOption.OVERWRITE_BLOBS, ExportOption.CONTINUE_ON_ERRORS],
    apiVersion,
  });
  new ExportPipelineRun(stack, "Run", {
    pipeline,
    runName: "myPipelineRunExport",
    blobName: "myblob",
    artifacts: ["hello-world:latest", ids.DIGEST_ARTIFACT],
    rerunToken: "2026-11-26",
  });
  return stack;
}

function sasImportUserAssignedRbac(): TerraformStack {
  const stack = newStack();
  const registry = testRegistry(stack);
  const vault = testVault(stack, KeyVaultAccessModel.RBAC);
  const identity = new UserAssignedIdentity(stack, "Identity", {
    name: "transfer-identity",
    resourceGroupName: "transfer-rg",
    location: "eastus",
  });
  const token = new TerraformVariable(stack, "import_sas", { type: "string", sensitive: true });
  const secret = new SasTokenSecret(stack, "Secret", {
    keyVault: vault,
    secretName: "acrimportsas",
    token: SasToken.fromVariable(token, 1),
  });
  const pipeline = new ImportPipeline(stack, "Import", {
    registry,
    pipelineName: "myImportPipeline",
    container: TransferContainer.fromUrl(stack, "Container", ids.CONTAINER_URL),
    storageAccess: StorageAccess.sasToken(secret),
    identity: PipelineIdentity.userAssigned(UserIdentity.fromUserAssignedIdentity(identity)),
    options: [ImportOption.OVERWRITE_TAGS, ImportOption.CONTINUE_ON_ERRORS],
  });
  new ImportPipelineRun(stack, "Run", {
    pipeline,
    runName: "myPipelineRunImport",
    blobName: "myblob",
    timeout: "4h",
  });
  return stack;
}

function managedIdentityBothSides(): TerraformStack {
  const stack = newStack();
  const registry = testRegistry(stack);
  const account = testAccount(stack);
  const container = new TransferContainer(stack, "Container", {
    storageAccount: account,
    containerName: "transfer",
  });
  const identity = UserIdentity.fromIdentityId(stack, "Identity", ids.IDENTITY_ID);
  const exporter = new ExportPipeline(stack, "Export", {
    registry,
    pipelineName: "exportmi",
    container,
    storageAccess: StorageAccess.managedIdentity(),
    identity: PipelineIdentity.systemAndUserAssigned(identity),
  });
  const importer = new ImportPipeline(stack, "Import", {
    registry,
    pipelineName: "importmi",
    container,
    storageAccess: StorageAccess.managedIdentity(),
    options: [ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS],
    sourceTriggerEnabled: false,
  });
  new ExportPipelineRun(stack, "ExportRun", {
    pipeline: exporter,
    runName: "exportrun1",
    blobName: "images-2026-11",
    artifacts: ["samples/hello-world:v1"],
  });
  new ImportPipelineRun(stack, "ImportRun", {
    pipeline: importer,
    runName: "importrun1",
    blobName: "images-2026-11",
    catalogDigest: `sha256:${"a".repeat(64)}`,
  });
  return stack;
}

function generatedSas(): TerraformStack {
  const stack = newStack();
  const registry = testRegistry(stack);
  const vault = testVault(stack);
  const account = testAccount(stack);
  const container = new TransferContainer(stack, "Container", {
    storageAccount: account,
    containerName: "transfer",
  });
  const secret = new SasTokenSecret(stack, "Secret", {
    keyVault: vault,
    secretName: "acrimportsas",
    token: SasToken.generateForImport({
      container,
      start: "2026-01-01T00:00:00Z",
      expiry: "2099-01-01T00:00:00Z",
      allowLongLifetime: true, // a fixed expiry far away keeps this stack from expiring
      allowDelete: true,
    }),
  });
  new ImportPipeline(stack, "Import", {
    registry,
    pipelineName: "importgenerated",
    container,
    storageAccess: StorageAccess.sasToken(secret),
    options: [ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS],
  });
  return stack;
}

function importedPipelineRun(): TerraformStack {
  const stack = newStack();
  const pipeline = ExportPipeline.fromPipelineId(
    stack,
    "Pipeline",
    `${ids.REGISTRY_ID}/exportPipelines/myExportPipeline`,
    { apiVersion: "2023-11-01-preview" },
  );
  new ExportPipelineRun(stack, "Run", {
    pipeline,
    runName: "nightly001",
    blobName: "nightly",
    artifacts: ["samples/nginx:v1"],
  });
  return stack;
}

function sharedIdentityAndVault(): TerraformStack {
  const stack = newStack();
  const registry = testRegistry(stack);
  const vault = testVault(stack);
  const identity = PipelineIdentity.userAssigned(
    UserIdentity.fromIdentityId(stack, "Identity", ids.IDENTITY_ID),
  );
  const container = TransferContainer.fromUrl(stack, "Container", ids.CONTAINER_URL);
  const exportSecret = SasTokenSecret.fromSecretUri(stack, "ExportSecret", ids.EXPORT_SECRET_URI, {
    keyVault: vault,
  });
  const importSecret = SasTokenSecret.fromSecretUri(stack, "ImportSecret", ids.IMPORT_SECRET_URI, {
    keyVault: vault,
  });
  const exporter = new ExportPipeline(stack, "Export", {
    registry,
    pipelineName: "sharedexport",
    container,
    identity,
    storageAccess: StorageAccess.sasToken(exportSecret),
  });
  const importer = new ImportPipeline(stack, "Import", {
    registry,
    pipelineName: "sharedimport",
    container,
    identity,
    storageAccess: StorageAccess.sasToken(importSecret),
  });
  new ExportPipelineRun(stack, "ExportRun", {
    pipeline: exporter,
    runName: "sharedexportrun",
    blobName: "shared",
    artifacts: ["samples/hello-world:v1"],
  });
  new ImportPipelineRun(stack, "ImportRun", {
    pipeline: importer,
    runName: "sharedimportrun",
    blobName: "shared",
  });
  return stack;
}

function azurermOwnedResources(): TerraformStack {
  const stack = newStack();
  const registry = new ContainerRegistry(stack, "Acr", {
    name: "sourceacr",
    resourceGroupName: "transfer-rg",
    location: "westeurope",
    sku: "Premium",
  });
  const vault = new KeyVault(stack, "KeyVault", {
    name: "transfer-kv",
    resourceGroupName: "transfer-rg",
    location: "westeurope",
    skuName: "standard",
    tenantId: ids.SUBSCRIPTION,
    rbacAuthorizationEnabled: true,
  });
  const account = new StorageAccount(stack, "Storage", {
    name: "transfersa",
    resourceGroupName: "transfer-rg",
    location: "westeurope",
    accountTier: "Standard",
    accountReplicationType: "LRS",
  });
  const container = new TransferContainer(stack, "Container", {
    storageAccount: StorageAccountRef.fromStorageAccount(account),
    containerName: "transfer",
  });
  const token = new TerraformVariable(stack, "export_sas", { type: "string", sensitive: true });
  const secret = new SasTokenSecret(stack, "Secret", {
    keyVault: KeyVaultRef.fromKeyVault(vault),
    secretName: "acrexportsas",
    token: SasToken.fromVariable(token, 3),
  });
  new ExportPipeline(stack, "Export", {
    registry: RegistryRef.fromContainerRegistry(registry),
    pipelineName: "ownedexport",
    container,
    storageAccess: StorageAccess.sasToken(secret),
    apiVersion: "2026-03-01-preview",
  });
  return stack;
}

/** 120 artifacts exported and imported through one container, 3 runs at a time. */
function batchedBothSides(): TerraformStack {
  const stack = newStack();
  const registry = testRegistry(stack);
  const container = new TransferContainer(stack, "Container", {
    storageAccount: testAccount(stack),
    containerName: "transfer",
  });
  const access = StorageAccess.managedIdentity();
  const exporter = new ExportPipeline(stack, "Export", {
    registry,
    pipelineName: "exportbulk",
    container,
    storageAccess: access,
    options: [ExportOption.OVERWRITE_BLOBS],
  });
  const importer = new ImportPipeline(stack, "Import", {
    registry,
    pipelineName: "importbulk",
    container,
    storageAccess: access,
    sourceTriggerEnabled: false,
  });
  const settings = {
    artifacts: ArtifactList.fromList(
      Array.from({ length: 120 }, (_, i) => `samples/app${i}:1.${i % 4}`),
    ),
    blobNamePrefix: "bulk-2026-11-",
    maxArtifactsPerRun: 30,
    maxConcurrentRuns: 3,
    rerunToken: "2026-11-26",
  };
  const exported = new ExportBatches(stack, "ExportBatches", {
    ...settings,
    pipeline: exporter,
    runNamePrefix: "exportbulk",
  });
  new ImportBatches(stack, "ImportBatches", {
    ...settings,
    pipeline: importer,
    runNamePrefix: "importbulk",
    exportBatches: exported,
  });
  return stack;
}

/** A bulk transfer between two registries through one storage account, in one stack. */
function bulkTransferOneAccount(): TerraformStack {
  const stack = newStack();
  new BulkTransfer(stack, "Bulk", {
    source: {
      stack,
      registry: testRegistry(stack),
      storageAccount: testAccount(stack),
      pipelineName: "exportbulk",
    },
    target: {
      stack,
      registry: RegistryRef.fromRegistryId(stack, "Target", ids.TARGET_REGISTRY_ID, {
        location: "eastus",
      }),
      pipelineName: "importbulk",
    },
    storageAccessMode: StorageAccessMode.MANAGED_IDENTITY,
    artifacts: ArtifactList.fromList(
      Array.from({ length: 75 }, (_, i) => `team${i % 3}/service${i}:v${i % 5}`),
    ),
    runNamePrefix: "bulk202611",
    blobNamePrefix: "bulk-2026-11-",
  });
  return stack;
}

/** Every configuration under test. */
export const TEST_STACKS: readonly TestStack[] = [
  { name: "export, SAS token, system-assigned, access policy", build: () => sasExport() },
  { name: "export, SAS token, old api-version", build: () => sasExport("2019-12-01-preview") },
  {
    name: "import, SAS token (write-only), user-assigned, RBAC vault",
    build: sasImportUserAssignedRbac,
  },
  { name: "both sides, managed identity", build: managedIdentityBothSides },
  { name: "import, generated SAS with delete", build: generatedSas },
  { name: "run on a pipeline made elsewhere", build: importedPipelineRun },
  { name: "two pipelines sharing an identity and a vault", build: sharedIdentityAndVault },
  { name: "registry, RBAC vault and account owned by the app", build: azurermOwnedResources },
  { name: "batched export and import, 120 artifacts, 3 runs at once", build: batchedBothSides },
  { name: "bulk transfer through one storage account", build: bulkTransferOneAccount },
];

/** The synthesized JSON of a stack, parsed. */
export function synthObject(
  stack: TerraformStack,
): Record<string, Record<string, Record<string, unknown>>> {
  return JSON.parse(Testing.synth(stack));
}
