// Pipelines and runs check every prop before they declare their azapi resource: a refused
// construct leaves no resource behind, whichever rule refuses it.
import { ContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { describe, expect, it } from "vitest";
import * as lib from "../../lib";
import {
  ExportPipeline,
  ExportPipelineRun,
  ImportPipeline,
  ImportPipelineRun,
  RegistryRef,
  StorageAccess,
  TransferContainer,
  TransferValidationError,
} from "../../lib";
import * as ids from "../support/ids";
import { newStack } from "../support/new-stack";
import { testAccount, testRegistry } from "../support/refs";

function container(stack: TerraformStack): TransferContainer {
  return new TransferContainer(stack, "Blobs", {
    storageAccount: testAccount(stack),
    containerName: "transfer",
  });
}

/** What `build` throws, and whether the construct it named holds a `Resource` afterwards. */
function refused(build: (stack: TerraformStack) => void, id: string) {
  const stack = newStack();
  let error: unknown;
  try {
    build(stack);
  } catch (e) {
    error = e;
  }
  const construct: IConstruct | undefined = stack.node.tryFindChild(id);
  return {
    message: error instanceof TransferValidationError ? error.message : String(error),
    declared: construct?.node.tryFindChild("Resource") !== undefined,
  };
}

describe("checks before the resource", () => {
  it("refuses an export from a registry whose export policy is disabled, declaring nothing", () => {
    const result = refused((s) => {
      const acr = new ContainerRegistry(s, "Acr", {
        name: "sourceacr",
        resourceGroupName: "transfer-rg",
        location: "eastus",
        sku: "Premium",
        exportPolicyEnabled: false,
      });
      new ExportPipeline(s, "Export", {
        registry: RegistryRef.fromContainerRegistry(acr),
        pipelineName: "exportnoted",
        container: container(s),
        storageAccess: StorageAccess.managedIdentity(),
      });
    }, "Export");
    expect(result.message).toContain("disables export (export_policy_enabled = false)");
    expect(result.declared).toBe(false);
  });

  it("refuses a storage role that cannot do the side's job, declaring nothing", () => {
    const result = refused((s) => {
      new ExportPipeline(s, "Export", {
        registry: testRegistry(s),
        pipelineName: "exportnoted",
        container: container(s),
        storageAccess: StorageAccess.managedIdentity(),
        storageRoleName: "Storage Blob Data Reader",
      });
    }, "Export");
    expect(result.message).toContain("only reads blob data");
    expect(result.declared).toBe(false);
  });

  it("refuses managed identity on a container of unknown account, declaring nothing", () => {
    const result = refused((s) => {
      new ImportPipeline(s, "Import", {
        registry: testRegistry(s),
        pipelineName: "importnoted",
        container: TransferContainer.fromUrl(s, "Blobs", ids.CONTAINER_URL),
        storageAccess: StorageAccess.managedIdentity(),
      });
    }, "Import");
    expect(result.message).toContain(
      "has no known storage account, so its role assignment cannot be made",
    );
    expect(result.declared).toBe(false);
  });

  it("refuses a source trigger that is not a boolean, declaring nothing", () => {
    const result = refused((s) => {
      new ImportPipeline(s, "Import", {
        registry: testRegistry(s),
        pipelineName: "importnoted",
        container: container(s),
        storageAccess: StorageAccess.managedIdentity(),
        sourceTriggerEnabled: "false" as unknown as boolean,
      });
    }, "Import");
    expect(result.message).toContain("sourceTriggerEnabled");
    expect(result.declared).toBe(false);
  });

  it("refuses a run's side props, declaring nothing", () => {
    const exportRun = refused((s) => {
      const pipeline = ExportPipeline.fromPipelineId(
        s,
        "Pipeline",
        `${ids.REGISTRY_ID}/exportPipelines/exportpipe1`,
      );
      new ExportPipelineRun(s, "Run", {
        pipeline,
        runName: "run00001",
        blobName: "b",
        artifacts: [],
      });
    }, "Run");
    expect(exportRun.message).toContain("artifacts");
    expect(exportRun.declared).toBe(false);
    const importRun = refused((s) => {
      const pipeline = ImportPipeline.fromPipelineId(
        s,
        "Pipeline",
        `${ids.REGISTRY_ID}/importPipelines/importpipe1`,
      );
      new ImportPipelineRun(s, "Run", {
        pipeline,
        runName: "run00001",
        blobName: "b",
        catalogDigest: "sha256:1",
      });
    }, "Run");
    expect(importRun.message).toContain("catalogDigest");
    expect(importRun.declared).toBe(false);
  });

  it("keeps the bases internal: no user extends them", () => {
    for (const base of ["PipelineBase", "TransferPipelineBase", "PipelineRunBase"]) {
      expect(Object.keys(lib)).not.toContain(base);
    }
  });
});
