import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  AzapiEnvironment,
  AzapiProvider,
  ExportPipeline,
  StorageAccess,
  TransferContainer,
} from "../../lib";
import { testAccount, testRegistry } from "../support/refs";

/** A public-cloud (eastus) managed-identity export pipeline in a stack with this azapi provider. */
function stackWith(environment?: AzapiEnvironment, declareProviderAfter = false): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "clouds");
  const provider = () => new AzapiProvider(stack, "Azapi", { environment });
  if (!declareProviderAfter) provider();
  new AzurermProvider(stack, "Azurerm", { features: [{}] });
  new ExportPipeline(stack, "Export", {
    registry: testRegistry(stack),
    pipelineName: "export1",
    container: new TransferContainer(stack, "Container", {
      storageAccount: testAccount(stack),
      containerName: "transfer",
    }),
    storageAccess: StorageAccess.managedIdentity(),
  });
  if (declareProviderAfter) provider();
  return stack;
}

describe("the cloud of a pipeline's azapi provider", () => {
  it("accepts a provider of the location's cloud, and one whose environment is not set", () => {
    expect(() => Testing.synth(stackWith(AzapiEnvironment.PUBLIC), true)).not.toThrow();
    expect(() => Testing.synth(stackWith(undefined), true)).not.toThrow();
  });

  it("refuses the stack's default provider of another cloud, also when declared after the pipeline", () => {
    const expected =
      'clouds/Export: location "eastus" is in the public cloud, but the azapi provider clouds/Azapi talks to china';
    expect(() => Testing.synth(stackWith(AzapiEnvironment.CHINA), true)).toThrow(expected);
    expect(() => Testing.synth(stackWith(AzapiEnvironment.CHINA, true), true)).toThrow(expected);
  });

  it("refuses an environment spelled in another case", () => {
    const stack = new TerraformStack(Testing.app(), "clouds");
    expect(
      () => new AzapiProvider(stack, "Azapi", { environment: "USGovernment" as AzapiEnvironment }),
    ).toThrow('clouds/Azapi: environment "USGovernment" differs from a member only in case');
  });
});
