import { TerraformStack, Testing } from "cdktf";
import { IConstruct } from "constructs";
import { describe, expect, it } from "vitest";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import {
  ArtifactList,
  AzapiProvider,
  IImportPipeline,
  ImportPipeline,
  TransferBatchDefaults,
} from "../../lib";
import { checkTransferConformance, synthJson } from "../../lib/testing";
import { importPipeline } from "../support/pipelines";
import { newStack } from "../support/new-stack";
import * as ids from "../support/ids";
import { SETTINGS, exportBatches, images, importBatches } from "./support";
import { artifactsDigest } from "../../lib/runs/exported-blob";

type Synth = Record<string, Record<string, Record<string, any>>>;

const RUN_TYPE = "Microsoft.ContainerRegistry/registries/pipelineRuns@";

function synth(stack: TerraformStack): Synth {
  return JSON.parse(Testing.synth(stack, true));
}

/** The pipeline runs of a synthesized stack, by address, in declaration order. */
function runs(stack: Synth): [string, Record<string, any>][] {
  return Object.entries(stack.resource.azapi_resource ?? {})
    .filter(([, r]) => String(r.type).startsWith(RUN_TYPE))
    .map(([name, r]) => [`azapi_resource.${name}`, r]);
}

/** Metadata messages of one kind ("warn", "info") on a construct, after its stack's synth. */
function annotations(scope: IConstruct, kind: string): string[] {
  synthJson(TerraformStack.of(scope));
  return scope.node.metadata.filter((m) => m.type === `@cdktf/${kind}`).map((m) => String(m.data));
}

describe("ExportBatches", () => {
  it("exports 120 artifacts in runs of at most 50, one blob each, named by prefix and batch ID", () => {
    const stack = newStack("test", { providers: true });
    const batches = exportBatches(stack);
    const declared = runs(synth(stack));
    expect(batches.batches.map((b) => b.batchId)).toEqual(["b00", "b01", "b10", "b11"]);
    expect(declared.map(([, r]) => r.name)).toEqual([
      "bulk202611b00",
      "bulk202611b01",
      "bulk202611b10",
      "bulk202611b11",
    ]);
    declared.forEach(([, run], i) => {
      const request = run.body.properties.request;
      expect(request.artifacts).toEqual(batches.batches[i].artifacts);
      expect(request.artifacts.length).toBeLessThanOrEqual(50);
      expect(request.target.name).toBe(`bulk-2026-11-${batches.batches[i].batchId}`);
    });
    expect(declared.flatMap(([, r]) => r.body.properties.request.artifacts).sort()).toEqual(
      images(120).sort(),
    );
    expect(checkTransferConformance(stack)).toEqual([]);
  });

  it("starts at most maxConcurrentRuns at once: each run waits for the one that many places before", () => {
    const stack = newStack("test", { providers: true });
    exportBatches(stack, { maxArtifactsPerRun: 10, maxConcurrentRuns: 3 });
    const declared = runs(synth(stack));
    expect(declared.length).toBeGreaterThan(6);
    declared.forEach(([, run], i) => {
      const chained = run.depends_on.filter((d: string) => d.startsWith("azapi_resource."));
      expect(chained).toEqual(i >= 3 ? [declared[i - 3][0]] : []);
      expect(run.depends_on.filter((d: string) => d.startsWith("azurerm_"))).toEqual([
        expect.stringMatching(/^azurerm_key_vault_access_policy\./),
      ]);
    });
  });

  it("defaults to 10 runs at once", () => {
    expect(TransferBatchDefaults.MAX_CONCURRENT_RUNS).toBe(10);
    const stack = newStack("test", { providers: true });
    exportBatches(stack, { maxArtifactsPerRun: 5 });
    const declared = runs(synth(stack));
    const firstChained = declared.findIndex(([, r]) => r.depends_on.length > 1);
    expect(firstChained).toBe(10);
  });

  it("gives every run the set's rerun token and timeout", () => {
    const stack = newStack("test", { providers: true });
    exportBatches(stack, { rerunToken: "2026-11-26", timeout: "6h" });
    for (const [, run] of runs(synth(stack))) {
      expect(run.body.properties.forceUpdateTag).toBe("2026-11-26");
      expect(run.timeouts).toEqual({ create: "6h", update: "6h" });
    }
  });

  it("reports each batch's status and error, and a summary by run name", () => {
    const stack = newStack("test", { providers: true });
    const batches = exportBatches(stack, { outputPrefix: "images" });
    const output = synth(stack).output;
    const [address] = runs(synth(stack))[0];
    expect(Object.keys(output).sort()).toEqual(
      [
        ...batches.batches.flatMap((b) => [
          `images_${b.batchId}_status`,
          `images_${b.batchId}_error`,
        ]),
        "images_summary",
      ].sort(),
    );
    expect(output.images_b00_status.value).toBe(`\${${address}.output.status}`);
    expect(output.images_b00_error.value).toBe(`\${${address}.output.error_message}`);
    expect(output.images_summary.value).toEqual(
      Object.fromEntries(runs(synth(stack)).map(([a, r]) => [r.name, `\${${a}.output.status}`])),
    );
    expect(batches.summaryOutput).toBeDefined();
  });

  it("removes duplicates with a warning naming each and where it occurred", () => {
    const stack = newStack("test", { providers: true });
    const list = [...images(3), "samples/app1:v1", "samples/app0:v1", "samples/app1:v1"];
    const batches = exportBatches(stack, { artifacts: ArtifactList.fromList(list) });
    expect(batches.artifacts).toEqual(images(3));
    expect(annotations(batches, "warn")).toEqual([
      "[AcrTransfer-DuplicateArtifacts] artifacts lists 2 reference(s) more than once; the first occurrence of each is kept and " +
        'the others are removed: "samples/app0:v1" (artifacts[0], artifacts[4]); ' +
        '"samples/app1:v1" (artifacts[1], artifacts[3], artifacts[5]). ' +
        'To accept it here: TransferSuppressions.add(construct, "AcrTransfer-DuplicateArtifacts", "<reason>")',
    ]);
    const [[, run]] = runs(synth(stack));
    expect(run.body.properties.request.artifacts).toEqual(images(3));
  });

  it("reads a file at synth time: one reference a line, comments and blank lines skipped", () => {
    const stack = newStack("test", { providers: true });
    const file = "test/batches/fixtures/images.txt";
    const batches = exportBatches(stack, { artifacts: ArtifactList.fromFile(file) });
    expect(batches.artifacts).toEqual([
      "samples/hello-world:v1",
      "samples/nginx:v1",
      "samples/busybox:1.36",
      `samples/redis@sha256:${"0".repeat(64)}`,
    ]);
    expect(annotations(batches, "warn")[0]).toContain(
      `"samples/nginx:v1" (${file} line 4, ${file} line 9)`,
    );
    expect(batches.batches).toHaveLength(1);
    expect(batches.batches[0].batchId).toBe("b");
  });

  it("synthesizes the same bytes for the same set in another order", () => {
    const build = (list: string[]) => {
      const stack = newStack("test", { providers: true });
      exportBatches(stack, { artifacts: ArtifactList.fromList(list) });
      return Testing.synth(stack);
    };
    expect(build([...images(300)].reverse())).toBe(build(images(300)));
  });

  it("re-runs only the batch an added artifact lands in", () => {
    const build = (list: string[]) => {
      const stack = newStack("test", { providers: true });
      exportBatches(stack, { artifacts: ArtifactList.fromList(list) });
      return new Map(runs(synth(stack)).map(([address, r]) => [address, JSON.stringify(r.body)]));
    };
    const before = build(images(300));
    const after = build([...images(300), "samples/extra:v1"]);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...after].filter(([address, body]) => before.get(address) !== body);
    expect(changed).toHaveLength(1);
    expect(changed[0][1]).toContain("samples/extra:v1");
  });
});

describe("ImportBatches", () => {
  it("plans, in another app, the same batches and reads exactly the blobs the export writes", () => {
    const exportStack = newStack("test", { providers: true });
    const exported = exportBatches(exportStack, { maxArtifactsPerRun: 20 });
    const importStack = newStack("test", { providers: true });
    const imported = importBatches(importStack, { maxArtifactsPerRun: 20 });
    expect(imported.batches).toEqual(exported.batches);
    const written = runs(synth(exportStack)).map(([, r]) => r.body.properties.request.target.name);
    const read = runs(synth(importStack)).map(([, r]) => r.body.properties.request.source.name);
    expect(read).toEqual(written);
    expect(checkTransferConformance(importStack)).toEqual([]);
  });

  it("declares no runs when the source trigger imports the blobs, and says so", () => {
    const stack = newStack("test", { providers: true });
    const batches = importBatches(stack, {
      pipeline: importPipeline(stack, { sourceTriggerEnabled: true }),
    });
    expect(batches.runs).toEqual([]);
    expect(batches.summaryOutput).toBeUndefined();
    expect(runs(synth(stack))).toEqual([]);
    expect(annotations(batches, "info")).toEqual([
      "the import pipeline's source trigger is enabled: the service imports each of the 4 blobs " +
        "as it lands, so no import runs are declared (set runsDespiteSourceTrigger to declare " +
        "them anyway, or disable the trigger)",
    ]);
    expect(batches.blobNames).toHaveLength(4);
  });

  it("declares the runs despite the source trigger when asked", () => {
    const stack = newStack("test", { providers: true });
    importBatches(stack, {
      pipeline: importPipeline(stack, { sourceTriggerEnabled: true }),
      runsDespiteSourceTrigger: true,
    });
    expect(runs(synth(stack))).toHaveLength(4);
  });

  it("waits, run by run, for the export run of its batch in the same stack", () => {
    const stack = newStack("test", { providers: true });
    const exported = exportBatches(stack, {}, "ExportBatches");
    const pipeline = ImportPipeline.fromPipelineId(
      stack,
      "Import",
      `${ids.REGISTRY_ID}/importPipelines/importPipeline`,
    );
    importBatches(
      stack,
      {
        pipeline,
        exportBatches: exported,
        runNamePrefix: "bulkimport202611",
        outputPrefix: "imports",
      },
      "ImportBatches",
    );
    const all = runs(synth(stack));
    const exportAddress = new Map(
      all
        .filter(([a]) => a.includes("ExportBatches"))
        .map(([a, r]) => [r.body.properties.request.target.name, a]),
    );
    const imports = all.filter(([a]) => a.includes("ImportBatches"));
    expect(imports).toHaveLength(4);
    for (const [, run] of imports) {
      expect(run.depends_on).toContain(exportAddress.get(run.body.properties.request.source.name));
    }
  });

  it("orders the stacks instead when the export batch set is in another stack", () => {
    const source = newStack("test", { providers: true });
    const exported = exportBatches(source);
    const target = new TerraformStack(source.node.root, "target");
    new AzapiProvider(target, "Azapi");
    new AzurermProvider(target, "Azurerm", { features: [{}] });
    // Both sides' pipelines are on one registry here, and run names are unique per registry.
    importBatches(target, { exportBatches: exported, runNamePrefix: "bulkin202611" });
    expect(target.dependencies).toEqual([source]);
    for (const [, run] of runs(synth(target))) {
      expect(run.depends_on.filter((d: string) => d.includes("Batches"))).toEqual([]);
    }
  });
});

describe("both sides' plan", () => {
  it("is a pure function of the artifacts and settings, the same list or file", () => {
    const fromList = exportBatches(newStack("test", { providers: true }), SETTINGS);
    const again = importBatches(newStack("test", { providers: true }), SETTINGS);
    expect(again.blobNames).toEqual(fromList.blobNames);
  });
});

/** An import pipeline made elsewhere. */
function importedPipeline(stack: TerraformStack): IImportPipeline {
  return ImportPipeline.fromPipelineId(
    stack,
    "Import",
    `${ids.REGISTRY_ID}/importPipelines/importPipeline`,
  );
}

describe("ImportBatches given the export side", () => {
  it("refuses import runs that read blobs no export run writes (another blobNamePrefix)", () => {
    const stack = newStack("test", { providers: true });
    const exported = exportBatches(stack, {}, "ExportBatches");
    expect(() =>
      importBatches(
        stack,
        {
          pipeline: importedPipeline(stack),
          exportBatches: exported,
          blobNamePrefix: "other-",
          runNamePrefix: "imports202611",
        },
        "ImportBatches",
      ),
    ).toThrow(
      `test/ImportBatches: blobNamePrefix "other-" makes the 4 import runs read blobs that no ` +
        'export run of test/ExportBatches writes (this side reads "other-b00", the export side ' +
        'writes "bulk-2026-11-b00"). rule: every import run reads a blob an export run writes. ' +
        "fix: give both sides the same blobNamePrefix.",
    );
  });

  it("gives each import run the tag of its batch: the rerun token and the artifacts' digest", () => {
    const stack = newStack("test", { providers: true });
    const exported = exportBatches(stack, { rerunToken: "2026-11-26" }, "ExportBatches");
    const imported = importBatches(
      stack,
      {
        pipeline: importedPipeline(stack),
        exportBatches: exported,
        rerunToken: "2026-11-26",
        runNamePrefix: "imports202611",
        outputPrefix: "imports",
      },
      "ImportBatches",
    );
    const tags = runs(synth(stack))
      .filter(([a]) => a.includes("ImportBatches"))
      .map(([, r]) => r.body.properties.forceUpdateTag);
    expect(tags).toEqual(imported.batches.map((b) => `2026-11-26.${artifactsDigest(b.artifacts)}`));
    expect(new Set(tags).size).toBe(4);
    const exportTags = runs(synth(stack))
      .filter(([a]) => a.includes("ExportBatches"))
      .map(([, r]) => r.body.properties.forceUpdateTag);
    expect(exportTags).toEqual(Array(4).fill("2026-11-26"));
  });
});
