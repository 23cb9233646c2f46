import { AnnotationMetadataEntryType, TerraformProvider, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import {
  AzapiProvider,
  ExportPipeline,
  ExportPipelineRun,
  SasTokenSecret,
  StorageAccess,
  TransferContainer,
} from "../../lib";
import { AzapiResource, azapiVersionConstraintOf } from "../../lib/azapi";
import { synthHclParsed } from "../support/hcl";
import * as ids from "../support/ids";
import { testAccount, testRegistry } from "../support/refs";

/** A stack with an export pipeline (SAS token) and a run on each api-version (undefined: the default). */
function stackOn(apiVersions: (string | undefined)[], provider: "before" | "after" | "none") {
  const stack = new TerraformStack(Testing.app(), "versions");
  if (provider === "before") new AzapiProvider(stack, "azapi");
  const registry = testRegistry(stack);
  const account = testAccount(stack);
  const secret = SasTokenSecret.fromSecretUri(stack, "Secret", ids.EXPORT_SECRET_URI);
  apiVersions.forEach((apiVersion, i) => {
    const pipeline = new ExportPipeline(stack, `Export${i}`, {
      registry,
      pipelineName: `export${i}pipeline`,
      container: new TransferContainer(stack, `Container${i}`, {
        storageAccount: account,
        containerName: `transfer${i}`,
      }),
      storageAccess: StorageAccess.sasToken(secret),
      apiVersion,
    });
    new ExportPipelineRun(stack, `Run${i}`, {
      pipeline,
      runName: `export${i}run`,
      blobName: "nightly",
      artifacts: ["samples/nginx:v1"],
    });
  });
  if (provider === "after") new AzapiProvider(stack, "azapi");
  return stack;
}

/** `terraform.required_providers.azapi` of the synthesized JSON. */
function requiredAzapi(stack: TerraformStack): Record<string, string> | undefined {
  return JSON.parse(Testing.synth(stack)).terraform?.required_providers?.azapi;
}

/** Info annotations, by construct path. */
function infos(stack: TerraformStack): [string, string][] {
  return stack.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === AnnotationMetadataEntryType.INFO)
        .map((m): [string, string] => [c.node.path, String(m.data)]),
    );
}

describe("the azapi version a stack requires follows its api-versions", () => {
  it("keeps ~> 2.8 on the default api-version, in JSON and HCL", async () => {
    const stack = stackOn([undefined], "before");
    expect(requiredAzapi(stack)).toEqual({ source: "Azure/azapi", version: "~> 2.8" });
    const hcl = await synthHclParsed(stackOn([undefined], "before"));
    expect(hcl.terraform[0].required_providers[0].azapi.version).toBe("~> 2.8");
    expect(infos(stack)).toEqual([]);
  });

  it("keeps ~> 2.8 on older api-versions (2.8 is the floor of every stack)", () => {
    expect(requiredAzapi(stackOn(["2019-12-01-preview", "2025-05-01-preview"], "before"))).toEqual({
      source: "Azure/azapi",
      version: AzapiProvider.VERSION_CONSTRAINT,
    });
  });

  it.each([
    ["2026-01-01-preview", "~> 2.9"],
    ["2026-03-01-preview", "~> 2.11"],
    ["2026-09-01-preview", "~> 2.11"],
  ])("raises it for %s to %s, in JSON and HCL", async (apiVersion, constraint) => {
    expect(requiredAzapi(stackOn([apiVersion], "before"))?.version).toBe(constraint);
    const hcl = await synthHclParsed(stackOn([apiVersion], "before"));
    expect(hcl.terraform[0].required_providers[0].azapi.version).toBe(constraint);
  });

  it("takes the highest floor when api-versions are mixed, whatever the order", () => {
    const mixes = [
      [undefined, "2026-03-01-preview", "2026-01-01-preview"],
      ["2026-03-01-preview", "2019-12-01-preview", "2026-01-01-preview"],
    ];
    for (const mix of mixes) {
      expect(requiredAzapi(stackOn(mix, "before"))?.version).toBe("~> 2.11");
    }
    expect(requiredAzapi(stackOn([undefined, "2026-01-01-preview"], "before"))?.version).toBe(
      "~> 2.9",
    );
  });

  it("is the same with the AzapiProvider declared after the pipelines", () => {
    expect(requiredAzapi(stackOn(["2026-01-01-preview"], "after"))?.version).toBe("~> 2.9");
  });

  it("counts each stack on its own", () => {
    const app = Testing.app();
    const raised = new TerraformStack(app, "raised");
    const plain = new TerraformStack(app, "plain");
    new AzapiProvider(raised, "azapi");
    new AzapiProvider(plain, "azapi");
    const pipeline = ExportPipeline.fromPipelineId(
      raised,
      "Pipeline",
      `${ids.REGISTRY_ID}/exportPipelines/myExportPipeline`,
      { apiVersion: "2026-03-01-preview" },
    );
    new ExportPipelineRun(raised, "Run", {
      pipeline,
      runName: "nightly001",
      blobName: "nightly",
      artifacts: ["samples/nginx:v1"],
    });
    expect(requiredAzapi(raised)?.version).toBe("~> 2.11");
    expect(requiredAzapi(plain)?.version).toBe("~> 2.8");
  });

  it("does not raise it for a resource that turns schema validation off", () => {
    const stack = new TerraformStack(Testing.app(), "unchecked");
    new AzapiProvider(stack, "azapi");
    new AzapiResource(stack, "Pipeline", {
      type: "Microsoft.ContainerRegistry/registries/exportPipelines@2026-03-01-preview",
      name: "myExportPipeline",
      parentId: ids.REGISTRY_ID,
      schemaValidationEnabled: false,
    });
    expect(requiredAzapi(stack)?.version).toBe("~> 2.8");
  });

  it("notes on each pipeline and run why and to what it is raised", () => {
    const notes = infos(stackOn(["2026-03-01-preview"], "before"));
    expect(notes.map(([path]) => path)).toEqual(["versions/Export0", "versions/Run0"]);
    expect(notes[0][1]).toBe(
      "api-version 2026-03-01-preview is embedded in azapi from 2.11.0 on (older releases " +
        "refuse it at plan), so the stack's azapi version constraint is raised from ~> 2.8 to " +
        "~> 2.11 or higher: AzapiProvider writes it into required_providers; with your own " +
        "azapi provider binding, write azapiVersionConstraintOf(stack) there",
    );
  });

  it("writes no required_providers without an azapi provider (as cdktf does), but still notes it", () => {
    const stack = stackOn(["2026-03-01-preview"], "none");
    expect(JSON.parse(Testing.synth(stack)).terraform).toBeUndefined();
    expect(infos(stack)).toHaveLength(2);
  });

  it("gives azapiVersionConstraintOf to stacks with their own azapi provider binding", () => {
    /** A provider binding as `cdktf get` generates it. */
    class GeneratedAzapiProvider extends TerraformProvider {
      public constructor(scope: Construct, id: string) {
        super(scope, id, {
          terraformResourceType: "azapi",
          terraformGeneratorMetadata: {
            providerName: "azapi",
            providerVersionConstraint: "~> 2.5",
          },
          terraformProviderSource: "azure/azapi",
        });
      }
    }
    const stack = stackOn(["2026-01-01-preview"], "none");
    new GeneratedAzapiProvider(stack, "azapi");
    expect(requiredAzapi(stack)?.version).toBe("~> 2.5");
    stack.addOverride(
      "terraform.required_providers.azapi.version",
      azapiVersionConstraintOf(stack),
    );
    expect(requiredAzapi(stack)).toEqual({ source: "azure/azapi", version: "~> 2.9" });
  });
});
