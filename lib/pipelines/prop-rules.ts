import { STORAGE_ACCESS_MODE_API_VERSION, supportsStorageAccessMode } from "../arm/api-versions";
import { ImportOption, TransferSide } from "../arm/options";
import { changesBlobs } from "../arm/roles";
import { StorageAccessMode } from "../arm/storage-access-mode";
import { blobDataAccess, blobRoleViolation } from "../arm/blob-roles";
import { Finding } from "../validation/finding";
import { Violation } from "../arm/violation";

// Pure rules across a pipeline's props: each takes plain values and returns what is wrong as a
// Finding (the prop it blames, the value to show, the violation); the pipeline throws it.

/** A pipeline's storage access as the rules see it. */
export interface StorageAccessFacts {
  /** The mode. */
  readonly mode: StorageAccessMode;
  /** Whether a secret comes with it. */
  readonly hasSecret: boolean;
  /** The api-version the pipeline uses. */
  readonly apiVersion: string;
}

/** Managed identity needs 2025-06-01-preview and no secret; SAS token mode needs a secret. */
export function storageAccessFinding(facts: StorageAccessFacts): Finding | undefined {
  const { mode, apiVersion } = facts;
  const blame = (violation: Violation): Finding => ({
    subject: "storageAccess",
    value: mode,
    violation,
  });
  if (mode === StorageAccessMode.MANAGED_IDENTITY) {
    if (!supportsStorageAccessMode(apiVersion)) {
      return blame({
        problem: `needs api-version ${STORAGE_ACCESS_MODE_API_VERSION} or later, but the pipeline uses ${apiVersion}`,
        rule: `storageAccessMode exists from ${STORAGE_ACCESS_MODE_API_VERSION} on; before it, SAS token mode is the only one`,
        fix: `raise apiVersion to ${STORAGE_ACCESS_MODE_API_VERSION} or later, or use StorageAccess.sasToken(secret)`,
      });
    }
    if (facts.hasSecret) {
      return blame({
        problem: "comes with a SAS token secret",
        rule: "managed-identity mode uses no Key Vault secret",
        fix: "drop the secret, or use StorageAccess.sasToken(secret)",
      });
    }
    return undefined;
  }
  if (mode !== StorageAccessMode.SAS_TOKEN) {
    const cased = Object.values(StorageAccessMode).find(
      (m) => m.toLowerCase() === String(mode).toLowerCase(),
    );
    return blame({
      problem: cased ? `differs from "${cased}" only in case` : "is not a storage access mode",
      rule: "StorageAccessMode.MANAGED_IDENTITY or StorageAccessMode.SAS_TOKEN",
      fix: cased
        ? `write "${cased}" (the case matters)`
        : "use StorageAccess.managedIdentity() or StorageAccess.sasToken(secret)",
    });
  }
  if (!facts.hasSecret) {
    return blame({
      problem: "has no secret",
      rule: "SAS token mode reads the token from a Key Vault secret (keyVaultUri)",
      fix: "use StorageAccess.sasToken(secret) with a SasTokenSecret",
    });
  }
  return undefined;
}

/** A generated token as the rules see it, beside the pipeline it is used by. */
export interface GeneratedTokenFacts {
  /** The secret's key, shown as the value. */
  readonly secretKey: string;
  /** The side the token was generated for. */
  readonly tokenSide: TransferSide;
  /** The key of the container it was generated for. */
  readonly tokenContainerKey: string;
  /** Whether it allows delete. */
  readonly tokenAllowsDelete: boolean;
  /** The pipeline's side. */
  readonly side: TransferSide;
  /** The key of the pipeline's container. */
  readonly containerKey: string;
  /** Whether the pipeline deletes source blobs (DeleteSourceBlobOnSuccess). */
  readonly needsDelete: boolean;
}

/** A generated token fits the side, the container and the delete option of its pipeline. */
export function generatedTokenFinding(facts: GeneratedTokenFacts): Finding | undefined {
  const blame = (violation: Violation): Finding => ({
    subject: "storageAccess",
    value: facts.secretKey,
    violation,
  });
  if (facts.tokenSide !== facts.side) {
    return blame({
      problem: `holds a token generated for ${facts.tokenSide}, but this is an ${facts.side} pipeline`,
      rule: "export tokens allow read, add, write and list; import tokens read and list (and delete)",
      fix: `generate the token with SasToken.generateFor${facts.side === TransferSide.EXPORT ? "Export" : "Import"}`,
    });
  }
  if (facts.tokenContainerKey !== facts.containerKey) {
    return blame({
      problem: `holds a token generated for the container ${facts.tokenContainerKey}, not this pipeline's`,
      rule: "a generated SAS token is valid for the one container it was generated for",
      fix: "generate the token for the container the pipeline uses",
    });
  }
  if (facts.needsDelete && !facts.tokenAllowsDelete) {
    return blame({
      problem: "holds a token without delete permission, but DeleteSourceBlobOnSuccess is set",
      rule: "DeleteSourceBlobOnSuccess needs delete permission on the source container",
      fix: "pass allowDelete: true to SasToken.generateForImport, or drop the option",
    });
  }
  return undefined;
}

/** An export pipeline needs a registry whose export policy is not disabled. */
export function exportPolicyFinding(
  side: TransferSide,
  exportPolicyEnabled: boolean | undefined,
  registryKey: string,
): Finding | undefined {
  if (side !== TransferSide.EXPORT || exportPolicyEnabled !== false) return undefined;
  return {
    subject: "registry",
    value: registryKey,
    violation: {
      problem: "disables export (export_policy_enabled = false)",
      rule: "Azure refuses export pipelines on registries whose export policy is disabled",
      fix: "set export_policy_enabled = true on the registry, or export from another registry",
    },
  };
}

/**
 * The warning an import pipeline gets when its source trigger may replace tags: anyone who can
 * write to its container can then replace the registry's tags.
 */
export function overwriteTagsWarning(
  side: TransferSide,
  sourceTriggerEnabled: boolean,
  options: readonly string[],
): string | undefined {
  if (side !== TransferSide.IMPORT || !sourceTriggerEnabled) return undefined;
  if (!options.includes(ImportOption.OVERWRITE_TAGS)) return undefined;
  return (
    "the source trigger imports every blob that lands in the container, and OverwriteTags lets " +
    "it replace existing tags: anyone who can write to the container can replace this " +
    "registry's tags. Treat the container as the trust boundary (only the copy step may " +
    "write to it), or set sourceTriggerEnabled: false and import with runs pinned to the " +
    "export run's catalogDigest"
  );
}

/** A pipeline that deletes source blobs cannot have blob delete taken out of its role. */
export function blobDeleteFinding(
  denyBlobDelete: boolean | undefined,
  needsDelete: boolean,
): Finding | undefined {
  if (denyBlobDelete !== true || !needsDelete) return undefined;
  return {
    subject: "denyBlobDelete",
    value: denyBlobDelete,
    violation: {
      problem: "takes blob delete away, but DeleteSourceBlobOnSuccess deletes the source blob",
      rule: "an import pipeline with DeleteSourceBlobOnSuccess needs delete on its container",
      fix: "leave denyBlobDelete unset, or drop DeleteSourceBlobOnSuccess",
    },
  };
}

/** A storage role the user chose, beside what the pipeline's side does with blobs. */
export interface StorageRoleFacts {
  /** The role name given as storageRoleName. */
  readonly roleName: string;
  /** The pipeline's side. */
  readonly side: TransferSide;
  /** Whether the pipeline deletes source blobs (DeleteSourceBlobOnSuccess). */
  readonly needsDelete: boolean;
  /**
   * Why a role the rule does not know (a custom role) is the right one.
   * @default none: an unknown role is refused
   */
  readonly customRoleReason?: string;
}

/**
 * In managed-identity mode the pipeline's identity reaches blobs only through its role: a
 * built-in role that cannot write (export) or delete (import with DeleteSourceBlobOnSuccess), or
 * reads no blob data at all, fails every run. A role the rule does not know (a custom role, or a
 * typo) is refused unless a reason says why it is right: it may grant much more than blob data.
 */
export function storageRoleFinding(facts: StorageRoleFacts): Finding | undefined {
  const access = blobDataAccess(facts.roleName);
  if (!access) {
    const violation = blobRoleViolation(
      facts.roleName,
      facts.customRoleReason,
      "customStorageRoleReason",
      "the pipeline's identity",
    );
    return violation && { subject: "storageRoleName", value: facts.roleName, violation };
  }
  const needsWrite = changesBlobs(facts.side, facts.needsDelete);
  if (access.read && (access.write || !needsWrite)) return undefined;
  const job =
    facts.side === TransferSide.EXPORT
      ? "an export pipeline writes blobs"
      : facts.needsDelete
        ? "an import pipeline with DeleteSourceBlobOnSuccess reads and deletes blobs"
        : "an import pipeline reads blobs";
  return {
    subject: "storageRoleName",
    value: facts.roleName,
    violation: {
      problem: access.read ? "only reads blob data" : "grants no access to blob data",
      rule: `in managed-identity mode the pipeline's identity reaches the container only through this role, and ${job}`,
      fix: `use "Storage Blob Data Contributor"${needsWrite ? "" : ' or "Storage Blob Data Reader"'}, or leave storageRoleName unset for the default`,
    },
  };
}

/** What decides whether `customExportRole` applies. */
export interface CustomExportRoleFacts {
  /** The pipeline's side. */
  readonly side: TransferSide;
  /** Whether the pipeline reads a SAS token secret (no role is granted then). */
  readonly sasToken: boolean;
  /** The role name given as storageRoleName, if any. */
  readonly storageRoleName?: string;
  /** denyBlobDelete as given. */
  readonly denyBlobDelete?: boolean;
}

/**
 * The custom export role replaces the export pipeline's storage role: it has nothing to do on
 * an import pipeline or in SAS token mode, and it cannot be combined with another role or with
 * the condition of the built-in one.
 */
export function customExportRoleFinding(facts: CustomExportRoleFacts): Finding | undefined {
  const violation = (problem: string, fix: string) => ({
    subject: "customExportRole",
    value: true,
    violation: {
      problem,
      rule: "customExportRole replaces the storage role of an export pipeline in managed-identity mode",
      fix,
    },
  });
  if (facts.side !== TransferSide.EXPORT) {
    return violation("is set on an import pipeline", "drop customExportRole");
  }
  if (facts.sasToken) {
    return violation(
      "is set on a pipeline that reads a SAS token, so no role is granted",
      "drop customExportRole, or use StorageAccess.managedIdentity()",
    );
  }
  if (facts.storageRoleName !== undefined || facts.denyBlobDelete !== undefined) {
    return violation(
      "is set beside storageRoleName or denyBlobDelete",
      "keep customExportRole alone (its role has no delete), or drop it and keep the built-in role",
    );
  }
  return undefined;
}
