// N transfer setups, built with the library's constructs or written by hand with the same
// resources: an export pipeline (system-assigned identity, SAS token mode) on a registry given
// by ID, its SAS secret given by URI with a KeyVaultRef so it gets an access policy, and a run.
import { createRequire } from "node:module";

const require = createRequire(new URL("../package.json", import.meta.url));
const { TerraformStack, Testing } = require("cdktf");
const lib = require("./dist/index.js");
const { AzapiResource } = require("./dist/azapi/index.js");
const { KeyVaultAccessPolicyA } = require("@cdktf/provider-azurerm/lib/key-vault-access-policy");

const RG =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/transfer-rg/providers";
const VAULT_ID = `${RG}/Microsoft.KeyVault/vaults/transfervault`;
const API_VERSION = lib.DEFAULT_TRANSFER_API_VERSION;

/** What setup i is made of. */
function names(i) {
  return {
    registryId: `${RG}/Microsoft.ContainerRegistry/registries/registry${i}`,
    pipelineName: `export${i}`,
    runName: `exportrun${i}`,
    containerUrl: `https://transfer${i % 100}sa.blob.core.windows.net/export${i}`,
    secretUri: `https://transfervault.vault.azure.net/secrets/export-sas-${i}`,
    blobName: `images-${i}`,
    artifacts: [`samples/app${i}:v1`],
  };
}

function newStack() {
  return new TerraformStack(Testing.app(), "bench");
}

/** N setups made with the library's constructs. */
export function libraryStack(n) {
  const stack = newStack();
  const vault = lib.KeyVaultRef.fromKeyVaultId(stack, "Vault", VAULT_ID, {
    accessModel: lib.KeyVaultAccessModel.ACCESS_POLICY,
  });
  for (let i = 0; i < n; i++) {
    const s = names(i);
    const pipeline = new lib.ExportPipeline(stack, `Export${i}`, {
      registry: lib.Registry.fromRegistryId(stack, `Registry${i}`, s.registryId, {
        location: "eastus",
      }),
      pipelineName: s.pipelineName,
      container: lib.TransferContainer.fromUrl(stack, `Container${i}`, s.containerUrl),
      storageAccess: lib.StorageAccess.sasToken(
        lib.SasTokenSecret.fromSecretUri(stack, `Secret${i}`, s.secretUri, { keyVault: vault }),
      ),
    });
    new lib.ExportPipelineRun(stack, `Run${i}`, {
      pipeline,
      runName: s.runName,
      blobName: s.blobName,
      artifacts: s.artifacts,
    });
  }
  return stack;
}

/** The same resources, with the same arguments, written by hand. */
export function handWrittenStack(n) {
  const stack = newStack();
  for (let i = 0; i < n; i++) {
    const s = names(i);
    const pipeline = new AzapiResource(stack, `Export${i}`, {
      type: `${lib.EXPORT_PIPELINE_TYPE}@${API_VERSION}`,
      name: s.pipelineName,
      parentId: s.registryId,
      location: "eastus",
      identity: { type: "SystemAssigned" },
      body: {
        properties: {
          target: {
            type: "AzureStorageBlobContainer",
            uri: s.containerUrl,
            keyVaultUri: s.secretUri,
            storageAccessMode: "SasToken",
          },
          options: [],
        },
      },
    });
    const policy = new KeyVaultAccessPolicyA(stack, `Policy${i}`, {
      keyVaultId: VAULT_ID,
      tenantId: pipeline.identityTenantId,
      objectId: pipeline.identityPrincipalId,
      secretPermissions: ["Get"],
    });
    new AzapiResource(stack, `Run${i}`, {
      type: `${lib.PIPELINE_RUN_TYPE}@${API_VERSION}`,
      name: s.runName,
      parentId: s.registryId,
      body: {
        properties: {
          request: {
            pipelineResourceId: pipeline.id,
            artifacts: s.artifacts,
            target: { type: "AzureStorageBlob", name: s.blobName },
          },
        },
      },
      responseExportValues: {
        status: "properties.response.status",
        progress_percentage: "properties.response.progress.percentage",
        imported_artifacts: "properties.response.importedArtifacts",
        catalog_digest: "properties.response.catalogDigest",
        start_time: "properties.response.startTime",
        finish_time: "properties.response.finishTime",
        error_message: "properties.response.pipelineRunErrorMessage",
      },
      retry: { errorMessageRegex: [...lib.AUTHORIZATION_RETRY_PATTERNS] },
      timeouts: { create: lib.DEFAULT_RUN_TIMEOUT, update: lib.DEFAULT_RUN_TIMEOUT },
      dependsOn: [policy],
    });
  }
  return stack;
}

/** How many resources of each type a synthesized stack holds, e.g. "azapi_resource=2, ...". */
export function resourceCounts(tf) {
  return Object.entries(tf.resource ?? {})
    .map(([type, blocks]) => `${type}=${Object.keys(blocks).filter((k) => k !== "//").length}`)
    .sort()
    .join(", ");
}
