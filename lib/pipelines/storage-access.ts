import { StorageAccessMode } from "../arm/storage-access-mode";
import { ISasTokenSecret } from "../secrets/secret";

/** How a pipeline reaches its blob container. */
export class StorageAccess {
  /**
   * The pipeline's managed identity gets a Storage Blob Data role on the container; no Key Vault
   * and no SAS. Needs api-version 2025-06-01-preview or later.
   */
  public static managedIdentity(): StorageAccess {
    return new StorageAccess(StorageAccessMode.MANAGED_IDENTITY);
  }

  /** The pipeline reads a SAS token from a Key Vault secret (every api-version). */
  public static sasToken(secret: ISasTokenSecret): StorageAccess {
    return new StorageAccess(StorageAccessMode.SAS_TOKEN, secret);
  }

  /**
   * From a mode held in data (a landing-zone config); the pipeline checks that a SAS mode has a
   * secret and a managed-identity mode has none.
   */
  public static fromMode(mode: StorageAccessMode, secret?: ISasTokenSecret): StorageAccess {
    return new StorageAccess(mode, secret);
  }

  private constructor(
    /** The access mode. */
    public readonly mode: StorageAccessMode,
    /** The SAS token secret, in SAS token mode. */
    public readonly secret?: ISasTokenSecret,
  ) {}
}
