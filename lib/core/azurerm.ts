/**
 * The azurerm provider bindings the library reads and declares, each from its own submodule
 * (the package root loads some 1,500 modules). Part of the core seam: the CDK Terrain flavor
 * points these at `@cdktn/provider-azurerm`.
 */
export { ContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
export { DataAzurermContainerRegistry } from "@cdktf/provider-azurerm/lib/data-azurerm-container-registry";
export { DataAzurermKeyVault } from "@cdktf/provider-azurerm/lib/data-azurerm-key-vault";
export { DataAzurermStorageAccount } from "@cdktf/provider-azurerm/lib/data-azurerm-storage-account";
export { DataAzurermStorageAccountBlobContainerSas } from "@cdktf/provider-azurerm/lib/data-azurerm-storage-account-blob-container-sas";
export { DataAzurermUserAssignedIdentity } from "@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity";
export { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
export { KeyVaultAccessPolicyA as KeyVaultAccessPolicy } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
export { KeyVaultSecret } from "@cdktf/provider-azurerm/lib/key-vault-secret";
export { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
export { RoleDefinition } from "@cdktf/provider-azurerm/lib/role-definition";
export { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
export { StorageContainer } from "@cdktf/provider-azurerm/lib/storage-container";
export { StorageManagementPolicy } from "@cdktf/provider-azurerm/lib/storage-management-policy";
export { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
