import { TerraformStack, TerraformVariable } from "cdktf";
import {
  ArtifactList,
  BulkTransfer,
  BulkTransferProps,
  BulkTransferSource,
  BulkTransferTarget,
  ImportPipeline,
  KeyVaultAccessModel,
  KeyVaultRef,
  RegistryRef,
  SasToken,
  StorageAccessMode,
  StorageAccountRef,
} from "../../../lib";
import { exportBatches, images, importBatches } from "../../batches/support";
import * as ids from "../../support/ids";
import { BadInputCase, exportPipeline } from "../../support/pipelines";

/** Batch sets and bulk transfers: the artifact list, the names, the limits, the two sides. */

function untyped<T>(value: unknown): T {
  return value as T;
}

function badBatches(
  name: string,
  overrides: Parameters<typeof exportBatches>[1],
  value: string,
): BadInputCase {
  return { name, build: (s) => exportBatches(s, overrides), path: "test/Batches", value };
}

/** A bulk transfer in the case's stack, valid unless the case overrides a prop or a side's. */
export function bulk(
  stack: TerraformStack,
  overrides: Partial<BulkTransferProps> = {},
  sides: { source?: Partial<BulkTransferSource>; target?: Partial<BulkTransferTarget> } = {},
): BulkTransfer {
  return new BulkTransfer(stack, "Bulk", {
    source: {
      stack,
      registry: RegistryRef.fromRegistryId(stack, "Registry", ids.REGISTRY_ID, {
        location: "eastus",
      }),
      storageAccount: StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID),
      pipelineName: "exportbulk",
      ...sides.source,
    },
    target: {
      stack,
      registry: RegistryRef.fromRegistryId(stack, "Target", ids.TARGET_REGISTRY_ID, {
        location: "eastus",
      }),
      pipelineName: "importbulk",
      ...sides.target,
    },
    storageAccessMode: StorageAccessMode.MANAGED_IDENTITY,
    artifacts: ArtifactList.fromList(images(60)),
    runNamePrefix: "bulk202611",
    blobNamePrefix: "bulk-",
    ...overrides,
  });
}

/** An import pipeline made elsewhere, so that a case's stack can hold an export pipeline too. */
function importPipelineById(stack: TerraformStack) {
  return ImportPipeline.fromPipelineId(
    stack,
    "Import",
    `${ids.REGISTRY_ID}/importPipelines/imports`,
  );
}

function vault(stack: TerraformStack) {
  return KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
    accessModel: KeyVaultAccessModel.ACCESS_POLICY,
  });
}

export const BATCH_CASES: readonly BadInputCase[] = [
  badBatches("batches: an empty list", { artifacts: ArtifactList.fromList([]) }, "[]"),
  badBatches(
    "batches: a malformed reference, named by its index",
    { artifacts: ArtifactList.fromList(["samples/app:v1", "samples/web:v1", "Samples/Api:v1"]) },
    'artifacts[2] "Samples/Api:v1"',
  ),
  badBatches(
    "batches: a reference with the registry's login server",
    { artifacts: ArtifactList.fromList(["myregistry.azurecr.io/samples/app:v1"]) },
    'artifacts[0] "myregistry.azurecr.io/samples/app:v1"',
  ),
  badBatches(
    "batches: a malformed reference in a file, named by file and line",
    { artifacts: ArtifactList.fromFile("test/batches/fixtures/malformed.txt") },
    'test/batches/fixtures/malformed.txt line 3 "Samples/Nginx:v1"',
  ),
  badBatches(
    "batches: a file that does not exist",
    { artifacts: ArtifactList.fromFile("test/batches/fixtures/missing.txt") },
    '"test/batches/fixtures/missing.txt" cannot be read (ENOENT)',
  ),
  {
    name: "batches: a reference only known at apply time",
    build: (s) =>
      exportBatches(s, {
        artifacts: ArtifactList.fromList([
          "samples/app:v1",
          new TerraformVariable(s, "image", { type: "string" }).stringValue,
        ]),
      }),
    path: "test/Batches",
    value: "artifacts[1]",
  },
  badBatches(
    "untyped: batch artifacts given as one string, not a list",
    { artifacts: ArtifactList.fromList(untyped<string[]>("samples/app:v1")) },
    'artifacts "samples/app:v1" is not a list',
  ),
  badBatches(
    "batches: no artifact list",
    { artifacts: untyped<ArtifactList>(undefined) },
    "artifacts is missing",
  ),
  badBatches(
    "batches: a hyphen in the run name prefix",
    { runNamePrefix: "bulk-2026" },
    'runNamePrefix "bulk-2026"',
  ),
  badBatches("batches: a run name prefix of 3", { runNamePrefix: "abc" }, 'runNamePrefix "abc"'),
  badBatches(
    "batches: a run name prefix that leaves no room for the batch IDs",
    { runNamePrefix: "a".repeat(48) },
    `runNamePrefix "${"a".repeat(48)}"`,
  ),
  badBatches(
    "batches: a control character in the blob name prefix",
    { blobNamePrefix: "bulk\t2026-" },
    'blobNamePrefix "bulk\\t2026-"',
  ),
  {
    name: "batches: a run name prefix only known at apply time",
    build: (s) =>
      exportBatches(s, {
        runNamePrefix: new TerraformVariable(s, "prefix", { type: "string" }).stringValue,
      }),
    path: "test/Batches",
    value: 'runNamePrefix "${var.prefix}"',
  },
  badBatches("batches: 51 artifacts a run", { maxArtifactsPerRun: 51 }, "maxArtifactsPerRun 51"),
  badBatches(
    "batches: a fraction of a run at once",
    { maxConcurrentRuns: 2.5 },
    "maxConcurrentRuns 2.5",
  ),
  badBatches("batches: no run at once", { maxConcurrentRuns: 0 }, "maxConcurrentRuns 0"),
  badBatches(
    "batches: an output prefix starting with a digit",
    { outputPrefix: "2026images" },
    'outputPrefix "2026images"',
  ),
  {
    name: "batches: two batch sets with one output prefix in a stack",
    build: (s) => {
      const pipeline = exportPipeline(s);
      exportBatches(s, { pipeline, outputPrefix: "images" }, "First");
      exportBatches(s, { pipeline, outputPrefix: "images", runNamePrefix: "other" }, "Second");
    },
    path: "test/Second",
    value: 'outputPrefix "images_b00_status"',
  },
  {
    name: "batches: two batch sets with one run name prefix on a registry",
    build: (s) => {
      const pipeline = exportPipeline(s);
      exportBatches(s, { pipeline, outputPrefix: "first" }, "First");
      exportBatches(s, { pipeline, outputPrefix: "second" }, "Second");
    },
    path: "test/Second/b00",
    value: 'runName "bulk202611b00"',
  },
  {
    name: "batches: import batches planned differently from their export batches",
    build: (s) => {
      const exported = exportBatches(s, { outputPrefix: "exports" }, "Exports");
      importBatches(s, {
        pipeline: importPipelineById(s),
        exportBatches: exported,
        runNamePrefix: "imports",
        maxArtifactsPerRun: 20,
      });
    },
    path: "test/Batches",
    value: 'exportBatches "test/Exports"',
  },
  {
    name: "batches: export batches on an import pipeline",
    build: (s) => exportBatches(s, { pipeline: untyped(importPipelineById(s)) }),
    path: "test/Batches/b00",
    value: 'pipeline "imports"',
  },
  {
    name: "bulk transfer: SAS token mode without the source's token",
    build: (s) => bulk(s, { storageAccessMode: StorageAccessMode.SAS_TOKEN }),
    path: "test/Bulk",
    value: "source.sas is missing",
  },
  {
    name: "bulk transfer: a SAS token in managed-identity mode",
    build: (s) => {
      const variable = new TerraformVariable(s, "sas", { type: "string", sensitive: true });
      const token = SasToken.fromVariable(variable, 1);
      bulk(s, {}, { source: { sas: { keyVault: vault(s), token, secretName: "exportsas" } } });
    },
    path: "test/Bulk",
    value: 'source.sas "exportsas"',
  },
  {
    name: "bulk transfer: a target container name without a target storage account",
    build: (s) => bulk(s, {}, { target: { containerName: "imports" } }),
    path: "test/Bulk",
    value: 'target.containerName "imports"',
  },
  {
    name: "bulk transfer: an unknown storage access mode",
    build: (s) => bulk(s, { storageAccessMode: untyped<StorageAccessMode>("Anonymous") }),
    path: "test/Bulk",
    value: 'storageAccessMode "Anonymous"',
  },
  {
    name: "bulk transfer: no target side",
    build: (s) => bulk(s, { target: untyped(undefined) }),
    path: "test/Bulk",
    value: "target is missing",
  },
];
