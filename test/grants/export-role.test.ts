import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  DeployerRights,
  DeployerTask,
  ExportPipeline,
  ImportPipeline,
  StorageAccess,
  TransferContainer,
} from "../../lib";
import * as ids from "../support/ids";
import { testRegistry } from "../support/refs";
import { synthObject } from "../support/stacks";
import { checkTransferConformance } from "../../lib/model/conformance";
import { exportPipeline } from "../support/pipelines";
import { newStack } from "../support/new-stack";

const CONTAINER_ID = `${ids.ACCOUNT_ID}/blobServices/default/containers/transfer`;

function exportWithCustomRole(stack: TerraformStack) {
  return new ExportPipeline(stack, "Export", {
    registry: testRegistry(stack),
    pipelineName: "exportPipeline",
    container: TransferContainer.fromContainerResourceId(stack, "Blobs", CONTAINER_ID),
    storageAccess: StorageAccess.managedIdentity(),
    customExportRole: true,
  });
}

describe("the least-privilege export role (customExportRole)", () => {
  it("declares a role with only the blob data actions export needs, and assigns it on the container", () => {
    const stack = new TerraformStack(Testing.app(), "lp");
    exportWithCustomRole(stack);
    const json = synthObject(stack);
    const definitions = Object.values<any>(json.resource.azurerm_role_definition);
    expect(definitions).toHaveLength(1);
    const [definition] = definitions;
    // Pinned as text: no delete, no containers/delete, no control-plane action.
    expect(definition.permissions).toEqual([
      {
        actions: [],
        not_actions: [],
        data_actions: [
          "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read",
          "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write",
          "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action",
        ],
        not_data_actions: [],
      },
    ]);
    const resourceGroup = ids.ACCOUNT_ID.split("/").slice(0, 5).join("/");
    expect(definition.scope).toBe(resourceGroup);
    expect(definition.assignable_scopes).toEqual([resourceGroup]);
    expect(definition.name).toMatch(/^acr-transfer-export-[0-9a-f]{12}$/);
    const assignments = Object.values<any>(json.resource.azurerm_role_assignment);
    expect(assignments).toEqual([
      expect.objectContaining({
        scope: CONTAINER_ID,
        role_definition_id: expect.stringMatching(
          /^\$\{azurerm_role_definition\.[\w-]+\.role_definition_resource_id\}$/,
        ),
      }),
    ]);
    expect(assignments[0]).not.toHaveProperty("role_definition_name");
    expect(assignments[0]).not.toHaveProperty("condition");
    expect(JSON.stringify(json)).not.toMatch(/blobs\/delete|containers\/delete/);
  });

  it("passes the conformance check: the model reads the custom role as the export's grant", () => {
    const stack = new TerraformStack(Testing.app(), "lp");
    exportWithCustomRole(stack);
    expect(checkTransferConformance(stack)).toEqual([]);
    const json = synthObject(stack);
    const [definition] = Object.values<any>(json.resource.azurerm_role_definition);
    // A role definition with delete added is no longer the export role: the check says so.
    definition.permissions[0].data_actions.push(
      "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete",
    );
    expect(checkTransferConformance(json).join("\n")).toMatch(/gives the wrong role/);
  });

  it("names the role the same at every synth, and differently for another container", () => {
    const names = [CONTAINER_ID, CONTAINER_ID, CONTAINER_ID.replace("transfer", "other")].map(
      (id) => {
        const stack = new TerraformStack(Testing.app(), "lp");
        new ExportPipeline(stack, "Export", {
          registry: testRegistry(stack),
          pipelineName: "exportPipeline",
          container: TransferContainer.fromContainerResourceId(stack, "Blobs", id),
          storageAccess: StorageAccess.managedIdentity(),
          customExportRole: true,
        });
        return Object.values<any>(synthObject(stack).resource.azurerm_role_definition)[0].name;
      },
    );
    expect(names[0]).toBe(names[1]);
    expect(names[2]).not.toBe(names[0]);
  });

  it.each([
    [
      "an import pipeline",
      (s: TerraformStack) =>
        new ImportPipeline(s, "Import", {
          registry: testRegistry(s),
          pipelineName: "importPipeline",
          container: TransferContainer.fromContainerResourceId(s, "Blobs", CONTAINER_ID),
          storageAccess: StorageAccess.managedIdentity(),
          customExportRole: true,
        }),
      "test/Import: customExportRole true is set on an import pipeline. rule: customExportRole replaces the storage role of an export pipeline in managed-identity mode. fix: drop customExportRole.",
    ],
    [
      "SAS token mode",
      (s: TerraformStack) => exportPipeline(s, { customExportRole: true }),
      "test/Export: customExportRole true is set on a pipeline that reads a SAS token, so no role is granted.",
    ],
    [
      "another storage role",
      (s: TerraformStack) =>
        exportPipeline(s, {
          container: TransferContainer.fromContainerResourceId(s, "Blobs", CONTAINER_ID),
          storageAccess: StorageAccess.managedIdentity(),
          storageRoleName: "Storage Blob Data Contributor",
          customExportRole: true,
        }),
      "test/Export: customExportRole true is set beside storageRoleName or denyBlobDelete.",
    ],
  ])("is refused on %s", (_name, build, message) => {
    expect(() => build(newStack("test", { providers: true }))).toThrow(message);
  });
});

describe("what the deployer needs for the export role", () => {
  it("lists the right to define roles on the container's resource group", () => {
    const stack = new TerraformStack(Testing.app(), "lp");
    exportWithCustomRole(stack);
    const right = DeployerRights.of(stack).find((r) => r.task === DeployerTask.ROLE_DEFINITIONS);
    expect(right).toEqual({
      task: "define the least-privilege export role (customExportRole)",
      permissions: [
        "Microsoft.Authorization/roleDefinitions/read",
        "Microsoft.Authorization/roleDefinitions/write",
        "Microsoft.Authorization/roleDefinitions/delete",
      ],
      role: "User Access Administrator, or a custom role with these actions only",
      scope: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/transfer-rg",
      note: "the role is defined in the container's resource group",
    });
  });

  it("lists no such right without the export role", () => {
    const stack = new TerraformStack(Testing.app(), "lp");
    exportPipeline(stack);
    const tasks = DeployerRights.of(stack).map((r) => r.task);
    expect(tasks).not.toContain(DeployerTask.ROLE_DEFINITIONS);
  });
});
