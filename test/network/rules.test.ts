// The pure network rules and NetworkPosture, one case per outcome, each showing its message.
import { describe, expect, it } from "vitest";
import { NetworkDefaultAction, NetworkPosture } from "../../lib";
import { storageNetworkFinding, vaultNetworkFinding } from "../../lib/network/rules";

const CONTAINER = "https://sa.blob.core.windows.net/transfer";
const SECRET = "https://kv.vault.azure.net/secrets/acrexportsas";

describe("NetworkPosture", () => {
  it("defaults to Azure's: public endpoint open, trusted services bypass", () => {
    const open = NetworkPosture.open();
    expect(open).toMatchObject({
      publicNetworkAccessEnabled: true,
      defaultAction: NetworkDefaultAction.ALLOW,
      trustedServicesBypass: true,
      source: "declared",
    });
    expect(NetworkPosture.of({})).toEqual(open);
    expect(open.restrictsPublicEndpoint).toBe(false);
    expect(open.describe()).toBe("public endpoint admits all networks (as declared)");
  });

  it("restricts the public endpoint when public access is disabled or the default is Deny", () => {
    expect(NetworkPosture.of({ publicNetworkAccessEnabled: false }).restrictsPublicEndpoint).toBe(
      true,
    );
    const deny = NetworkPosture.of({
      defaultAction: NetworkDefaultAction.DENY,
      trustedServicesBypass: false,
    });
    expect(deny.restrictsPublicEndpoint).toBe(true);
    expect(deny.describe()).toBe(
      'network rules deny by default (default_action = "Deny"), and trusted services do not bypass them (bypass without "AzureServices") (as declared)',
    );
  });

  it("leaves the answer open while a deciding setting is unknown", () => {
    expect(
      NetworkPosture._read("x", undefined, NetworkDefaultAction.ALLOW, true)
        .restrictsPublicEndpoint,
    ).toBeUndefined();
    expect(
      NetworkPosture._read("x", true, undefined, true).restrictsPublicEndpoint,
    ).toBeUndefined();
    expect(NetworkPosture._read("x", false, undefined, undefined).restrictsPublicEndpoint).toBe(
      true,
    );
  });
});

describe("storageNetworkFinding", () => {
  const facts = (posture: NetworkPosture) => ({
    accountName: "sa",
    containerUrl: CONTAINER,
    posture,
  });

  it("blames the container of a restricted account, with the trusted-service rule and the fix", () => {
    expect(
      storageNetworkFinding(facts(NetworkPosture.of({ defaultAction: NetworkDefaultAction.DENY }))),
    ).toEqual({
      subject: "container",
      value: CONTAINER,
      violation: {
        problem:
          'is in storage account "sa", whose network rules deny by default (default_action = "Deny") (as declared)',
        rule: "ACR is not a trusted service for Azure Storage (https://github.com/Azure/acr/issues/857): export and import runs reach the account's public endpoint from ACR's own network, so they fail with 403 (https://github.com/Azure/azure-cli-extensions/issues/8706); bypass = [\"AzureServices\"], resource instance rules and private endpoints do not admit them",
        fix: "keep transfer blobs in a storage account whose public network access is enabled with default_action = \"Allow\" (holding nothing but transfer blobs, reached only with the pipeline's SAS token or container-scoped role), or, if a network path you verified with a pipeline run admits ACR Transfer, pass acknowledgeNetworkRestriction: { reason } to the storage account's reference (see docs/networking.md)",
      },
    });
  });

  it("passes an open account, an unknown one and an acknowledged restriction", () => {
    expect(storageNetworkFinding(facts(NetworkPosture.open()))).toBeUndefined();
    expect(
      storageNetworkFinding(facts(NetworkPosture._read("x", undefined, undefined, undefined))),
    ).toBeUndefined();
    const acknowledged = NetworkPosture.of({ publicNetworkAccessEnabled: false })._acknowledged({
      reason: "verified",
    });
    expect(storageNetworkFinding(facts(acknowledged))).toBeUndefined();
  });
});

describe("vaultNetworkFinding", () => {
  const facts = (posture: NetworkPosture) => ({ vaultName: "kv", secretUri: SECRET, posture });

  it("blames the storage access of a vault whose firewall lets no trusted service through", () => {
    const finding = vaultNetworkFinding(
      facts(NetworkPosture.of({ publicNetworkAccessEnabled: false, trustedServicesBypass: false })),
    );
    expect(finding?.subject).toBe("storageAccess");
    expect(finding?.value).toBe(SECRET);
    expect(finding?.violation.problem).toBe(
      'reads its SAS token from vault "kv", whose public network access is disabled (public_network_access_enabled = false), and trusted services do not bypass them (bypass without "AzureServices") (as declared)',
    );
    expect(finding?.violation.fix).toMatch(/^set network_acls\.bypass = "AzureServices"/);
  });

  it("passes a firewall with the AzureServices bypass, an open vault and an unknown bypass", () => {
    for (const posture of [
      NetworkPosture.of({ defaultAction: NetworkDefaultAction.DENY }),
      NetworkPosture.of({ trustedServicesBypass: false }),
      NetworkPosture._read("x", true, NetworkDefaultAction.DENY, undefined),
    ]) {
      expect(vaultNetworkFinding(facts(posture))).toBeUndefined();
    }
  });
});
