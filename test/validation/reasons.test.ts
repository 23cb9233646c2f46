import { describe, expect, it } from "vitest";
import {
  NetworkDefaultAction,
  NetworkPosture,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
  TransferSuppressions,
} from "../../lib";
import * as ids from "../support/ids";
import { exportPipeline, ownedContainer } from "../support/pipelines";
import { newStack } from "../support/new-stack";

/** Ten characters a reader cannot see, and nine visible ones. */
const ZERO_WIDTH = "\u200b".repeat(10);
const BLANKS = [
  "",
  " ".repeat(12),
  ZERO_WIDTH,
  "\u3164\u2800\u00a0\ufeff\u200d\u2060".repeat(3),
  "too short",
];

describe("reasons need at least 10 visible characters", () => {
  it.each(BLANKS.map((reason) => [JSON.stringify(reason), reason]))(
    "a suppression reason %s is refused",
    (_shown, reason) => {
      const stack = newStack("test", { providers: true });
      expect(() =>
        TransferSuppressions.add(exportPipeline(stack), "AcrTransfer-NoContinueOnErrors", reason),
      ).toThrow(
        "rule: every suppression, which the review report lists beside each finding it covers, carries a reason of at least 10 visible characters (white space and invisible characters do not count). fix: say why the rule does not apply here, and until when.",
      );
    },
  );

  it("shows how many characters of a zero-width reason are visible", () => {
    const stack = newStack("test", { providers: true });
    expect(() =>
      TransferSuppressions.add(exportPipeline(stack), "AcrTransfer-NoContinueOnErrors", ZERO_WIDTH),
    ).toThrow("has 0 visible characters (of 10), fewer than 10");
  });

  it("refuses a zero-width acknowledgement of a network restriction", () => {
    const stack = newStack("test", { providers: true });
    expect(() =>
      StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID, {
        networkPosture: NetworkPosture.of({
          defaultAction: NetworkDefaultAction.DENY,
          trustedServicesBypass: false,
        }),
        acknowledgeNetworkRestriction: { reason: ZERO_WIDTH },
      }),
    ).toThrow("acknowledgeNetworkRestriction.reason");
    expect(() =>
      StorageAccountRef.fromStorageAccountId(
        newStack("test", { providers: true }),
        "Account",
        ids.ACCOUNT_ID,
        {
          acknowledgeNetworkRestriction: { reason: ZERO_WIDTH },
        },
      ),
    ).toThrow(
      "rule: an acknowledged network restriction, whose reason is shown at every synth, carries a reason of at least 10 visible characters",
    );
  });

  it("refuses a zero-width reason for a custom storage role", () => {
    const stack = newStack("test", { providers: true });
    expect(() =>
      exportPipeline(stack, {
        container: ownedContainer(stack),
        storageAccess: StorageAccess.managedIdentity(),
        storageRoleName: "Transfer Blob Writer",
        customStorageRoleReason: ZERO_WIDTH,
      }),
    ).toThrow(
      'test/Export: customStorageRoleReason "<U+200B><U+200B><U+200B><U+200B><U+200B><U+200B><U+200B><U+200B><U+200B><U+200B>" has 0 visible characters (of 10), fewer than 10. rule: a custom storage role, which may grant more than blob data, carries a reason of at least 10 visible characters',
    );
  });

  it("accepts ten visible characters among invisible ones", () => {
    const stack = newStack("test", { providers: true });
    const container = new TransferContainer(stack, "Container", {
      storageAccount: StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID),
      containerName: "transfer",
    });
    expect(() =>
      exportPipeline(stack, {
        container,
        storageAccess: StorageAccess.managedIdentity(),
        storageRoleName: "Transfer Blob Writer",
        customStorageRoleReason: `${ZERO_WIDTH}writes only`,
      }),
    ).not.toThrow();
  });
});
