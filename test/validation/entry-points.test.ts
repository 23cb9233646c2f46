import { ContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
import { DataAzurermContainerRegistry } from "@cdktf/provider-azurerm/lib/data-azurerm-container-registry";
import { DataAzurermKeyVault } from "@cdktf/provider-azurerm/lib/data-azurerm-key-vault";
import { DataAzurermStorageAccount } from "@cdktf/provider-azurerm/lib/data-azurerm-storage-account";
import { DataAzurermUserAssignedIdentity } from "@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity";
import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { TerraformStack } from "cdktf";
import { describe } from "vitest";
import {
  AzapiProvider,
  ArtifactList,
  BlobCopyOutput,
  ExportBatches,
  ExportPipeline,
  ExportPipelineRun,
  GrantPrincipal,
  ImportBatches,
  ImportPipeline,
  ImportPipelineRun,
  KeyVaultRef,
  PipelineIdentity,
  RegistryRef,
  SasToken,
  SasTokenSecret,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
  TransferPolicyPack,
  UserIdentity,
} from "../../lib";
import { AzapiResource, DataAzapiResource } from "../../lib/azapi";
import * as ids from "../support/ids";
import {
  EntryPoint,
  Slot,
  accessModel,
  cloud,
  obj,
  optBool,
  optObj,
  optStr,
  provider,
  str,
  sweep,
} from "./entry-point-kit";
import {
  exportPipeline,
  importPipeline,
  ownedContainer,
  registry,
  sensitiveVariable,
  vault,
} from "../support/pipelines";

/**
 * Every public entry point, called as JavaScript and config-driven callers can call it: each
 * argument, and each member of each props or options object, replaced in turn by undefined,
 * null, {}, a number, a string, a boolean, a list, another case, a zero-width space and numbers
 * out of range (entry-point-kit.ts). Building and synthesizing (with every validation) either
 * succeeds or fails with a TransferValidationError naming the path, the rule and the fix, never
 * with a TypeError; and a value of the wrong kind, or a required one left out, must fail. The
 * batches, policies, grants and network surfaces are swept in surface-entry-points.test.ts.
 */

const pipelineMembers: Record<string, Slot> = {
  registry: obj,
  pipelineName: str,
  container: obj,
  storageAccess: obj,
  location: optStr,
  identity: optObj,
  apiVersion: optStr,
  storageRoleName: optStr,
  provider,
  azurermProvider: provider,
  options: { kind: "list" },
};

const ENTRY_POINTS: readonly EntryPoint[] = [
  {
    name: "new ExportPipeline",
    args: (s) => [
      {
        registry: registry(s),
        pipelineName: "exportPipeline",
        container: ownedContainer(s),
        storageAccess: StorageAccess.managedIdentity(),
      },
    ],
    slots: [{ kind: "object", required: true, members: pipelineMembers }],
    call: (s, [props]) => new ExportPipeline(s, "Export", props),
  },
  {
    name: "new ImportPipeline",
    args: (s) => [
      {
        registry: registry(s),
        pipelineName: "importPipeline",
        container: ownedContainer(s),
        storageAccess: StorageAccess.managedIdentity(),
      },
    ],
    slots: [
      {
        kind: "object",
        required: true,
        members: { ...pipelineMembers, sourceTriggerEnabled: optBool },
      },
    ],
    call: (s, [props]) => new ImportPipeline(s, "Import", props),
  },
  {
    name: "new ExportPipelineRun",
    args: (s) => [
      {
        pipeline: exportPipeline(s),
        runName: "exportRun1",
        blobName: "blob",
        artifacts: ["samples/hello-world:v1"],
      },
    ],
    slots: [
      {
        kind: "object",
        required: true,
        members: {
          pipeline: obj,
          runName: str,
          blobName: str,
          artifacts: { kind: "list", required: true },
          rerunToken: optStr,
          timeout: optStr,
          provider,
        },
      },
    ],
    call: (s, [props]) => new ExportPipelineRun(s, "Run", props),
  },
  {
    name: "new ImportPipelineRun",
    args: (s) => [{ pipeline: importPipeline(s), runName: "importRun1", blobName: "blob" }],
    slots: [
      {
        kind: "object",
        required: true,
        members: { pipeline: obj, runName: str, blobName: str, catalogDigest: optStr, provider },
      },
    ],
    call: (s, [props]) => new ImportPipelineRun(s, "Run", props),
  },
  ...[ExportPipeline, ImportPipeline].map((kind): EntryPoint => ({
    name: `${kind.name}.fromPipelineId`,
    args: () => [
      `${ids.REGISTRY_ID}/${kind === ExportPipeline ? "export" : "import"}Pipelines/pipeline1`,
      {},
    ],
    slots: [
      str,
      { kind: "options", members: { apiVersion: optStr, principalId: optStr, provider } },
    ],
    call: (s, [id, options]) => kind.fromPipelineId(s, "Pipeline", id, options),
  })),
  {
    name: "RegistryRef.fromRegistryId",
    args: () => [ids.REGISTRY_ID, { location: "eastus" }],
    slots: [str, { kind: "options", members: { location: optStr } }],
    call: (s, [id, options]) =>
      exportPipeline(s, { registry: RegistryRef.fromRegistryId(s, "Registry", id, options) }),
  },
  {
    name: "RegistryRef.fromContainerRegistry",
    args: (s) => [
      new ContainerRegistry(s, "Acr", {
        name: "myacr1",
        resourceGroupName: "rg",
        location: "eastus",
        sku: "Premium",
      }),
    ],
    slots: [obj],
    call: (s, [acr]) => exportPipeline(s, { registry: RegistryRef.fromContainerRegistry(acr) }),
  },
  {
    name: "RegistryRef.fromDataContainerRegistry",
    args: (s) => [
      new DataAzurermContainerRegistry(s, "Acr", { name: "myacr1", resourceGroupName: "rg" }),
    ],
    slots: [obj],
    call: (s, [acr]) =>
      exportPipeline(s, {
        registry: RegistryRef.fromDataContainerRegistry(acr),
        location: "eastus",
      }),
  },
  {
    name: "KeyVaultRef.fromKeyVaultId",
    args: () => [ids.VAULT_ID, { accessModel: "AccessPolicy" }],
    slots: [
      str,
      { kind: "object", required: true, members: { accessModel, cloud, networkPosture: optObj } },
    ],
    call: (s, [id, options]) => secretIn(s, KeyVaultRef.fromKeyVaultId(s, "Vault", id, options)),
  },
  {
    name: "KeyVaultRef.fromKeyVault",
    args: (s) => [
      new KeyVault(s, "Kv", {
        name: "kv1",
        resourceGroupName: "rg",
        location: "eastus",
        skuName: "standard",
        tenantId: ids.SUBSCRIPTION,
      }),
      {},
    ],
    slots: [obj, { kind: "options", members: { cloud } }],
    call: (s, [kv, options]) => secretIn(s, KeyVaultRef.fromKeyVault(kv, options)),
  },
  {
    name: "KeyVaultRef.fromDataKeyVault",
    args: (s) => [
      new DataAzurermKeyVault(s, "Kv", { name: "kv1", resourceGroupName: "rg" }),
      { accessModel: "Rbac" },
    ],
    slots: [obj, { kind: "object", required: true, members: { accessModel, cloud } }],
    call: (s, [kv, options]) => secretIn(s, KeyVaultRef.fromDataKeyVault(kv, options)),
  },
  {
    name: "StorageAccountRef.fromStorageAccountId",
    args: () => [ids.ACCOUNT_ID, {}],
    slots: [
      str,
      {
        kind: "options",
        members: {
          cloud,
          azurermProvider: provider,
          networkPosture: optObj,
          acknowledgeNetworkRestriction: optObj,
        },
      },
    ],
    call: (s, [id, options]) =>
      containerIn(s, StorageAccountRef.fromStorageAccountId(s, "Account", id, options)),
  },
  ...(["fromStorageAccount", "fromDataStorageAccount"] as const).map((factory): EntryPoint => ({
    name: `StorageAccountRef.${factory}`,
    args: (s) => [
      factory === "fromStorageAccount"
        ? new StorageAccount(s, "Sa", {
            name: "transfersa",
            resourceGroupName: "rg",
            location: "eastus",
            accountTier: "Standard",
            accountReplicationType: "LRS",
          })
        : new DataAzurermStorageAccount(s, "Sa", { name: "transfersa", resourceGroupName: "rg" }),
      {},
    ],
    slots: [obj, { kind: "options", members: { cloud } }],
    call: (s, [account, options]) =>
      containerIn(s, (StorageAccountRef[factory] as any)(account, options)),
  })),
  {
    name: "new TransferContainer",
    args: (s) => [
      {
        storageAccount: StorageAccountRef.fromStorageAccountId(s, "Account", ids.ACCOUNT_ID),
        containerName: "transfer",
      },
    ],
    slots: [
      {
        kind: "object",
        required: true,
        members: { storageAccount: obj, containerName: str, azurermProvider: provider },
      },
    ],
    call: (s, [props]) => miExport(s, new TransferContainer(s, "Container", props)),
  },
  {
    name: "TransferContainer.fromUrl",
    args: (s) => [
      ids.CONTAINER_URL,
      { storageAccount: StorageAccountRef.fromStorageAccountId(s, "Account", ids.ACCOUNT_ID) },
    ],
    slots: [str, { kind: "options", members: { storageAccount: optObj } }],
    call: (s, [url, options]) =>
      exportPipeline(s, { container: TransferContainer.fromUrl(s, "Container", url, options) }),
  },
  {
    name: "TransferContainer.fromContainerResourceId",
    args: () => [`${ids.ACCOUNT_ID}/blobServices/default/containers/transfer`, {}],
    slots: [str, { kind: "options", members: { cloud } }],
    call: (s, [id, options]) =>
      miExport(s, TransferContainer.fromContainerResourceId(s, "Container", id, options)),
  },
  {
    name: "UserIdentity.fromIdentityId",
    args: () => [ids.IDENTITY_ID, {}],
    slots: [
      str,
      {
        kind: "options",
        members: {
          principalId: optStr,
          tenantId: optStr,
          grantsStack: optObj,
          grantsManagedElsewhere: optBool,
          provider,
        },
      },
    ],
    call: (s, [id, options]) =>
      userAssignedExport(s, UserIdentity.fromIdentityId(s, "Identity", id, options)),
  },
  ...(["fromUserAssignedIdentity", "fromDataUserAssignedIdentity"] as const).map(
    (factory): EntryPoint => ({
      name: `UserIdentity.${factory}`,
      args: (s) => [
        factory === "fromUserAssignedIdentity"
          ? new UserAssignedIdentity(s, "Uai", {
              name: "uai",
              resourceGroupName: "rg",
              location: "eastus",
            })
          : new DataAzurermUserAssignedIdentity(s, "Uai", { name: "uai", resourceGroupName: "rg" }),
        {},
      ],
      slots: [
        obj,
        { kind: "options", members: { grantsStack: optObj, grantsManagedElsewhere: optBool } },
      ],
      call: (s, [identity, options]) =>
        userAssignedExport(s, (UserIdentity[factory] as any)(identity, options)),
    }),
  ),
  {
    name: "PipelineIdentity.userAssigned",
    args: (s) => [UserIdentity.fromIdentityId(s, "Identity", ids.IDENTITY_ID)],
    slots: [
      {
        kind: "object",
        required: true,
        members: { identityId: str, principalId: str, tenantId: str },
      },
    ],
    call: (s, [identity]) =>
      exportPipeline(s, { identity: PipelineIdentity.userAssigned(identity) }),
  },
  {
    name: "new SasTokenSecret",
    args: (s) => [
      {
        keyVault: vault(s),
        secretName: "acrsas",
        token: SasToken.fromVariable(sensitiveVariable(s, "sas"), 1),
      },
    ],
    slots: [
      {
        kind: "object",
        required: true,
        members: { keyVault: obj, secretName: str, token: obj, azurermProvider: provider },
      },
    ],
    call: (s, [props]) => sasExport(s, new SasTokenSecret(s, "Secret", props)),
  },
  {
    name: "SasToken.fromVariable",
    args: (s) => [sensitiveVariable(s, "sas"), 1],
    slots: [obj, { kind: "number", required: true }],
    call: (s, [variable, version]) =>
      sasExport(
        s,
        new SasTokenSecret(s, "Secret", {
          keyVault: vault(s),
          secretName: "acrsas",
          token: SasToken.fromVariable(variable, version),
        }),
      ),
  },
  {
    name: "SasToken.fromValue",
    args: (s) => [sensitiveVariable(s, "sas").stringValue, 1],
    slots: [str, { kind: "number", required: true }],
    call: (s, [value, version]) =>
      sasExport(
        s,
        new SasTokenSecret(s, "Secret", {
          keyVault: vault(s),
          secretName: "acrsas",
          token: SasToken.fromValue(value, version),
        }),
      ),
  },
  ...(["generateForExport", "generateForImport"] as const).map((factory): EntryPoint => ({
    name: `SasToken.${factory}`,
    args: (s) => [
      {
        container: ownedContainer(s),
        start: "2026-01-01T00:00:00Z",
        expiry: "2099-01-01T00:00:00Z",
        allowLongLifetime: true, // a fixed expiry far away keeps the test from expiring
      },
    ],
    slots: [
      {
        kind: "object",
        required: true,
        members: {
          container: obj,
          start: str,
          expiry: str,
          allowLongLifetime: optBool,
          ...(factory === "generateForImport" ? { allowDelete: optBool } : {}),
        },
      },
    ],
    call: (s, [props]) =>
      new SasTokenSecret(s, "Secret", {
        keyVault: vault(s),
        secretName: "acrsas",
        token: SasToken[factory](props),
      }),
  })),
  {
    name: "SasTokenSecret.fromSecretUri",
    args: (s) => [ids.EXPORT_SECRET_URI, { keyVault: vault(s) }],
    slots: [str, { kind: "options", members: { keyVault: optObj } }],
    call: (s, [uri, options]) =>
      sasExport(s, SasTokenSecret.fromSecretUri(s, "Secret", uri, options)),
  },
  {
    name: "SasTokenSecret.fromSecretResourceId",
    args: () => [`${ids.VAULT_ID}/secrets/acrsas`, { accessModel: "AccessPolicy" }],
    slots: [str, { kind: "object", required: true, members: { accessModel, cloud } }],
    call: (s, [id, options]) =>
      sasExport(s, SasTokenSecret.fromSecretResourceId(s, "Secret", id, options)),
  },
  {
    name: "StorageAccess.fromMode",
    args: () => ["ManagedIdentity"],
    slots: [{ kind: "enum", required: true, sample: "ManagedIdentity" }],
    call: (s, [mode]) =>
      exportPipeline(s, {
        container: ownedContainer(s),
        storageAccess: StorageAccess.fromMode(mode),
      }),
  },
  {
    name: "StorageAccess.sasToken",
    args: (s) => [SasTokenSecret.fromSecretUri(s, "Secret", ids.EXPORT_SECRET_URI)],
    slots: [{ kind: "object", required: true, members: { secretUri: str } }],
    call: (s, [secret]) => exportPipeline(s, { storageAccess: StorageAccess.sasToken(secret) }),
  },
  {
    name: "container.grantBlobAccess",
    args: (s) => [
      GrantPrincipal.fromPrincipalId(s, ids.SUBSCRIPTION, ids.SUBSCRIPTION),
      { roleName: "Storage Blob Data Reader" },
    ],
    slots: [
      obj,
      {
        kind: "object",
        required: true,
        members: {
          roleName: str,
          customRoleReason: optStr,
          denyDelete: optBool,
          azurermProvider: provider,
        },
      },
    ],
    call: (s, [principal, options]) => ownedContainer(s).grantBlobAccess(principal, options),
  },
  {
    name: "secret.grantRead",
    args: (s) => [GrantPrincipal.fromPrincipalId(s, ids.SUBSCRIPTION, ids.SUBSCRIPTION), {}],
    slots: [obj, { kind: "options", members: { azurermProvider: provider } }],
    call: (s, [principal, options]) =>
      SasTokenSecret.fromSecretUri(s, "Secret", ids.EXPORT_SECRET_URI, {
        keyVault: vault(s),
      }).grantRead(principal, options),
  },
  {
    name: "GrantPrincipal.fromPrincipalId",
    args: (s) => [s, ids.SUBSCRIPTION, ids.SUBSCRIPTION],
    slots: [obj, str, str],
    call: (s, [owner, principalId, tenantId]) =>
      ownedContainer(s).grantBlobAccess(
        GrantPrincipal.fromPrincipalId(owner, principalId, tenantId),
        {
          roleName: "Storage Blob Data Reader",
        },
      ),
  },
  {
    name: "GrantPrincipal.fromUserIdentity",
    args: (s) => [s, UserIdentity.fromIdentityId(s, "Identity", ids.IDENTITY_ID)],
    slots: [
      obj,
      {
        kind: "object",
        required: true,
        members: { identityId: str, principalId: str, tenantId: str },
      },
    ],
    call: (s, [consumer, identity]) =>
      ownedContainer(s).grantBlobAccess(GrantPrincipal.fromUserIdentity(consumer, identity), {
        roleName: "Storage Blob Data Reader",
      }),
  },
  {
    name: "new BlobCopyOutput",
    args: (s) => [
      {
        exportContainer: TransferContainer.fromUrl(s, "From", ids.CONTAINER_URL),
        importContainer: TransferContainer.fromUrl(
          s,
          "To",
          ids.CONTAINER_URL.replace("accountname", "other"),
        ),
        blobName: "images-2026-11",
      },
    ],
    slots: [
      {
        kind: "object",
        required: true,
        members: { exportContainer: obj, importContainer: obj, blobName: str, outputName: optStr },
      },
    ],
    call: (s, [props]) => new BlobCopyOutput(s, "Copy", props),
  },
  {
    name: "new TransferPolicyPack",
    args: () => [{}],
    slots: [{ kind: "options", members: { rules: { kind: "list" } } }],
    call: (s, [props]) => new TransferPolicyPack(props).applyTo(exportPipeline(s)),
  },
  ...[ExportBatches, ImportBatches].map((kind): EntryPoint => ({
    name: `new ${kind.name}`,
    args: (s) => [
      {
        pipeline: kind === ExportBatches ? exportPipeline(s) : importPipeline(s),
        artifacts: ArtifactList.fromList(["samples/a:v1", "samples/b:v1"]),
        runNamePrefix: "nightly",
        blobNamePrefix: "nightly",
      },
    ],
    slots: [
      {
        kind: "object",
        required: true,
        members: {
          pipeline: obj,
          artifacts: obj,
          runNamePrefix: str,
          blobNamePrefix: str,
          maxArtifactsPerRun: { kind: "number", range: [1, 50] },
          maxConcurrentRuns: { kind: "number", range: [1, Infinity] },
          rerunToken: optStr,
          timeout: optStr,
          outputPrefix: optStr,
          provider,
          ...(kind === ImportBatches
            ? { exportBatches: optObj, runsDespiteSourceTrigger: optBool }
            : {}),
        },
      },
    ],
    call: (s, [props]) => new (kind as any)(s, "Batches", props),
  })),
  {
    name: "new AzapiProvider",
    args: () => [{ alias: "other" }],
    slots: [{ kind: "options", members: { alias: optStr } }],
    call: (s, [config]) => new AzapiProvider(s, "Other", config),
  },
  {
    name: "new AzapiResource",
    args: () => [
      { type: "Microsoft.Resources/resourceGroups@2024-03-01", name: "rg", location: "eastus" },
    ],
    slots: [{ kind: "object", required: true, members: { type: str } }],
    call: (s, [config]) => new AzapiResource(s, "Rg", config),
  },
  {
    name: "new DataAzapiResource",
    args: () => [
      {
        type: "Microsoft.Resources/resourceGroups@2024-03-01",
        resourceId: "/subscriptions/x/resourceGroups/rg",
      },
    ],
    slots: [{ kind: "object", required: true, members: { type: str } }],
    call: (s, [config]) => new DataAzapiResource(s, "Rg", config),
  },
];

/** An export pipeline reading its token from a new secret in `keyVault`. */
function secretIn(s: TerraformStack, keyVault: any) {
  const secret = new SasTokenSecret(s, "Secret", {
    keyVault,
    secretName: "acrsas",
    token: SasToken.fromVariable(sensitiveVariable(s, "sas"), 1),
  });
  return sasExport(s, secret);
}

function sasExport(s: TerraformStack, secret: any) {
  return exportPipeline(s, { storageAccess: StorageAccess.sasToken(secret) });
}

/** A managed-identity export pipeline on `container`. */
function miExport(s: TerraformStack, container: any) {
  return exportPipeline(s, { container, storageAccess: StorageAccess.managedIdentity() });
}

function containerIn(s: TerraformStack, storageAccount: any) {
  return miExport(
    s,
    new TransferContainer(s, "Container", { storageAccount, containerName: "transfer" }),
  );
}

function userAssignedExport(s: TerraformStack, identity: any) {
  return exportPipeline(s, { identity: PipelineIdentity.userAssigned(identity) });
}

describe("every public entry point, called from JavaScript or a config", () => {
  sweep(ENTRY_POINTS);
});
