import {
  ExportPipeline,
  ImportPipeline,
  KeyVaultAccessModel,
  KeyVaultRef,
  PipelineIdentity,
  RegistryRef,
  StorageAccountRef,
  TransferContainer,
  UserIdentity,
} from "../../../lib";
import * as ids from "../../support/ids";
import {
  BadInputCase,
  exportPipeline,
  exportRun,
  importPipeline,
  importRun,
} from "../../support/pipelines";

/** Wrong pipeline and run names, and ARM resource IDs that do not parse. */

const PROVIDERS = ids.REGISTRY_ID.slice(0, ids.REGISTRY_ID.indexOf("/Microsoft."));
const POLICY = { accessModel: KeyVaultAccessModel.ACCESS_POLICY };

function badRegistryId(name: string, registryId: string): BadInputCase {
  return {
    name,
    build: (s) =>
      exportPipeline(s, { registry: RegistryRef.fromRegistryId(s, "Registry", registryId) }),
    path: "test/Registry",
    value: registryId,
  };
}

function badVaultId(name: string, keyVaultId: string): BadInputCase {
  return {
    name,
    build: (s) => KeyVaultRef.fromKeyVaultId(s, "Vault", keyVaultId, POLICY),
    path: "test/Vault",
    value: keyVaultId,
  };
}

function badPipelineId(name: string, pipeline: PipelineClass, pipelineId: string): BadInputCase {
  return {
    name,
    build: (s) => pipeline.fromPipelineId(s, "Pipeline", pipelineId),
    path: "test/Pipeline",
    value: pipelineId,
  };
}

type PipelineClass = typeof ExportPipeline | typeof ImportPipeline;

/** Names of pipelines and runs: 5-50 letters and digits. */
export const NAME_CASES: readonly BadInputCase[] = [
  {
    name: "export pipeline name with a hyphen",
    build: (s) => exportPipeline(s, { pipelineName: "export-pipeline" }),
    path: "test/Export",
    value: "export-pipeline",
  },
  {
    name: "export pipeline name with a dot",
    build: (s) => exportPipeline(s, { pipelineName: "export.pipeline" }),
    path: "test/Export",
    value: "export.pipeline",
  },
  {
    name: "import pipeline name shorter than 5",
    build: (s) => importPipeline(s, { pipelineName: "imp" }),
    path: "test/Import",
    value: '"imp"',
  },
  {
    name: "export pipeline name longer than 50",
    build: (s) => exportPipeline(s, { pipelineName: "e".repeat(51) }),
    path: "test/Export",
    value: "e".repeat(51),
  },
  {
    name: "import pipeline name with an underscore",
    build: (s) => importPipeline(s, { pipelineName: "import_pipeline" }),
    path: "test/Import",
    value: "import_pipeline",
  },
  {
    name: "export run name with hyphens",
    build: (s) => exportRun(s, { runName: "run-2026-11-26" }),
    path: "test/Run",
    value: "run-2026-11-26",
  },
  {
    name: "import run name shorter than 5",
    build: (s) => importRun(s, { runName: "run1" }),
    path: "test/Run",
    value: '"run1"',
  },
  {
    name: "export run name longer than 50",
    build: (s) => exportRun(s, { runName: "r".repeat(51) }),
    path: "test/Run",
    value: "r".repeat(51),
  },
];

/** ARM resource IDs of registries, identities, vaults, accounts, containers and pipelines. */
export const RESOURCE_ID_CASES: readonly BadInputCase[] = [
  badRegistryId(
    "registry ID of another resource type",
    `${PROVIDERS}/Microsoft.ContainerService/managedClusters/myregistry`,
  ),
  badRegistryId(
    "registry ID whose name has a hyphen",
    ids.REGISTRY_ID.replace("myregistry", "my-registry"),
  ),
  badRegistryId(
    "registry ID whose subscription is not a GUID",
    ids.REGISTRY_ID.replace(ids.SUBSCRIPTION, "my-subscription"),
  ),
  badRegistryId("registry name instead of its ID", "myregistry"),
  badRegistryId("registry ID with a trailing slash", `${ids.REGISTRY_ID}/`),
  {
    name: "user-assigned identity ID of a key vault",
    build: (s) => UserIdentity.fromIdentityId(s, "Identity", ids.VAULT_ID),
    path: "test/Identity",
    value: ids.VAULT_ID,
  },
  {
    name: "user-assigned identity ID without a resource group",
    build: (s) =>
      UserIdentity.fromIdentityId(
        s,
        "Identity",
        ids.IDENTITY_ID.replace("/resourceGroups/transfer-rg", ""),
      ),
    path: "test/Identity",
    value: "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/transfer-identity",
  },
  {
    name: "user-assigned identity name starting with a hyphen",
    build: (s) =>
      UserIdentity.fromIdentityId(
        s,
        "Identity",
        ids.IDENTITY_ID.replace("transfer-identity", "-identity"),
      ),
    path: "test/Identity",
    value: "userAssignedIdentities/-identity",
  },
  {
    name: "hand-built user identity whose ID is only a name",
    build: (s) =>
      exportPipeline(s, {
        identity: PipelineIdentity.userAssigned({
          identityId: "transfer-identity",
          principalId: "11111111-1111-1111-1111-111111111111",
          tenantId: "22222222-2222-2222-2222-222222222222",
          identityKey: "transfer-identity",
        }),
      }),
    path: "test/Export",
    value: '"transfer-identity"',
  },
  badVaultId("key vault ID of a storage account", ids.ACCOUNT_ID),
  badVaultId("key vault name longer than 24", ids.VAULT_ID.replace("myvault", "v".repeat(25))),
  badVaultId("key vault name starting with a digit", ids.VAULT_ID.replace("myvault", "1vault")),
  badVaultId(
    "key vault name with two hyphens in a row",
    ids.VAULT_ID.replace("myvault", "my--vault"),
  ),
  {
    name: "storage account ID with an uppercase name",
    build: (s) =>
      StorageAccountRef.fromStorageAccountId(
        s,
        "Account",
        ids.ACCOUNT_ID.replace("accountname", "AccountName"),
      ),
    path: "test/Account",
    value: "AccountName",
  },
  {
    name: "storage account ID with the blob service appended",
    build: (s) =>
      StorageAccountRef.fromStorageAccountId(
        s,
        "Account",
        `${ids.ACCOUNT_ID}/blobServices/default`,
      ),
    path: "test/Account",
    value: `${ids.ACCOUNT_ID}/blobServices/default`,
  },
  {
    name: "container resource ID without blobServices/default",
    build: (s) =>
      TransferContainer.fromContainerResourceId(
        s,
        "Container",
        `${ids.ACCOUNT_ID}/containers/transfer`,
      ),
    path: "test/Container",
    value: `${ids.ACCOUNT_ID}/containers/transfer`,
  },
  {
    name: "container resource ID with an invalid container name",
    build: (s) =>
      TransferContainer.fromContainerResourceId(
        s,
        "Container",
        `${ids.ACCOUNT_ID}/blobServices/default/containers/Transfer_1`,
      ),
    path: "test/Container",
    value: "containers/Transfer_1",
  },
  {
    name: "container resource ID in a vault instead of an account",
    build: (s) =>
      TransferContainer.fromContainerResourceId(
        s,
        "Container",
        `${ids.VAULT_ID}/blobServices/default/containers/transfer`,
      ),
    path: "test/Container",
    value: "Microsoft.KeyVault/vaults/myvault/blobServices",
  },
  badPipelineId(
    "import pipeline ID given to ExportPipeline.fromPipelineId",
    ExportPipeline,
    `${ids.REGISTRY_ID}/importPipelines/importPipeline`,
  ),
  badPipelineId(
    "pipeline ID whose name has a hyphen",
    ImportPipeline,
    `${ids.REGISTRY_ID}/importPipelines/import-pipeline`,
  ),
  badPipelineId("registry ID given as a pipeline ID", ExportPipeline, ids.REGISTRY_ID),
  badPipelineId(
    "pipeline ID with a segment after the name",
    ExportPipeline,
    `${ids.REGISTRY_ID}/exportPipelines/exportPipeline/runs`,
  ),
  badPipelineId(
    "pipeline ID under a registry ID that does not parse",
    ImportPipeline,
    `${ids.REGISTRY_ID.replace("myregistry", "my-registry")}/importPipelines/importPipeline`,
  ),
];
