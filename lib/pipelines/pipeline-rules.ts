import { STORAGE_ACCESS_MODE_API_VERSION, supportsStorageAccessMode } from "../arm/api-versions";
import { AzureCloud, cloudOfLocation } from "../arm/clouds";
import { TransferSide } from "../arm/options";
import { StorageAccessMode } from "../arm/storage-access-mode";
import { Finding } from "../validation/finding";
import { Violation } from "../validation/violation";

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
    return blame({
      problem: "is not a storage access mode",
      rule: "StorageAccessMode.MANAGED_IDENTITY or StorageAccessMode.SAS_TOKEN",
      fix: "use StorageAccess.managedIdentity() or StorageAccess.sasToken(secret)",
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

/** Where a pipeline's container and secret are, beside its (literal) location. */
export interface CloudFacts {
  /** The pipeline's location, a literal. */
  readonly location: string;
  /** The container's cloud and URL. */
  readonly containerCloud: AzureCloud;
  /** The container URL, shown as the value. */
  readonly containerUrl: string;
  /**
   * The secret's cloud, when known.
   * @default unknown: not checked
   */
  readonly secretCloud?: AzureCloud;
  /**
   * The secret URI, shown as the value.
   * @default none
   */
  readonly secretUri?: string;
}

/** A pipeline, its container and its secret are in one cloud. */
export function cloudFinding(facts: CloudFacts): Finding | undefined {
  const cloud = cloudOfLocation(facts.location);
  const mismatch = (subject: string, other: AzureCloud, value: unknown): Finding => ({
    subject,
    value,
    violation: {
      problem: `is in the ${other} cloud, but the pipeline's location "${facts.location}" is in ${cloud}`,
      rule: "a pipeline, its container and its secret are in one cloud; blobs cross clouds by copy",
      fix: "use a container and vault in the registry's cloud, and copy the blob between clouds (azcopy)",
    },
  });
  if (facts.containerCloud !== cloud) {
    return mismatch("container", facts.containerCloud, facts.containerUrl);
  }
  if (facts.secretCloud && facts.secretCloud !== cloud) {
    return mismatch("storageAccess", facts.secretCloud, facts.secretUri);
  }
  return undefined;
}

/** An export pipeline needs a registry whose export policy is not disabled. */
export function exportPolicyFinding(
  exportPolicyEnabled: boolean | undefined,
  registryKey: string,
): Finding | undefined {
  if (exportPolicyEnabled !== false) return undefined;
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
