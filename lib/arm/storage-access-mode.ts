/** How a pipeline reaches its storage container. */
export enum StorageAccessMode {
  /** The pipeline's managed identity holds a Storage Blob Data role on the container. */
  MANAGED_IDENTITY = "ManagedIdentity",
  /** The pipeline reads a SAS token from a Key Vault secret. */
  SAS_TOKEN = "SasToken",
}
