// N transfer setups, built with the library's constructs or written by hand with the same
// resources: an export pipeline (system-assigned identity, SAS token mode) on a registry given
// by ID, its SAS secret given by URI with a KeyVaultRef so it gets an access policy, and a run.
import { createRequire } from "node:module";

const require = createRequire(new URL("../package.json", import.meta.url));
const { TerraformOutput, TerraformStack, Testing } = require("cdktf");
const lib = require("./dist/index.js");
const { AzapiResource } = require("./dist/azapi/index.js");
const { AzapiProvider } = require("./dist/azapi/index.js");
const { KeyVaultAccessPolicyA } = require("@cdktf/provider-azurerm/lib/key-vault-access-policy");
const { AzurermProvider } = require("@cdktf/provider-azurerm/lib/provider");

const RG =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/transfer-rg/providers";
const VAULT_ID = `${RG}/Microsoft.KeyVault/vaults/transfervault`;
const API_VERSION = lib.TransferApiVersions.DEFAULT;

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

/** A stack with the azapi and azurerm providers, as `app.synth()` requires. */
function newStack() {
  const stack = new TerraformStack(Testing.app(), "bench");
  new AzapiProvider(stack, "Azapi", {});
  new AzurermProvider(stack, "Azurerm", { features: [{}] });
  return stack;
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
      registry: lib.RegistryRef.fromRegistryId(stack, `Registry${i}`, s.registryId, {
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
    const pipeline = handPipeline(stack, `Export${i}`, s);
    const policy = handPolicy(stack, `Policy${i}`, pipeline);
    new AzapiResource(stack, `Run${i}`, {
      ...runConfig(pipeline, s.registryId, s.runName, s.blobName, s.artifacts),
      dependsOn: [policy],
    });
  }
  return stack;
}

/** An export pipeline in SAS token mode with a system-assigned identity, by hand. */
function handPipeline(stack, id, s) {
  return new AzapiResource(stack, id, {
    type: `${lib.TransferResourceTypes.EXPORT_PIPELINE}@${API_VERSION}`,
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
}

/** The access policy that lets the pipeline's identity read its secret, by hand. */
function handPolicy(stack, id, pipeline) {
  return new KeyVaultAccessPolicyA(stack, id, {
    keyVaultId: VAULT_ID,
    tenantId: pipeline.identityTenantId,
    objectId: pipeline.identityPrincipalId,
    secretPermissions: ["Get"],
  });
}

/** The arguments of an export run, by hand (without depends_on). */
function runConfig(pipeline, registryId, runName, blobName, artifacts) {
  return {
    type: `${lib.TransferResourceTypes.PIPELINE_RUN}@${API_VERSION}`,
    name: runName,
    parentId: registryId,
    body: {
      properties: {
        request: {
          pipelineResourceId: pipeline.id,
          artifacts,
          target: { type: "AzureStorageBlob", name: blobName },
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
    retry: { errorMessageRegex: [...lib.TransferRunDefaults.AUTHORIZATION_RETRY_PATTERNS] },
    timeouts: { create: lib.TransferRunDefaults.TIMEOUT, update: lib.TransferRunDefaults.TIMEOUT },
  };
}

/** How many resources of each type, and outputs, a synthesized stack holds, e.g. "azapi_resource=2, ...". */
export function resourceCounts(tf) {
  const resources = Object.entries(tf.resource ?? {}).map(
    ([type, blocks]) => `${type}=${Object.keys(blocks).filter((k) => k !== "//").length}`,
  );
  const outputs = tf.output ? [`outputs=${Object.keys(tf.output).length}`] : [];
  return [...resources.sort(), ...outputs].join(", ");
}

// Batched transfers: R registries, each exporting ARTIFACTS_PER_REGISTRY artifacts through one
// export pipeline (as above) in batches of at most 50, 10 runs at a time, with per-batch status
// and error outputs and a summary.
export const ARTIFACTS_PER_REGISTRY = 500;
const { planBatches } = require("./dist/batches/batch-plan.js");

/** The artifacts of registry r. */
function registryArtifacts(r) {
  return Array.from(
    { length: ARTIFACTS_PER_REGISTRY },
    (_, k) => `team${k % 12}/service${r}x${k}:1.${k % 9}.0`,
  );
}

/** R registries' batched exports, made with ExportPipeline and ExportBatches. */
export function batchLibraryStack(registries) {
  const stack = newStack();
  const vault = lib.KeyVaultRef.fromKeyVaultId(stack, "Vault", VAULT_ID, {
    accessModel: lib.KeyVaultAccessModel.ACCESS_POLICY,
  });
  for (let r = 0; r < registries; r++) {
    const s = names(r);
    const pipeline = new lib.ExportPipeline(stack, `Export${r}`, {
      registry: lib.RegistryRef.fromRegistryId(stack, `Registry${r}`, s.registryId, {
        location: "eastus",
      }),
      pipelineName: s.pipelineName,
      container: lib.TransferContainer.fromUrl(stack, `Container${r}`, s.containerUrl),
      storageAccess: lib.StorageAccess.sasToken(
        lib.SasTokenSecret.fromSecretUri(stack, `Secret${r}`, s.secretUri, { keyVault: vault }),
      ),
    });
    new lib.ExportBatches(stack, `Batches${r}`, {
      pipeline,
      artifacts: lib.ArtifactList.fromList(registryArtifacts(r)),
      runNamePrefix: s.runName,
      blobNamePrefix: `${s.blobName}-`,
      outputPrefix: `r${r}`,
    });
  }
  return stack;
}

/**
 * The same resources and outputs written by hand: the pipeline, its access policy, and one run
 * per batch chained 10 wide. The batches come from the library's pure plan, so that both
 * variants declare identical resources; the hand-written side pays for planning too.
 */
export function batchHandStack(registries) {
  const stack = newStack();
  const lanes = lib.TransferBatchDefaults.MAX_CONCURRENT_RUNS;
  for (let r = 0; r < registries; r++) {
    const s = names(r);
    const pipeline = handPipeline(stack, `Export${r}`, s);
    const policy = handPolicy(stack, `Policy${r}`, pipeline);
    const runs = [];
    const statuses = {};
    for (const { bits, artifacts } of planBatches(registryArtifacts(r), 50)) {
      const id = `b${bits}`;
      const [runName, blobName] = [`${s.runName}${id}`, `${s.blobName}-${id}`];
      const run = new AzapiResource(stack, `Run${r}${id}`, {
        ...runConfig(pipeline, s.registryId, runName, blobName, artifacts),
        dependsOn: runs.length >= lanes ? [policy, runs[runs.length - lanes]] : [policy],
      });
      runs.push(run);
      const status = run.outputValue("status");
      const counted = `${runName} (${artifacts.length} artifacts, blob ${blobName})`;
      output(
        stack,
        `r${r}_${id}_status`,
        status,
        `Status of ${counted}: Succeeded, Failed or Running.`,
      );
      output(
        stack,
        `r${r}_${id}_error`,
        run.outputValue("error_message"),
        `The service's error message when ${runName} failed.`,
      );
      statuses[runName] = status;
    }
    output(
      stack,
      `r${r}_summary`,
      statuses,
      `Status of each of the ${runs.length} batched runs, by run name.`,
    );
  }
  return stack;
}

/** An output named exactly `name`. */
function output(stack, name, value, description) {
  new TerraformOutput(stack, name, { value, description }).overrideLogicalId(name);
}
