import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { SasToken, SasTokenSecret, StorageAccountRef, TransferContainer } from "../../lib";
import { ACCOUNT_ID } from "../support/ids";
import { testVault } from "../support/refs";

/** UTC timestamp `days` from now, at second precision. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The warnings of a generated export token valid from `start` to `expiry`. */
function warningsFor(start: string, expiry: string, allowLongLifetime = false): string[] {
  const stack = new TerraformStack(Testing.app(), "sas");
  const container = new TransferContainer(stack, "Blobs", {
    storageAccount: StorageAccountRef.fromStorageAccountId(stack, "Account", ACCOUNT_ID),
    containerName: "transfer",
  });
  const secret = new SasTokenSecret(stack, "Secret", {
    keyVault: testVault(stack),
    secretName: "export-sas",
    token: SasToken.generateForExport({ container, start, expiry, allowLongLifetime }),
  });
  Testing.synth(stack);
  return secret.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
}

describe("generated SAS token lifetimes", () => {
  it("warns, without failing synth, when the token has expired (destroy must still work)", () => {
    const expired = daysFromNow(-2);
    expect(warningsFor(daysFromNow(-30), expired)).toContain(
      `[AcrTransfer-SasExpired] the SAS token expired on ${expired}; runs fail until the expiry is moved into the future and the stack re-applied (which writes a new token). ` +
        'To accept it here: TransferSuppressions.add(construct, "AcrTransfer-SasExpired", "<reason>")',
    );
  });

  it("warns above 90 days, says nothing about the lifetime at 90 or under", () => {
    const long = warningsFor("2030-01-01T00:00:00Z", "2030-07-20T00:00:00Z");
    expect(long).toContainEqual(
      expect.stringMatching(
        /^\[AcrTransfer-SasLongLifetime\] the SAS token is valid for 200 days;/,
      ),
    );
    const short = warningsFor("2030-01-01T00:00:00Z", "2030-03-02T00:00:00Z");
    expect(short.some((w) => w.includes("valid for"))).toBe(false);
  });

  it("refuses more than a year unless allowed, and then stays quiet about it", () => {
    expect(() => warningsFor("2030-01-01T00:00:00Z", "2031-02-05T00:00:00Z")).toThrow(
      /makes the token valid for 400 days .* a generated SAS token is valid for at most 365 days/,
    );
    const allowed = warningsFor("2030-01-01T00:00:00Z", "2031-02-05T00:00:00Z", true);
    expect(allowed.some((w) => w.includes("valid for"))).toBe(false);
  });
});
