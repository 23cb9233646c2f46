import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { StorageContainer } from "@cdktf/provider-azurerm/lib/storage-container";
import { TerraformStack, Testing } from "cdktf";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ExportPipeline,
  ExportPipelineRun,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
} from "../../lib";
import { checkTransferConformance } from "../../lib/testing";
import { testRegistry } from "../support/refs";

/** How the container URL is built from the app's own azurerm resources. */
const URLS = {
  "the container's id (its URL)": (_account: StorageAccount, container: StorageContainer) =>
    container.id,
  "the account's blob endpoint and the container's name": (
    account: StorageAccount,
    container: StorageContainer,
  ) => `${account.primaryBlobEndpoint}${container.name}`,
  "a template of the account's and the container's names": (
    account: StorageAccount,
    container: StorageContainer,
  ) => `https://${account.name}.blob.core.windows.net/${container.name}`,
};

/** A managed-identity export pipeline and run on a container given by a token URL. */
function stackWith(url: (a: StorageAccount, c: StorageContainer) => string): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "tokens");
  const account = new StorageAccount(stack, "Sa", {
    name: "transfersa",
    resourceGroupName: "rg",
    location: "eastus",
    accountTier: "Standard",
    accountReplicationType: "LRS",
  });
  const blobs = new StorageContainer(stack, "Blobs", {
    name: "transfer",
    storageAccountId: account.id,
  });
  const pipeline = new ExportPipeline(stack, "Export", {
    registry: testRegistry(stack),
    pipelineName: "export1",
    container: TransferContainer.fromUrl(stack, "Container", url(account, blobs), {
      storageAccount: StorageAccountRef.fromStorageAccount(account),
    }),
    storageAccess: StorageAccess.managedIdentity(),
  });
  new ExportPipelineRun(stack, "Run", {
    pipeline,
    runName: "exportrun1",
    blobName: "blob",
    artifacts: ["samples/hello-world:v1"],
  });
  return stack;
}

describe("conformance of stacks whose container URL is another resource's attribute", () => {
  afterEach(() => vi.restoreAllMocks());

  for (const [how, url] of Object.entries(URLS)) {
    it(`passes a correct stack: ${how}, and cdktf has nothing to warn about`, () => {
      const warn = vi.spyOn(console, "warn");
      const stack = stackWith(url);
      expect(checkTransferConformance(stack)).toEqual([]);
      Testing.synth(stack);
      expect(warn.mock.calls.flat().join("\n")).not.toMatch(/escape sequences/);
    });
  }

  it("still reports the role assignment of another container", () => {
    const stack = stackWith(URLS["the account's blob endpoint and the container's name"]);
    const doc = JSON.parse(Testing.synth(stack));
    const [name, role] = Object.entries<any>(doc.resource.azurerm_role_assignment)[0];
    role.scope = role.scope.replace(/containers\/.*$/, "containers/elsewhere");
    const problems = checkTransferConformance(JSON.stringify(doc));
    expect(problems.join("\n")).toContain(`azurerm_role_assignment.${name} gives`);
    expect(problems.join("\n")).toContain('has no "Storage Blob Data Contributor" role assignment');
  });
});
