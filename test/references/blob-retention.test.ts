import { AnnotationMetadataEntryType, App, TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { DeployerRights, DeployerTask, StorageAccountRef, TransferContainer } from "../../lib";
import * as ids from "../support/ids";

// Blob retention: one lifecycle management policy per storage account in the app, one rule per
// container; an account whose policy is managed elsewhere gets the rule to add, as a note.

const OTHER_ACCOUNT_ID = ids.ACCOUNT_ID.replace("accountname", "otheraccount");

function newStack(app: App = Testing.app(), id = "retention"): TerraformStack {
  return new TerraformStack(app, id);
}

function policies(stack: TerraformStack): Record<string, any> {
  return JSON.parse(Testing.synth(stack)).resource?.azurerm_storage_management_policy ?? {};
}

function infos(stack: TerraformStack): string[] {
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === AnnotationMetadataEntryType.INFO)
    .map((m) => String(m.data))
    .filter((m) => m.includes("lifecycle"));
}

describe("blobRetentionDays", () => {
  it("declares one policy per account with one rule per container, sorted by name", () => {
    const stack = newStack();
    const account = StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID);
    const other = StorageAccountRef.fromStorageAccountId(stack, "Other", OTHER_ACCOUNT_ID);
    new TransferContainer(stack, "Export", {
      storageAccount: account,
      containerName: "export-blobs",
      blobRetentionDays: 30,
    });
    new TransferContainer(stack, "Import", {
      storageAccount: account,
      containerName: "import",
      blobRetentionDays: 7,
    });
    new TransferContainer(stack, "Kept", { storageAccount: account, containerName: "kept" });
    new TransferContainer(stack, "Elsewhere", {
      storageAccount: other,
      containerName: "transfer",
      blobRetentionDays: 14,
    });
    const declared = Object.values(policies(stack));
    expect(declared).toHaveLength(2);
    const [first] = declared.filter((p) => p.storage_account_id === ids.ACCOUNT_ID);
    expect(first.rule).toEqual([
      {
        name: "acrtransferexportblobs",
        enabled: true,
        filters: { blob_types: ["blockBlob"], prefix_match: ["export-blobs/"] },
        actions: { base_blob: { delete_after_days_since_modification_greater_than: 30 } },
      },
      {
        name: "acrtransferimport",
        enabled: true,
        filters: { blob_types: ["blockBlob"], prefix_match: ["import/"] },
        actions: { base_blob: { delete_after_days_since_modification_greater_than: 7 } },
      },
    ]);
  });

  it("keeps one policy for an account shared by containers in two stacks, at an address from the account", () => {
    const app = Testing.app();
    const a = newStack(app, "a");
    const b = newStack(app, "b");
    for (const [stack, name] of [
      [a, "first"],
      [b, "second"],
    ] as const) {
      new TransferContainer(stack, "Container", {
        storageAccount: StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID),
        containerName: name,
        blobRetentionDays: 10,
      });
    }
    const inA = policies(a);
    expect(Object.keys(inA)).toEqual([
      expect.stringMatching(/^AcrTransferBlobRetention[0-9a-f]{12}$/),
    ]);
    expect(Object.values<any>(inA)[0].rule.map((r: any) => r.name)).toEqual([
      "acrtransferfirst",
      "acrtransfersecond",
    ]);
    expect(policies(b)).toEqual({});
  });

  it("declares nothing without blobRetentionDays", () => {
    const stack = newStack();
    new TransferContainer(stack, "Container", {
      storageAccount: StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID),
      containerName: "transfer",
    });
    expect(policies(stack)).toEqual({});
  });

  it("gives the exact rule to add when the account's policy is managed elsewhere", () => {
    const stack = newStack();
    new TransferContainer(stack, "Container", {
      storageAccount: StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID),
      containerName: "transfer",
      blobRetentionDays: 30,
      lifecyclePolicyManagedElsewhere: true,
    });
    expect(policies(stack)).toEqual({});
    expect(infos(stack)).toEqual([
      `the lifecycle management policy of storage account ${ids.ACCOUNT_ID} is managed ` +
        "elsewhere (an account has one policy): add this rule to it, so that the container's " +
        "blobs are deleted 30 days after their last modification: " +
        '{"enabled":true,"name":"acrtransfertransfer","type":"Lifecycle","definition":{"actions":' +
        '{"baseBlob":{"delete":{"daysAfterModificationGreaterThan":30}}},"filters":{"blobTypes":' +
        '["blockBlob"],"prefixMatch":["transfer/"]}}}',
    ]);
  });

  it.each([0, 1.5, 100000, -3])("refuses %s days", (days) => {
    const stack = newStack();
    expect(
      () =>
        new TransferContainer(stack, "Container", {
          storageAccount: StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID),
          containerName: "transfer",
          blobRetentionDays: days,
        }),
    ).toThrow(
      `retention/Container: blobRetentionDays ${days} is not a whole number of days from 1 to ` +
        "99999. rule: a lifecycle rule deletes blobs a whole number of days (1-99999) after " +
        "their last modification. fix: pass a whole number such as 30, or leave it unset to keep blobs.",
    );
  });

  it("refuses two containers whose rule names meet", () => {
    const stack = newStack();
    const account = StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID);
    new TransferContainer(stack, "A", {
      storageAccount: account,
      containerName: "abc-d",
      blobRetentionDays: 3,
    });
    expect(
      () =>
        new TransferContainer(stack, "B", {
          storageAccount: account,
          containerName: "abcd",
          blobRetentionDays: 3,
        }),
    ).toThrow(
      'retention/B: containerName "abcd" makes the lifecycle rule "acrtransferabcd", as container ' +
        '"abc-d" of the same account does. rule: rule names are unique in an account\'s management ' +
        "policy: acrtransfer and the container name without hyphens. fix: give one of the " +
        "containers a name that differs in more than its hyphens.",
    );
  });

  it("tells the deployer to write the account's management policy", () => {
    const stack = newStack();
    new TransferContainer(stack, "Container", {
      storageAccount: StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID),
      containerName: "transfer",
      blobRetentionDays: 30,
    });
    const right = DeployerRights.of(stack).find((r) => r.task === DeployerTask.LIFECYCLE_POLICY);
    expect(right).toMatchObject({
      permissions: [
        "Microsoft.Storage/storageAccounts/managementPolicies/read",
        "Microsoft.Storage/storageAccounts/managementPolicies/write",
        "Microsoft.Storage/storageAccounts/managementPolicies/delete",
      ],
      scope: ids.ACCOUNT_ID,
    });
  });
});
