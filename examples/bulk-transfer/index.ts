import { App, TerraformStack } from "cdktf";
import {
  ArtifactList,
  BulkTransfer,
  RegistryRef,
  RelativeLocalBackend,
  StorageAccessMode,
  StorageAccountRef,
} from "../../lib";
import { addProviders } from "../shared/providers";
import {
  ARTIFACT_FILE,
  BUILD_SIDE,
  BulkSide,
  GOV_SIDE,
  registryId,
  storageAccountId,
} from "./config";

export { ARTIFACT_FILE } from "./config";

/** A side's stack, with the examples' local backend and both providers in the side's cloud. */
function sideStack(app: App, id: string, side: BulkSide): TerraformStack {
  const stack = new TerraformStack(app, id);
  new RelativeLocalBackend(stack);
  addProviders(stack, { cloud: side.cloud });
  return stack;
}

/** The side as BulkTransfer takes it: the stack, the registry and the storage account by ID. */
function endpoint(stack: TerraformStack, side: BulkSide) {
  return {
    stack,
    registry: RegistryRef.fromRegistryId(stack, "Registry", registryId(side), {
      location: side.location,
    }),
    storageAccount: StorageAccountRef.fromStorageAccountId(
      stack,
      "StorageAccount",
      storageAccountId(side),
      { cloud: side.cloud },
    ),
  };
}

/**
 * Adds the bulk transfer of every image in artifacts.txt from the public cloud to US
 * Government: `bulk-transfer-source` exports them in batches of at most 50, and
 * `bulk-transfer-target` imports the same batches, planned again from the same file.
 */
export function addBulkTransfer(app: App): TerraformStack[] {
  const source = sideStack(app, "bulk-transfer-source", BUILD_SIDE);
  const target = sideStack(app, "bulk-transfer-target", GOV_SIDE);
  new BulkTransfer(app, "Images", {
    source: { ...endpoint(source, BUILD_SIDE), pipelineName: "exportToGov" },
    target: { ...endpoint(target, GOV_SIDE), pipelineName: "importFromBuild" },
    storageAccessMode: StorageAccessMode.MANAGED_IDENTITY,
    artifacts: ArtifactList.fromFile(ARTIFACT_FILE),
    runNamePrefix: "images202611",
    blobNamePrefix: "images-2026-11-",
    // The registries also serve builds and deployments: at most 4 runs at a time on each side.
    maxConcurrentRuns: 4,
    rerunToken: "2026-11-26",
    outputPrefix: "images",
  });
  return [source, target];
}
