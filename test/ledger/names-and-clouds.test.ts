import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { App, TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  AzapiEnvironment,
  AzapiProvider,
  AzureCloud,
  ExportPipeline,
  ExportPipelineRun,
  RegistryRef,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
} from "../../lib";
import * as ids from "../support/ids";
import { exportPipeline } from "../support/pipelines";
import { newStack } from "../support/new-stack";

describe("pipeline names across the app", () => {
  it("refuses the same pipeline name on one registry in two stacks", () => {
    const first = newStack("test", { providers: true });
    exportPipeline(first);
    const second = new TerraformStack(first.node.root, "second");
    expect(() => exportPipeline(second)).toThrow(
      'second/Export: pipelineName "exportPipeline" is already used in the same registry by test/Export. ' +
        "rule: export pipeline names are unique per registry (ARM names ignore case). " +
        "fix: give one of the pipelines another name.",
    );
  });

  it("accepts the same name in two apps, and on two registries", () => {
    exportPipeline(newStack("test", { providers: true }));
    expect(() => exportPipeline(newStack("test", { providers: true }))).not.toThrow();
    const first = newStack("test", { providers: true });
    exportPipeline(first);
    const second = new TerraformStack(first.node.root, "second");
    const other = RegistryRef.fromRegistryId(second, "Other", ids.TARGET_REGISTRY_ID, {
      location: "eastus",
    });
    expect(() => exportPipeline(second, { registry: other })).not.toThrow();
  });
});

describe("a run on a pipeline of another app", () => {
  it("is refused, with the fix: import the pipeline by ID", () => {
    const pipeline = exportPipeline(newStack("test", { providers: true }));
    const stack = newStack("test", { providers: true });
    expect(
      () =>
        new ExportPipelineRun(stack, "Run", {
          pipeline,
          runName: "nightly1",
          blobName: "nightly",
          artifacts: ["samples/app:v1"],
        }),
    ).toThrow(
      'test/Run: pipeline "test/Export" is a pipeline of another app. ' +
        "rule: a run refers to a pipeline of its own app; another app's resources reach this one only by ID. " +
        "fix: import it by ID in this app: ExportPipeline.fromPipelineId(scope, id, pipelineId), with the pipeline's ARM resource ID.",
    );
  });

  it("is accepted once imported by ID", () => {
    const stack = newStack("test", { providers: true });
    const pipelineId = `${ids.REGISTRY_ID}/exportPipelines/exportPipeline`;
    const pipeline = ExportPipeline.fromPipelineId(stack, "Imported", pipelineId);
    new ExportPipelineRun(stack, "Run", {
      pipeline,
      runName: "nightly1",
      blobName: "nightly",
      artifacts: ["samples/app:v1"],
    });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

/** A managed-identity export pipeline in usgovvirginia, in a stack with these providers. */
function govStack(
  azapi: { environment?: AzapiEnvironment },
  azurerm: { environment?: string },
  app: App = Testing.app(),
): TerraformStack {
  const stack = new TerraformStack(app, "gov");
  new AzapiProvider(stack, "Azapi", azapi);
  new AzurermProvider(stack, "Azurerm", { features: [{}], ...azurerm });
  new ExportPipeline(stack, "Export", {
    registry: RegistryRef.fromRegistryId(stack, "Registry", ids.REGISTRY_ID, {
      location: "usgovvirginia",
    }),
    pipelineName: "export1",
    container: new TransferContainer(stack, "Container", {
      storageAccount: StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID, {
        cloud: AzureCloud.US_GOVERNMENT,
      }),
      containerName: "transfer",
    }),
    storageAccess: StorageAccess.managedIdentity(),
  });
  return stack;
}

const GOV = { environment: "usgovernment" };

describe("the clouds of every provider a pipeline uses", () => {
  it("accepts providers of the pipeline's cloud", () => {
    const stack = govStack({ environment: AzapiEnvironment.US_GOVERNMENT }, GOV);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  it("refuses an AzapiProvider left at its default environment for a sovereign location", () => {
    const stack = govStack({}, GOV);
    expect(() => Testing.synth(stack, true)).toThrow(
      'gov/Export: location "usgovvirginia" is in the usgovernment cloud, but the azapi provider gov/Azapi ' +
        "talks to public (its environment is not set, so azapi uses the public cloud). " +
        "rule: a pipeline is created through an azapi provider of its location's cloud; one cloud's ARM does not know another's regions. " +
        "fix: set environment: AzapiEnvironment.US_GOVERNMENT on gov/Azapi, or pass provider: an AzapiProvider " +
        "with environment: AzapiEnvironment.US_GOVERNMENT (an alias), or correct the location.",
    );
  });

  it("refuses a defaulted public azurerm provider that makes a sovereign pipeline's grants", () => {
    const stack = govStack({ environment: AzapiEnvironment.US_GOVERNMENT }, {});
    expect(() => Testing.synth(stack, true)).toThrow(
      'gov/Export: location "usgovvirginia" is in the usgovernment cloud, but the azurerm provider gov/Azurerm, ' +
        "which makes the pipeline's grants, talks to public (its environment is not set, so azurerm uses the public cloud). " +
        "rule: a pipeline's grants are made through an azurerm provider of its location's cloud; one cloud's ARM does not know another's principals and scopes. " +
        'fix: set environment: "usgovernment" on gov/Azurerm, or pass azurermProvider: an AzurermProvider ' +
        'with environment: "usgovernment" (an alias), or correct the location.',
    );
  });

  it("refuses an explicit public azurerm provider the same way", () => {
    const stack = govStack(
      { environment: AzapiEnvironment.US_GOVERNMENT },
      { environment: "public" },
    );
    expect(() => Testing.synth(stack, true)).toThrow(
      "but the azurerm provider gov/Azurerm, which makes the pipeline's grants, talks to public. " +
        "rule: a pipeline's grants are made through an azurerm provider of its location's cloud; one cloud's ARM does not know another's principals and scopes. " +
        'fix: pass azurermProvider: an AzurermProvider with environment: "usgovernment" (an alias), or correct the location.',
    );
  });

  it("checks a public pipeline against an explicit sovereign azurerm provider", () => {
    const stack = newStack("test", { providers: true });
    new AzurermProvider(stack, "China", { features: [{}], environment: "china", alias: "china" });
    exportPipeline(stack, {
      storageAccess: StorageAccess.managedIdentity(),
      container: new TransferContainer(stack, "Owned", {
        storageAccount: StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID),
        containerName: "transfer",
      }),
      azurermProvider: stack.node.findChild("China") as AzurermProvider,
    });
    expect(() => Testing.synth(stack, true)).toThrow(
      'test/Export: location "eastus" is in the public cloud, but the azurerm provider test/China, ' +
        "which makes the pipeline's grants, talks to china.",
    );
  });
});

describe("access policies across stacks", () => {
  it("tells two stacks' policies apart when their object IDs read the same expression", () => {
    // Each stack has its own pipeline "Export" (so the same logical ID) and its own policy.
    const first = newStack("test", { providers: true });
    exportPipeline(first);
    const second = new TerraformStack(first.node.root, "second");
    new AzapiProvider(second, "Azapi");
    new AzurermProvider(second, "Azurerm", { features: [{}] });
    const other = RegistryRef.fromRegistryId(second, "Registry", ids.TARGET_REGISTRY_ID, {
      location: "eastus",
    });
    exportPipeline(second, { registry: other });
    expect(() => Testing.synth(first, true)).not.toThrow();
    expect(() => Testing.synth(second, true)).not.toThrow();
  });
});
