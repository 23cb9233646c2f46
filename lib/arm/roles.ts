import { ImportOption, TransferSide } from "./options";

/** Role that lets an identity read one secret's value (RBAC vaults). */
export const KEY_VAULT_SECRETS_USER = "Key Vault Secrets User";
/** Role that lets an identity read, write and delete blobs. */
export const STORAGE_BLOB_DATA_CONTRIBUTOR = "Storage Blob Data Contributor";
/** Role that lets an identity read and list blobs. */
export const STORAGE_BLOB_DATA_READER = "Storage Blob Data Reader";
/**
 * An Azure ABAC condition (version 2.0) that takes blob delete out of a Storage Blob Data role:
 * for the delete action the expression is false, so the assignment does not allow it; every
 * other action of the role stays allowed.
 */
export const NO_BLOB_DELETE_CONDITION =
  "((!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'})))";
/** The condition language version of NO_BLOB_DELETE_CONDITION. */
export const CONDITION_VERSION = "2.0";
/**
 * The data actions of the custom export role (`customExportRole`): read, write and add blobs,
 * what an export run does and Microsoft's troubleshooting article lists (Read, Write, List,
 * Add). No blob delete, no control-plane action (no `containers/delete`), no ownership.
 */
export const EXPORT_ROLE_DATA_ACTIONS: readonly string[] = [
  "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read",
  "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write",
  "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action",
];
/** How the review and the model name the custom export role (customExportRole). */
export const CUSTOM_EXPORT_ROLE = "custom export role (blobs read, write, add)";
/** The only secret permission a pipeline identity needs in an access-policy vault. */
export const SECRET_READ_PERMISSIONS: readonly string[] = ["Get"];

/**
 * Whether a pipeline deletes the blobs it reads: an import pipeline with
 * DeleteSourceBlobOnSuccess.
 */
export function deletesSourceBlobs(side: TransferSide, options: readonly string[]): boolean {
  return (
    side === TransferSide.IMPORT && options.includes(ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS)
  );
}

/**
 * Whether a pipeline changes blobs, beyond reading them: an export writes them, an import that
 * deletes its source blobs deletes them.
 */
export function changesBlobs(side: TransferSide, deletesSource: boolean): boolean {
  return side === TransferSide.EXPORT || deletesSource;
}

/**
 * The Storage Blob Data role a pipeline's identity needs on its container in managed-identity
 * mode: Contributor when the pipeline changes blobs, else Reader. (In SAS token mode the token
 * holds the permissions, and the identity needs read on the secret instead.)
 */
export function storageRoleFor(side: TransferSide, deletesSource: boolean): string {
  return changesBlobs(side, deletesSource)
    ? STORAGE_BLOB_DATA_CONTRIBUTOR
    : STORAGE_BLOB_DATA_READER;
}

/**
 * The roles and Key Vault permissions that pipelines are granted. Lists are copies, as jsii has
 * no read-only arrays: changing one changes no grant.
 */
export class TransferAccess {
  /** Role that lets an identity read one secret's value. */
  public static readonly KEY_VAULT_SECRETS_USER = KEY_VAULT_SECRETS_USER;
  /** Role to read, write and delete blobs. */
  public static readonly STORAGE_BLOB_DATA_CONTRIBUTOR = STORAGE_BLOB_DATA_CONTRIBUTOR;
  /** Role to read and list blobs. */
  public static readonly STORAGE_BLOB_DATA_READER = STORAGE_BLOB_DATA_READER;
  /** The condition that denies blob delete. */
  public static readonly NO_BLOB_DELETE_CONDITION = NO_BLOB_DELETE_CONDITION;
  /** The data actions of the custom export role (`customExportRole`). */
  public static readonly EXPORT_ROLE_DATA_ACTIONS: string[] = [...EXPORT_ROLE_DATA_ACTIONS];
  /** Secret permissions in an access-policy vault. */
  public static readonly SECRET_READ_PERMISSIONS: string[] = [...SECRET_READ_PERMISSIONS];

  private constructor() {}
}
