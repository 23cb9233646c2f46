import { createHash } from "node:crypto";
import { StorageManagementPolicy } from "../core/azurerm";
import { TerraformProvider, TerraformStack } from "../core/cdk";
import { inform } from "../private/annotations";
import { Construct } from "constructs";
import { keyOf } from "../private/keys";
import { Ledger } from "../private/ledger";
import { resolveIn } from "../private/resolve";
import { fail } from "../validation/check";
import { Violation } from "../arm/violation";
import { IStorageAccountRef } from "../references/storage-account";

// Blob retention: the storage account's lifecycle management policy deletes a container's blobs
// some days after they were last written. An account has one management policy, so the library
// declares one per account in the app, with one rule per container.

/** Most days a lifecycle rule counts (the service's limit). */
const MAX_RETENTION_DAYS = 99999;

/** Construct ID start of the policy of one account, under the stack's root. */
const POLICY_ID = "AcrTransferBlobRetention";

/** What one container asks of its account's policy. */
export interface RetentionRule {
  /** Rule name: "acrtransfer" and the container name's letters and digits. */
  readonly name: string;
  /** The container. */
  readonly containerName: string;
  /** Days after the last modification at which blobs are deleted. */
  readonly days: number;
}

/** blobRetentionDays is a whole number of days, 1-99999. */
export function checkRetentionDays(days: number): Violation | undefined {
  if (Number.isInteger(days) && days >= 1 && days <= MAX_RETENTION_DAYS) return undefined;
  return {
    problem: "is not a whole number of days from 1 to 99999",
    rule: "a lifecycle rule deletes blobs a whole number of days (1-99999) after their last modification",
    fix: "pass a whole number such as 30, or leave it unset to keep blobs",
  };
}

/** The rule of a container, named after it. */
export function retentionRule(containerName: string, days: number): RetentionRule {
  return { name: `acrtransfer${containerName.replace(/-/g, "")}`, containerName, days };
}

/**
 * The rule as the management policy's ARM JSON takes it (`az storage account management-policy
 * create --policy`, or the portal's code view): for a policy managed elsewhere.
 */
export function armRetentionRule(rule: RetentionRule): Record<string, unknown> {
  return {
    enabled: true,
    name: rule.name,
    type: "Lifecycle",
    definition: {
      actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: rule.days } } },
      filters: { blobTypes: ["blockBlob"], prefixMatch: [`${rule.containerName}/`] },
    },
  };
}

/**
 * Declares the rule of `container` in its account's management policy: one
 * `azurerm_storage_management_policy` per account in the app, in the stack of the first
 * container that asks, at an ID derived from the account; each container adds its rule. With
 * `managedElsewhere`, no policy is declared, and an info note on the container gives the rule to
 * add to the account's own policy.
 */
export function retainBlobs(
  container: Construct,
  account: IStorageAccountRef,
  rule: RetentionRule,
  managedElsewhere: boolean,
  provider?: TerraformProvider,
): void {
  const accountKey = keyOf(container, undefined, account.storageAccountId);
  if (managedElsewhere) {
    inform(
      container,
      `the lifecycle management policy of storage account ${String(resolveIn(container, account.storageAccountId))} ` +
        `is managed elsewhere (an account has one policy): add this rule to it, so that the ` +
        `container's blobs are deleted ${rule.days} days after their last modification: ` +
        JSON.stringify(armRetentionRule(rule)),
    );
    return;
  }
  const policy = Ledger.of(container).lifecyclePolicy(accountKey, () => {
    const stack = TerraformStack.of(container);
    const id = `${POLICY_ID}${createHash("sha256").update(accountKey).digest("hex").slice(0, 12)}`;
    const resource = new StorageManagementPolicy(stack, id, {
      storageAccountId: account.storageAccountId,
      provider,
    });
    return { resource, rules: [] };
  });
  const same = policy.rules.find((r) => r.name === rule.name);
  if (same) {
    fail(container, "containerName", rule.containerName, {
      problem: `makes the lifecycle rule "${rule.name}", as container "${same.containerName}" of the same account does`,
      rule: "rule names are unique in an account's management policy: acrtransfer and the container name without hyphens",
      fix: "give one of the containers a name that differs in more than its hyphens",
    });
  }
  policy.rules.push(rule);
  (policy.resource as StorageManagementPolicy).putRule(
    [...policy.rules]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((r) => ({
        name: r.name,
        enabled: true,
        filters: { blobTypes: ["blockBlob"], prefixMatch: [`${r.containerName}/`] },
        actions: { baseBlob: { deleteAfterDaysSinceModificationGreaterThan: r.days } },
      })),
  );
}
