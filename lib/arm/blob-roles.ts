import { nearMiss } from "./near-miss";
import { Violation } from "./violation";

// What Azure's built-in roles allow on blob data, for the pipelines' storageRoleName and for
// grantBlobAccess alike. Pure.

/** What a built-in role allows on blob data. */
export interface BlobDataAccess {
  /** Reads and lists blobs. */
  readonly read: boolean;
  /** Writes and deletes blobs. */
  readonly write: boolean;
}

/** The built-in roles that act on blob data, as Azure spells them. */
export const BLOB_DATA_ROLES: readonly string[] = [
  "Storage Blob Data Reader",
  "Storage Blob Data Contributor",
  "Storage Blob Data Owner",
];

/**
 * Built-in roles by lower-case name (Azure matches role names without case). Control-plane and
 * delegation roles carry no blob data actions at all: an identity holding only them reads nothing.
 */
const BUILT_IN_ROLES: Readonly<Record<string, BlobDataAccess>> = {
  "storage blob data owner": { read: true, write: true },
  "storage blob data contributor": { read: true, write: true },
  "storage blob data reader": { read: true, write: false },
  "storage blob delegator": { read: false, write: false },
  "storage account contributor": { read: false, write: false },
  reader: { read: false, write: false },
  contributor: { read: false, write: false },
  owner: { read: false, write: false },
};

/** What a built-in role allows on blob data; undefined for a role the library does not know. */
export function blobDataAccess(roleName: string): BlobDataAccess | undefined {
  return BUILT_IN_ROLES[roleName.trim().toLowerCase()];
}

/** Why a known role without blob data actions is refused, in words. */
function noBlobDataReason(roleName: string): string {
  const lower = roleName.trim().toLowerCase();
  if (lower === "owner" || lower === "contributor" || lower === "storage account contributor") {
    return "grants no access to blob data (it has no data actions) and far more than needed on everything else in its scope";
  }
  return "grants no access to blob data (it has no data actions)";
}

/**
 * A role given to `grantBlobAccess` or as a pipeline's `storageRoleName`: a built-in role with
 * blob data actions, or a custom role with a reason. A known role without blob data actions
 * ("Owner", "Reader") is refused with why; an unknown one without a reason (a typo, or a custom
 * role nobody explained) is refused with the nearest built-in role. `grantee` names who gets
 * the role, for the rule's wording.
 */
export function blobRoleViolation(
  roleName: string,
  customRoleReason: string | undefined,
  reasonProp: string,
  grantee = "the principal",
): Violation | undefined {
  const access = blobDataAccess(roleName);
  const rule = `${grantee} gets a Storage Blob Data role on its one container; another role may grant more, or nothing`;
  if (access && !access.read) {
    return {
      problem: noBlobDataReason(roleName),
      rule,
      fix: `use "Storage Blob Data Reader" to read, "Storage Blob Data Contributor" to read and write`,
    };
  }
  if (access || customRoleReason?.trim()) return undefined;
  const near = nearMiss(roleName, BLOB_DATA_ROLES);
  return {
    problem: "is not a Storage Blob Data role the library knows",
    rule,
    fix:
      (near ? `did you mean "${near}"? ` : "") +
      `use "Storage Blob Data Contributor" or "Storage Blob Data Reader", or say why this custom role is right with ${reasonProp}`,
  };
}
