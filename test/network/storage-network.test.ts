// The storage side of the network check: a pipeline whose container sits in a storage account
// that turns away unnamed callers fails at synth, since ACR is not a trusted service for Storage.
import { DataAzurermStorageAccount } from "@cdktf/provider-azurerm/lib/data-azurerm-storage-account";
import { StorageAccount, StorageAccountConfig } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageAccountNetworkRulesA as StorageAccountNetworkRules } from "@cdktf/provider-azurerm/lib/storage-account-network-rules";
import { AnnotationMetadataEntryType, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  ExportPipeline,
  IStorageAccountRef,
  NetworkDefaultAction,
  NetworkPosture,
  StorageAccess,
  StorageAccountRef,
  StorageAccountRefOptions,
  TransferContainer,
} from "../../lib";
import * as ids from "../support/ids";
import { testRegistry } from "../support/refs";
import { newStack } from "../support/new-stack";

const ACCOUNT: StorageAccountConfig = {
  name: "transfersa",
  resourceGroupName: "transfer-rg",
  location: "eastus",
  accountTier: "Standard",
  accountReplicationType: "LRS",
};

/** A managed-identity export pipeline with a new container in `account`. */
function pipelineOn(stack: TerraformStack, account: IStorageAccountRef): ExportPipeline {
  return new ExportPipeline(stack, "Export", {
    registry: testRegistry(stack),
    pipelineName: "exportnet",
    container: new TransferContainer(stack, "Blobs", {
      storageAccount: account,
      containerName: "transfer",
    }),
    storageAccess: StorageAccess.managedIdentity(),
  });
}

function declaredAccount(
  stack: TerraformStack,
  config: Partial<StorageAccountConfig>,
  options?: StorageAccountRefOptions,
): IStorageAccountRef {
  const account = new StorageAccount(stack, "Storage", { ...ACCOUNT, ...config });
  return StorageAccountRef.fromStorageAccount(account, options);
}

function synthWithValidations(stack: TerraformStack): string {
  return Testing.synth(stack, true);
}

function infos(pipeline: ExportPipeline): string[] {
  return pipeline.node.metadata
    .filter((m) => m.type === AnnotationMetadataEntryType.INFO)
    .map((m) => String(m.data));
}

describe("network check: a storage account the app declares", () => {
  it("fails a pipeline whose account disables public network access, naming account, rule and fix", () => {
    const stack = newStack("net", { providers: true });
    pipelineOn(stack, declaredAccount(stack, { publicNetworkAccessEnabled: false }));
    expect(() => synthWithValidations(stack)).toThrow(
      /net\/Export: container "https:\/\/transfersa\.blob\.core\.windows\.net\/.*" is in storage account "transfersa", whose public network access is disabled \(public_network_access_enabled = false\) \(as read from net\/Storage\)\. rule: ACR is not a trusted service for Azure Storage \(https:\/\/github\.com\/Azure\/acr\/issues\/857\).*bypass = \["AzureServices"\], resource instance rules and private endpoints do not admit them\. fix: keep transfer blobs in a storage account whose public network access is enabled.*acknowledgeNetworkRestriction/,
    );
  });

  it("fails on network rules that deny by default, even with bypass AzureServices", () => {
    const stack = newStack("net", { providers: true });
    const account = declaredAccount(stack, {
      networkRules: { defaultAction: "Deny", bypass: ["AzureServices"], ipRules: ["203.0.113.7"] },
    });
    pipelineOn(stack, account);
    expect(() => synthWithValidations(stack)).toThrow(
      /storage account "transfersa", whose network rules deny by default \(default_action = "Deny"\) \(as read from net\/Storage\)\. rule: ACR is not a trusted service for Azure Storage/,
    );
  });

  it("fails on separate network rules declared after the pipeline, naming both constructs", () => {
    const stack = newStack("net", { providers: true });
    const resource = new StorageAccount(stack, "Storage", ACCOUNT);
    pipelineOn(stack, StorageAccountRef.fromStorageAccount(resource));
    new StorageAccountNetworkRules(stack, "Rules", {
      storageAccountId: resource.id,
      defaultAction: "Deny",
      bypass: ["AzureServices"],
    });
    expect(() => synthWithValidations(stack)).toThrow(
      /default_action = "Deny"\) \(as read from net\/Storage and net\/Rules\)/,
    );
  });

  it("passes an account open to all networks, and one with default action Allow", () => {
    for (const config of [{}, { networkRules: { defaultAction: "Allow" } }]) {
      const stack = newStack("net", { providers: true });
      pipelineOn(stack, declaredAccount(stack, config));
      expect(() => synthWithValidations(stack)).not.toThrow();
    }
  });

  it("does not check settings known only at apply time", () => {
    const stack = newStack("net", { providers: true });
    const action = new TerraformVariable(stack, "action", { type: "string" });
    pipelineOn(
      stack,
      declaredAccount(stack, { networkRules: { defaultAction: action.stringValue } }),
    );
    expect(() => synthWithValidations(stack)).not.toThrow();
  });

  it("passes an acknowledged restriction and notes its reason at synth", () => {
    const stack = newStack("net", { providers: true });
    const reason =
      "runs verified 2026-11-20: the firewall is opened for the transfer window by change CHG-1234";
    const pipeline = pipelineOn(
      stack,
      declaredAccount(
        stack,
        { publicNetworkAccessEnabled: false },
        { acknowledgeNetworkRestriction: { reason } },
      ),
    );
    expect(() => synthWithValidations(stack)).not.toThrow();
    expect(infos(pipeline)).toEqual([
      `storage account "transfersa": public network access is disabled (public_network_access_enabled = false) (as read from net/Storage), which ACR Transfer cannot pass as a trusted service; acknowledged: ${reason}`,
    ]);
    synthWithValidations(stack);
    expect(infos(pipeline)).toHaveLength(1);
  });

  it("refuses an acknowledgement without a reason", () => {
    const stack = newStack("net", { providers: true });
    expect(() =>
      declaredAccount(stack, {}, { acknowledgeNetworkRestriction: { reason: "  " } }),
    ).toThrow(
      /net\/Storage: acknowledgeNetworkRestriction\.reason "  " has 0 visible characters \(of 2\), fewer than 10\. rule: an acknowledged network restriction, whose reason is shown at every synth, carries a reason of at least 10 visible characters \(white space and invisible characters do not count\)\. fix: say which network path/,
    );
  });
});

describe("network check: a storage account made elsewhere", () => {
  it("fails on a declared posture that denies by default (by ID)", () => {
    const stack = newStack("net", { providers: true });
    const account = StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID, {
      networkPosture: NetworkPosture.of({ defaultAction: NetworkDefaultAction.DENY }),
    });
    pipelineOn(stack, account);
    expect(() => synthWithValidations(stack)).toThrow(
      /storage account "accountname", whose network rules deny by default \(default_action = "Deny"\) \(as declared\)/,
    );
  });

  it("passes a declared open posture, and an account whose posture nobody stated", () => {
    for (const networkPosture of [NetworkPosture.open(), undefined]) {
      const stack = newStack("net", { providers: true });
      pipelineOn(
        stack,
        StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID, {
          networkPosture,
        }),
      );
      expect(() => synthWithValidations(stack)).not.toThrow();
    }
  });

  it("checks a data source only when its posture is declared", () => {
    const check = (networkPosture?: NetworkPosture) => {
      const stack = newStack("net", { providers: true });
      const data = new DataAzurermStorageAccount(stack, "Data", {
        name: "datasa",
        resourceGroupName: "transfer-rg",
      });
      pipelineOn(stack, StorageAccountRef.fromDataStorageAccount(data, { networkPosture }));
      return () => synthWithValidations(stack);
    };
    expect(check()).not.toThrow();
    expect(check(NetworkPosture.of({ publicNetworkAccessEnabled: false }))).toThrow(
      /storage account "datasa", whose public network access is disabled/,
    );
  });

  it("fails an existing container whose account posture is declared restricted", () => {
    const stack = newStack("net", { providers: true });
    new ExportPipeline(stack, "Export", {
      registry: testRegistry(stack),
      pipelineName: "exportnet",
      container: TransferContainer.fromContainerResourceId(
        stack,
        "Blobs",
        `${ids.ACCOUNT_ID}/blobServices/default/containers/transfer`,
        { networkPosture: NetworkPosture.of({ defaultAction: NetworkDefaultAction.DENY }) },
      ),
      storageAccess: StorageAccess.managedIdentity(),
    });
    expect(() => synthWithValidations(stack)).toThrow(/storage account "accountname"/);
  });
});
