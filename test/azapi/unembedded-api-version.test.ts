import { AnnotationMetadataEntryType, TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  AzapiProvider,
  ExportPipeline,
  ExportPipelineRun,
  ImportPipeline,
  ImportPipelineRun,
  StorageAccess,
  TransferContainer,
} from "../../lib";
import { checkTransferConformance } from "../../lib/testing";
import { synthHclParsed } from "../support/hcl";
import * as ids from "../support/ids";
import { testAccount, testRegistry } from "../support/refs";

/** Both sides, managed identity, each with a run, on API_VERSION. */
function bothSidesOn(API_VERSION: string): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "unembedded");
  new AzapiProvider(stack, "azapi");
  const registry = testRegistry(stack);
  const container = new TransferContainer(stack, "Container", {
    storageAccount: testAccount(stack),
    containerName: "transfer",
  });
  const common = { registry, container, storageAccess: StorageAccess.managedIdentity() };
  const exporter = new ExportPipeline(stack, "Export", {
    ...common,
    pipelineName: "exportmi",
    apiVersion: API_VERSION,
  });
  const importer = new ImportPipeline(stack, "Import", {
    ...common,
    pipelineName: "importmi",
    apiVersion: API_VERSION,
  });
  new ExportPipelineRun(stack, "ExportRun", {
    pipeline: exporter,
    runName: "exportrun1",
    blobName: "images",
    artifacts: ["samples/hello-world:v1"],
  });
  new ImportPipelineRun(stack, "ImportRun", {
    pipeline: importer,
    runName: "importrun1",
    blobName: "images",
  });
  return stack;
}

/** The azapi_resources of the synthesized JSON. */
function azapiResources(stack: TerraformStack): Record<string, any>[] {
  return Object.values(JSON.parse(Testing.synth(stack)).resource.azapi_resource);
}

/** Info annotations, by construct path. */
function infos(stack: TerraformStack): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of stack.node.findAll()) {
    for (const m of c.node.metadata) {
      if (m.type === AnnotationMetadataEntryType.INFO) (out[c.node.path] ??= []).push(m.data);
    }
  }
  return out;
}

const NOTE = (apiVersion: string) =>
  `api-version ${apiVersion} is embedded in no azapi release (up to 2.12), and azapi ` +
  "refuses an api-version it does not embed: the resource sets schema_validation_enabled = " +
  "false, so azapi sends its body unchecked (this library's own checks still apply)";

/** 2026-09-01-preview's note also says why the constraint is raised. */
const RAISED =
  "; the stack's azapi version constraint is raised to ~> 2.11 or higher, the releases that " +
  "embed the same pipeline schema at an earlier api-version";

describe.each([
  { API_VERSION: "2025-12-01-preview", constraint: "~> 2.8", tail: "" },
  { API_VERSION: "2026-09-01-preview", constraint: "~> 2.11", tail: RAISED },
])(
  "api-version $API_VERSION, which no azapi release embeds",
  ({ API_VERSION, constraint, tail }) => {
    const bothSides = () => bothSidesOn(API_VERSION);
    const note = NOTE(API_VERSION) + tail;
    it("is accepted, with schema validation off on every pipeline and run", () => {
      const resources = azapiResources(bothSides());
      expect(resources.map((r) => r.type.split("@")[1])).toEqual(Array(4).fill(API_VERSION));
      expect(resources.map((r) => r.schema_validation_enabled)).toEqual(Array(4).fill(false));
    });

    it("grants what managed-identity pipelines need, as on other api-versions", () => {
      expect(checkTransferConformance(Testing.synth(bothSides()))).toEqual([]);
    });

    it("keeps the body of 2025-06-01-preview on (storageAccessMode)", () => {
      const pipelines = azapiResources(bothSides()).filter((r) => r.type.includes("Pipelines@"));
      const sides = pipelines.map((r) => r.body.properties.target ?? r.body.properties.source);
      expect(sides.map((side) => side.storageAccessMode)).toEqual([
        "ManagedIdentity",
        "ManagedIdentity",
      ]);
    });

    it("notes why on each pipeline and run", () => {
      expect(infos(bothSides())).toEqual({
        "unembedded/Export": [note],
        "unembedded/Import": [note],
        "unembedded/ExportRun": [note],
        "unembedded/ImportRun": [note],
      });
    });

    it(`asks azapi ${constraint} (2025-12-01-preview: any 2.x from 2.8; 2026-09-01-preview: as 2026-03-01-preview)`, () => {
      const synth = JSON.parse(Testing.synth(bothSides()));
      expect(synth.terraform.required_providers.azapi.version).toBe(constraint);
    });

    it("turns schema validation off for a run on a pipeline made elsewhere", () => {
      const stack = new TerraformStack(Testing.app(), "elsewhere");
      const pipeline = ExportPipeline.fromPipelineId(
        stack,
        "Pipeline",
        `${ids.REGISTRY_ID}/exportPipelines/myExportPipeline`,
        { apiVersion: API_VERSION },
      );
      new ExportPipelineRun(stack, "Run", {
        pipeline,
        runName: "nightly001",
        blobName: "nightly",
        artifacts: ["samples/nginx:v1"],
      });
      expect(azapiResources(stack).map((r) => r.schema_validation_enabled)).toEqual([false]);
      expect(infos(stack)).toEqual({ "elsewhere/Run": [note] });
    });

    it("writes schema_validation_enabled = false in HCL too", async () => {
      const parsed = await synthHclParsed(bothSides());
      const resources = Object.values<any>(parsed.resource.azapi_resource).map(([r]) => r);
      expect(resources.map((r) => r.schema_validation_enabled)).toEqual(Array(4).fill(false));
      expect(parsed.terraform[0].required_providers[0].azapi.version).toBe(constraint);
    });
  },
);
