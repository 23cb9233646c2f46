/** Role that lets an identity read one secret's value (RBAC vaults). */
export const KEY_VAULT_SECRETS_USER = "Key Vault Secrets User";
/** Role that lets an identity read, write and delete blobs. */
export const STORAGE_BLOB_DATA_CONTRIBUTOR = "Storage Blob Data Contributor";
/** Role that lets an identity read and list blobs. */
export const STORAGE_BLOB_DATA_READER = "Storage Blob Data Reader";
/** The only secret permission a pipeline identity needs in an access-policy vault. */
export const SECRET_READ_PERMISSIONS: readonly string[] = ["Get"];

/**
 * The roles and Key Vault permissions that pipelines are granted, for every jsii language
 * (TypeScript may also use the constants). Lists are copies, as jsii has no read-only arrays:
 * changing one changes no grant.
 */
export class TransferAccess {
  /** Role that lets an identity read one secret's value; the constant `KEY_VAULT_SECRETS_USER`. */
  public static readonly KEY_VAULT_SECRETS_USER = KEY_VAULT_SECRETS_USER;
  /** Role to read, write and delete blobs; the constant `STORAGE_BLOB_DATA_CONTRIBUTOR`. */
  public static readonly STORAGE_BLOB_DATA_CONTRIBUTOR = STORAGE_BLOB_DATA_CONTRIBUTOR;
  /** Role to read and list blobs; the constant `STORAGE_BLOB_DATA_READER`. */
  public static readonly STORAGE_BLOB_DATA_READER = STORAGE_BLOB_DATA_READER;
  /** Secret permissions in an access-policy vault; the constant `SECRET_READ_PERMISSIONS`. */
  public static readonly SECRET_READ_PERMISSIONS: string[] = [...SECRET_READ_PERMISSIONS];

  private constructor() {}
}
