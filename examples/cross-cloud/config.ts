import { AzureCloud } from "../../lib";
import { ResourceType, exampleResourceId } from "../shared/azure-ids";

/** One side of the cross-cloud transfer: where its registry, vault and storage live. */
export interface CloudSide {
  /** The Azure cloud. */
  readonly cloud: AzureCloud;
  /** Provider alias for this side. */
  readonly alias: string;
  /** Resource group holding the existing registry, vault and storage account. */
  readonly resourceGroup: string;
  /** Azure location of the registry (and so of its pipeline). */
  readonly location: string;
  /** Existing Premium registry. */
  readonly registryName: string;
  /** Existing storage account that gets the transfer container. */
  readonly storageAccountName: string;
  /** Existing Key Vault (access policies) that gets the SAS token secret. */
  readonly keyVaultName: string;
  /** The new private container for transfer blobs. */
  readonly containerName: string;
}

/** The public-cloud side: exports. */
export const PUBLIC_SIDE: CloudSide = {
  cloud: AzureCloud.PUBLIC,
  alias: "public",
  resourceGroup: "rg-acr-transfer-public",
  location: "eastus",
  registryName: "contosopublicacr",
  storageAccountName: "contosopublicxfer",
  keyVaultName: "kv-contoso-public-xfer",
  containerName: "transfer",
};

/** The US Government side: imports. */
export const USGOV_SIDE: CloudSide = {
  cloud: AzureCloud.US_GOVERNMENT,
  alias: "usgov",
  resourceGroup: "rg-acr-transfer-usgov",
  location: "usgovvirginia",
  registryName: "contosogovacr",
  storageAccountName: "contosogovxfer",
  keyVaultName: "kv-contoso-gov-xfer",
  containerName: "transfer",
};

/** The blob the export run writes, copied by hand to the other cloud, then imported. */
export const TRANSFER_BLOB_NAME = "release-2026-11";

/** ARM ID of a side's registry. */
export function registryId(side: CloudSide): string {
  return exampleResourceId(side.resourceGroup, ResourceType.REGISTRY, side.registryName);
}

/** ARM ID of a side's storage account. */
export function storageAccountId(side: CloudSide): string {
  return exampleResourceId(
    side.resourceGroup,
    ResourceType.STORAGE_ACCOUNT,
    side.storageAccountName,
  );
}

/** ARM ID of a side's Key Vault. */
export function keyVaultId(side: CloudSide): string {
  return exampleResourceId(side.resourceGroup, ResourceType.KEY_VAULT, side.keyVaultName);
}

/** ARM ID of a side's transfer container (made by that side's stack). */
export function containerResourceId(side: CloudSide): string {
  return `${storageAccountId(side)}/blobServices/default/containers/${side.containerName}`;
}
