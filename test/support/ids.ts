/** Fake but well-formed IDs shared by the tests. */
export const SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
const RG = `/subscriptions/${SUBSCRIPTION}/resourceGroups/transfer-rg/providers`;

/** A registry ID. */
export const REGISTRY_ID = `${RG}/Microsoft.ContainerRegistry/registries/myregistry`;
/** A second registry ID, the target of transfers between two registries. */
export const TARGET_REGISTRY_ID = `${RG}/Microsoft.ContainerRegistry/registries/targetregistry`;
/** A Key Vault ID. */
export const VAULT_ID = `${RG}/Microsoft.KeyVault/vaults/myvault`;
/** A storage account ID. */
export const ACCOUNT_ID = `${RG}/Microsoft.Storage/storageAccounts/accountname`;
/** A user-assigned identity ID. */
export const IDENTITY_ID = `${RG}/Microsoft.ManagedIdentity/userAssignedIdentities/transfer-identity`;
/** A container URL. */
export const CONTAINER_URL = "https://accountname.blob.core.windows.net/containername";
/** A secret URI in the vault above. */
export const EXPORT_SECRET_URI = "https://myvault.vault.azure.net/secrets/acrexportsas";
/** A second secret URI in the vault above. */
export const IMPORT_SECRET_URI = "https://myvault.vault.azure.net/secrets/acrimportsas";
/** A well-formed digest reference. */
export const DIGEST_ARTIFACT = `samples/busybox@sha256:${"0".repeat(64)}`;
