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
function newStack(app = Testing.app(), id = "bench") {
  const stack = new TerraformStack(app, id);
  new AzapiProvider(stack, "Azapi", {});
  new AzurermProvider(stack, "Azurerm", { features: [{}] });
  return stack;
}

/** N setups made with the library's constructs. */
export function libraryStack(n) {
  const stack = newStack();
  addLibrarySetups(stack, 0, n);
  return stack;
}

/** The same resources, with the same arguments, written by hand. */
export function handWrittenStack(n) {
  const stack = newStack();
  addHandSetups(stack, 0, n);
  return stack;
}

/** Setups per app in the many-stacks measurements: spread over more stacks, not grown. */
export const MANY_STACKS_SETUPS = 1000;

/** MANY_STACKS_SETUPS library setups spread evenly over `stacks` stacks of one app. */
export function libraryStacks(stacks) {
  return spread(stacks, addLibrarySetups);
}

/** The same, written by hand. */
export function handWrittenStacks(stacks) {
  return spread(stacks, addHandSetups);
}

/** An app of `stacks` stacks holding MANY_STACKS_SETUPS setups made by `add`; its first stack. */
function spread(stacks, add) {
  const app = Testing.app();
  const per = MANY_STACKS_SETUPS / stacks;
  let first;
  for (let s = 0; s < stacks; s++) {
    const stack = newStack(app, `bench${s}`);
    add(stack, s * per, per);
    first ??= stack;
  }
  return first;
}

/** Setups `from` to `from + n - 1`, made with the library's constructs in `stack`. */
function addLibrarySetups(stack, from, n) {
  const vault = lib.KeyVaultRef.fromKeyVaultId(stack, "Vault", VAULT_ID, {
    accessModel: lib.KeyVaultAccessModel.ACCESS_POLICY,
  });
  for (let i = from; i < from + n; i++) {
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
}

/** The same setups, with the same arguments, written by hand in `stack`. */
function addHandSetups(stack, from, n) {
  for (let i = from; i < from + n; i++) {
    const s = names(i);
    const pipeline = handPipeline(stack, `Export${i}`, s);
    const policy = handPolicy(stack, `Policy${i}`, pipeline);
    new AzapiResource(stack, `Run${i}`, {
      ...runConfig(pipeline, s.registryId, s.runName, s.blobName, s.artifacts),
      dependsOn: [policy],
    });
  }
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

/**
 * How many resources of each type, and outputs, the synthesized stacks hold together, e.g.
 * "azapi_resource=2, ...".
 */
export function resourceCounts(...docs) {
  const counts = new Map();
  let outputs = 0;
  for (const tf of docs) {
    for (const [type, blocks] of Object.entries(tf.resource ?? {})) {
      const n = Object.keys(blocks).filter((k) => k !== "//").length;
      counts.set(type, (counts.get(type) ?? 0) + n);
    }
    outputs += Object.keys(tf.output ?? {}).length;
  }
  const resources = [...counts].map(([type, n]) => `${type}=${n}`);
  return [...resources.sort(), ...(outputs ? [`outputs=${outputs}`] : [])].join(", ");
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
