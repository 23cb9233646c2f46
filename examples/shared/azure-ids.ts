/** The obviously fake subscription every example points at; replace it with yours. */
export const EXAMPLE_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";

/**
 * The ARM resource ID of `<type>/<name>` in a resource group of the example subscription (or of
 * `subscriptionId`, for an example that spans two).
 */
export function exampleResourceId(
  resourceGroup: string,
  type: string,
  name: string,
  subscriptionId = EXAMPLE_SUBSCRIPTION_ID,
): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${type}/${name}`;
}

/** ARM resource types the examples refer to. */
export const ResourceType = {
  /** A container registry. */
  REGISTRY: "Microsoft.ContainerRegistry/registries",
  /** A Key Vault. */
  KEY_VAULT: "Microsoft.KeyVault/vaults",
  /** A storage account. */
  STORAGE_ACCOUNT: "Microsoft.Storage/storageAccounts",
  /** A user-assigned managed identity. */
  USER_ASSIGNED_IDENTITY: "Microsoft.ManagedIdentity/userAssignedIdentities",
} as const;
