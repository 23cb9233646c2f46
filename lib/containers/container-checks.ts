import { Token } from "../core/cdk";
import { reasonRule } from "../arm/reasons";
import { inform } from "../private/annotations";
import { blobDataAccess, blobRoleViolation } from "../arm/blob-roles";
import { Construct } from "constructs";
import { BlobAccessGrantOptions } from "../grants/container-access";
import { GrantPrincipal, expectPrincipal } from "../grants/principal";
import { check, expectProvider, expectShape } from "../validation/check";
import { Finding } from "../validation/finding";
import { IStorageAccountRef } from "../references/storage-account";

// Checks of a container's inputs, for TransferContainer and the containers given by URL or ID.

/** A storage account given to a container: an object with its ARM ID, when given or required. */
export function checkAccount(
  container: Construct,
  account: IStorageAccountRef | undefined,
  required: boolean,
): void {
  const fix =
    "pass StorageAccountRef.fromStorageAccountId(...) or StorageAccountRef.fromStorageAccount(...)";
  expectShape(container, "storageAccount", account, "object", required, fix);
  if (account) {
    expectShape(
      container,
      "storageAccount.storageAccountId",
      account.storageAccountId,
      "string",
      true,
      fix,
    );
  }
}

/** A grant method's arguments, checked for callers the types do not reach. */
export function checkGrantArgs(
  container: Construct,
  principal: GrantPrincipal,
  options: BlobAccessGrantOptions,
): void {
  expectPrincipal(container, principal);
  const fix = 'pass { roleName: "Storage Blob Data Reader" } or another Storage Blob Data role';
  expectShape(container, "options", options, "object", true, fix);
  expectShape(container, "options.roleName", options.roleName, "string", true, fix);
  const reason = options.customRoleReason;
  expectShape(container, "options.customRoleReason", reason, "string", false);
  check(
    container,
    "options.customRoleReason",
    reason,
    reasonRule(
      "a custom role, which may grant more than blob data,",
      "say why this role is right: which actions it has and why a built-in role does not fit",
    ),
  );
  expectShape(container, "options.denyDelete", options.denyDelete, "boolean", false);
  expectProvider(container, "options.azurermProvider", options.azurermProvider);
  check(container, "options.roleName", options.roleName, (roleName) =>
    blobRoleViolation(roleName, reason, "options.customRoleReason"),
  );
  if (
    reason?.trim() &&
    !blobDataAccess(options.roleName) &&
    !Token.isUnresolved(options.roleName)
  ) {
    inform(container, `custom role "${options.roleName}": ${reason.trim()}`);
  }
}

/**
 * A container URL names its storage account; the account given beside it must be that one, or
 * the body would point at one account while the role lands on another.
 */
export function accountMismatch(
  url: string,
  urlAccount: string,
  account: IStorageAccountRef,
): Finding | undefined {
  const name = account.accountName;
  if (Token.isUnresolved(name) || name.toLowerCase() === urlAccount.toLowerCase()) return undefined;
  return {
    subject: "url",
    value: url,
    violation: {
      problem: `is in the storage account "${urlAccount}", but storageAccount is "${name}"`,
      rule: "a container's URL and its storageAccount name the same account",
      fix: `pass the account "${urlAccount}" as storageAccount, or the URL of a container in "${name}"`,
    },
  };
}
