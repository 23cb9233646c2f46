/** Role that lets an identity read one secret's value (RBAC vaults). */
export const KEY_VAULT_SECRETS_USER = "Key Vault Secrets User";
/** Role that lets an identity read, write and delete blobs. */
export const STORAGE_BLOB_DATA_CONTRIBUTOR = "Storage Blob Data Contributor";
/** Role that lets an identity read and list blobs. */
export const STORAGE_BLOB_DATA_READER = "Storage Blob Data Reader";
/** The only secret permission a pipeline identity needs in an access-policy vault. */
export const SECRET_READ_PERMISSIONS: readonly string[] = ["Get"];
