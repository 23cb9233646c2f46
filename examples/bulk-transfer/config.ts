import { join } from "node:path";
import { AzureCloud } from "../../lib";
import { ResourceType, exampleResourceId } from "../shared/azure-ids";

/** One side of the bulk transfer: its cloud and the existing registry and storage account. */
export interface BulkSide {
  /** The Azure cloud, written into the side's providers. */
  readonly cloud: AzureCloud;
  /** Resource group of the registry and the storage account. */
  readonly resourceGroup: string;
  /** Location of the registry (and so of its pipeline). */
  readonly location: string;
  /** Existing Premium registry. */
  readonly registryName: string;
  /** Existing storage account that gets the transfer container. */
  readonly storageAccountName: string;
}

/** Where the images are built: the public cloud. */
export const BUILD_SIDE: BulkSide = {
  cloud: AzureCloud.PUBLIC,
  resourceGroup: "rg-bulk-build",
  location: "eastus",
  registryName: "northwindbuildacr",
  storageAccountName: "northwindbuildxfer",
};

/** Where they run: Azure US Government, reached only through the blob copy. */
export const GOV_SIDE: BulkSide = {
  cloud: AzureCloud.US_GOVERNMENT,
  resourceGroup: "rg-bulk-gov",
  location: "usgovvirginia",
  registryName: "northwindgovacr",
  storageAccountName: "northwindgovxfer",
};

/** The list of images, one per line: read by both stacks at synth time. */
export const ARTIFACT_FILE = join(__dirname, "artifacts.txt");

/** ARM ID of a side's registry. */
export function registryId(side: BulkSide): string {
  return exampleResourceId(side.resourceGroup, ResourceType.REGISTRY, side.registryName);
}

/** ARM ID of a side's storage account. */
export function storageAccountId(side: BulkSide): string {
  return exampleResourceId(
    side.resourceGroup,
    ResourceType.STORAGE_ACCOUNT,
    side.storageAccountName,
  );
}
