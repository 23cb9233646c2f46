// The vault side of the network check: a SAS-token pipeline whose vault firewall lets no
// trusted service through fails at synth; with the AzureServices bypass it passes.
import { DataAzurermKeyVault } from "@cdktf/provider-azurerm/lib/data-azurerm-key-vault";
import { KeyVault, KeyVaultConfig } from "@cdktf/provider-azurerm/lib/key-vault";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  ExportPipeline,
  IKeyVaultRef,
  KeyVaultAccessModel,
  KeyVaultRef,
  NetworkDefaultAction,
  NetworkPosture,
  SasToken,
  SasTokenSecret,
  StorageAccess,
  TransferContainer,
} from "../../lib";
import * as ids from "../support/ids";
import { testRegistry } from "../support/refs";
import { newStack } from "../support/new-stack";

const VAULT: KeyVaultConfig = {
  name: "transfer-kv",
  resourceGroupName: "transfer-rg",
  location: "eastus",
  skuName: "standard",
  tenantId: ids.SUBSCRIPTION,
};

/** A SAS-token export pipeline whose write-only secret lives in `vault`. */
function sasPipelineIn(stack: TerraformStack, vault: IKeyVaultRef): ExportPipeline {
  const token = new TerraformVariable(stack, "sas", { type: "string", sensitive: true });
  return new ExportPipeline(stack, "Export", {
    registry: testRegistry(stack),
    pipelineName: "exportnet",
    container: TransferContainer.fromUrl(stack, "Blobs", ids.CONTAINER_URL),
    storageAccess: StorageAccess.sasToken(
      new SasTokenSecret(stack, "Secret", {
        keyVault: vault,
        secretName: "acrexportsas",
        token: SasToken.fromVariable(token, 1),
      }),
    ),
  });
}

function declaredVault(stack: TerraformStack, config: Partial<KeyVaultConfig>): IKeyVaultRef {
  return KeyVaultRef.fromKeyVault(new KeyVault(stack, "Vault", { ...VAULT, ...config }));
}

const synth = (stack: TerraformStack) => () => Testing.synth(stack, true);

describe("network check: a vault the app declares", () => {
  it("fails a SAS pipeline when the firewall denies by default and bypass is None, naming vault and fix", () => {
    const stack = newStack("net", { providers: true });
    sasPipelineIn(
      stack,
      declaredVault(stack, { networkAcls: { defaultAction: "Deny", bypass: "None" } }),
    );
    expect(synth(stack)).toThrow(
      /net\/Export: storageAccess "\$\{azurerm_key_vault_secret\.Secret_.*\}" reads its SAS token from vault "transfer-kv", whose network rules deny by default \(default_action = "Deny"\), and trusted services do not bypass them \(bypass without "AzureServices"\) \(as read from net\/Vault\)\. rule: pipeline runs read the secret from ACR's own network; ACR is a trusted service for Key Vault \(https:\/\/github\.com\/MicrosoftDocs\/azure-docs\/issues\/56067\).*fix: set network_acls\.bypass = "AzureServices" on the vault \(default_action = "Deny" can stay\), or use StorageAccess\.managedIdentity\(\)/,
    );
  });

  it("passes a firewall that denies by default when trusted services bypass it", () => {
    const stack = newStack("net", { providers: true });
    sasPipelineIn(
      stack,
      declaredVault(stack, { networkAcls: { defaultAction: "Deny", bypass: "AzureServices" } }),
    );
    expect(synth(stack)).not.toThrow();
  });

  it("passes disabled public access with the AzureServices bypass, fails it with None", () => {
    const build = (bypass: string) => {
      const stack = newStack("net", { providers: true });
      sasPipelineIn(
        stack,
        declaredVault(stack, {
          publicNetworkAccessEnabled: false,
          networkAcls: { defaultAction: "Allow", bypass },
        }),
      );
      return synth(stack);
    };
    expect(build("AzureServices")).not.toThrow();
    expect(build("None")).toThrow(/whose public network access is disabled/);
  });

  it("passes a vault without network ACLs, and one whose bypass is known only at apply time", () => {
    const plain = newStack("net", { providers: true });
    sasPipelineIn(plain, declaredVault(plain, {}));
    expect(synth(plain)).not.toThrow();
    const unknown = newStack("net", { providers: true });
    const bypass = new TerraformVariable(unknown, "bypass", { type: "string" });
    sasPipelineIn(
      unknown,
      declaredVault(unknown, {
        networkAcls: { defaultAction: "Deny", bypass: bypass.stringValue },
      }),
    );
    expect(synth(unknown)).not.toThrow();
  });
});

describe("network check: a vault made elsewhere", () => {
  const denyNone = NetworkPosture.of({
    defaultAction: NetworkDefaultAction.DENY,
    trustedServicesBypass: false,
  });

  it("fails on a declared posture without the bypass (by ID and from a data source)", () => {
    const byId = newStack("net", { providers: true });
    sasPipelineIn(
      byId,
      KeyVaultRef.fromKeyVaultId(byId, "Vault", ids.VAULT_ID, {
        accessModel: KeyVaultAccessModel.ACCESS_POLICY,
        networkPosture: denyNone,
      }),
    );
    expect(synth(byId)).toThrow(/vault "myvault", whose .*\(as declared\)/);
    const data = newStack("net", { providers: true });
    const found = new DataAzurermKeyVault(data, "Data", {
      name: "datavault",
      resourceGroupName: "transfer-rg",
    });
    sasPipelineIn(
      data,
      KeyVaultRef.fromDataKeyVault(found, {
        accessModel: KeyVaultAccessModel.RBAC,
        networkPosture: denyNone,
      }),
    );
    expect(synth(data)).toThrow(/vault "datavault"/);
  });

  it("passes a declared Deny posture with the bypass, and a vault whose posture nobody stated", () => {
    for (const networkPosture of [
      NetworkPosture.of({ defaultAction: NetworkDefaultAction.DENY }),
      undefined,
    ]) {
      const stack = newStack("net", { providers: true });
      sasPipelineIn(
        stack,
        KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
          accessModel: KeyVaultAccessModel.ACCESS_POLICY,
          networkPosture,
        }),
      );
      expect(synth(stack)).not.toThrow();
    }
  });

  it("does not check the vault of a managed-identity pipeline (it has none)", () => {
    const stack = newStack("net", { providers: true });
    KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
      accessModel: KeyVaultAccessModel.ACCESS_POLICY,
      networkPosture: denyNone,
    });
    new ExportPipeline(stack, "Export", {
      registry: testRegistry(stack),
      pipelineName: "exportnet",
      container: TransferContainer.fromContainerResourceId(
        stack,
        "Blobs",
        `${ids.ACCOUNT_ID}/blobServices/default/containers/transfer`,
      ),
      storageAccess: StorageAccess.managedIdentity(),
    });
    expect(synth(stack)).not.toThrow();
  });
});
