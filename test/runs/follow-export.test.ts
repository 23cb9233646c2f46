import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { ExportPipeline, ExportPipelineRun, ImportPipeline, ImportPipelineRun } from "../../lib";
import * as ids from "../support/ids";
import { artifactsDigest, followingTag } from "../../lib/runs/exported-blob";
import { newStack } from "../support/new-stack";
import { importPipeline } from "../support/pipelines";

// An ImportPipelineRun tied to the ExportPipelineRun whose blob it reads runs again whenever
// the export run's artifacts or rerun token change.

const ARTIFACTS = ["samples/nginx:v1", "samples/hello-world:v1"];

/** An export run and an import run of `stack`, the import tied to the export. */
function tiedRuns(
  stack: TerraformStack,
  exportRerunToken?: string,
  importRerunToken?: string,
  artifacts = ARTIFACTS,
): { exported: ExportPipelineRun; imported: ImportPipelineRun } {
  const exported = new ExportPipelineRun(stack, "ExportRun", {
    pipeline: ExportPipeline.fromPipelineId(
      stack,
      "Export",
      `${ids.REGISTRY_ID}/exportPipelines/exportPipeline`,
    ),
    runName: "exportrun1",
    blobName: "images",
    artifacts,
    rerunToken: exportRerunToken,
  });
  const imported = new ImportPipelineRun(stack, "ImportRun", {
    pipeline: ImportPipeline.fromPipelineId(
      stack,
      "Import",
      `${ids.REGISTRY_ID}/importPipelines/importPipeline`,
    ),
    runName: "importrun1",
    blobName: "images",
    exportRun: exported,
    rerunToken: importRerunToken,
  });
  return { exported, imported };
}

/** The synthesized azapi_resource of a run. */
function bodyOf(stack: TerraformStack, run: ImportPipelineRun | ExportPipelineRun): any {
  const doc = JSON.parse(Testing.synth(stack));
  return doc.resource.azapi_resource[stack.getLogicalId(run.resource)];
}

describe("the following tag", () => {
  it("is the digest of the artifacts, in any order, 16 hex characters", () => {
    expect(artifactsDigest(["b:1", "a:1"])).toBe(artifactsDigest(["a:1", "b:1"]));
    expect(artifactsDigest(["a:1"])).toMatch(/^[0-9a-f]{16}$/);
    expect(artifactsDigest(["a:1"])).not.toBe(artifactsDigest(["a:1", "b:1"]));
    // printf 'samples/hello-world:v1\nsamples/nginx:v1' | sha256sum | cut -c1-16
    expect(artifactsDigest(ARTIFACTS)).toBe("01fc961981c5249f");
  });

  it("puts the export run's token, the import run's own when another, then the digest", () => {
    const d = artifactsDigest(ARTIFACTS);
    expect(followingTag({ blobName: "x", artifacts: ARTIFACTS })).toBe(d);
    expect(followingTag({ blobName: "x", artifacts: ARTIFACTS, rerunToken: "t1" })).toBe(`t1.${d}`);
    expect(followingTag({ blobName: "x", artifacts: ARTIFACTS, rerunToken: "t1" }, "t1")).toBe(
      `t1.${d}`,
    );
    expect(followingTag({ blobName: "x", artifacts: ARTIFACTS, rerunToken: "t1" }, "t2")).toBe(
      `t1.t2.${d}`,
    );
    expect(followingTag({ blobName: "x", artifacts: ARTIFACTS }, "t2")).toBe(`t2.${d}`);
  });
});

describe("ImportPipelineRun tied to an ExportPipelineRun", () => {
  it("sends the following tag as forceUpdateTag, and waits for the export run", () => {
    const stack = newStack("test", { providers: true });
    const { exported, imported } = tiedRuns(stack, "2026-11-26");
    const run = bodyOf(stack, imported);
    expect(run.body.properties.forceUpdateTag).toBe(`2026-11-26.${artifactsDigest(ARTIFACTS)}`);
    expect(run.depends_on).toContain(`azapi_resource.${stack.getLogicalId(exported.resource)}`);
    expect(bodyOf(stack, exported).body.properties.forceUpdateTag).toBe("2026-11-26");
  });

  it("changes its tag when the export run's artifacts or token change, and only then", () => {
    const tag = (token?: string, artifacts = ARTIFACTS, own?: string) => {
      const stack = newStack("test", { providers: true });
      return bodyOf(stack, tiedRuns(stack, token, own, artifacts).imported).body.properties
        .forceUpdateTag;
    };
    const base = tag("a");
    expect(tag("a")).toBe(base);
    expect(tag("a", [...ARTIFACTS].reverse())).toBe(base);
    expect(tag("b")).not.toBe(base);
    expect(tag("a", [...ARTIFACTS, "samples/redis:v1"])).not.toBe(base);
    expect(tag("a", ARTIFACTS, "own")).not.toBe(base);
  });

  it("takes the export run's facts given by hand, for an export run in another app", () => {
    const stack = newStack("test", { providers: true });
    const run = new ImportPipelineRun(stack, "ImportRun", {
      pipeline: importPipeline(stack),
      runName: "importrun1",
      blobName: "images",
      exportRun: { blobName: "images", artifacts: ARTIFACTS, rerunToken: "2026-11-26" },
    });
    const body = bodyOf(stack, run);
    expect(body.body.properties.forceUpdateTag).toBe(`2026-11-26.${artifactsDigest(ARTIFACTS)}`);
    expect((body.depends_on ?? []).filter((d: string) => d.includes("Run"))).toEqual([]);
  });

  it("refuses a blob the export run does not write", () => {
    const stack = newStack("test", { providers: true });
    expect(
      () =>
        new ImportPipelineRun(stack, "ImportRun", {
          pipeline: importPipeline(stack),
          runName: "importrun1",
          blobName: "images2",
          exportRun: { blobName: "images", artifacts: ARTIFACTS },
        }),
    ).toThrow(
      'test/ImportRun: blobName "images2" is not the blob the export run writes ("images"). ' +
        "rule: an import run tied to an export run reads the blob that run writes. fix: use " +
        'blobName "images", or tie the run to the export run that writes "images2".',
    );
  });

  it("refuses artifacts only known at apply time", () => {
    const stack = newStack("test", { providers: true });
    const list = new TerraformVariable(stack, "images", { type: "list(string)" }).listValue;
    expect(
      () =>
        new ImportPipelineRun(stack, "ImportRun", {
          pipeline: importPipeline(stack),
          runName: "importrun1",
          blobName: "images",
          exportRun: { blobName: "images", artifacts: list },
        }),
    ).toThrow(
      /test\/ImportRun: exportRun\.artifacts .* are only known at apply time\. rule: an import run follows its export run by a digest of the artifacts, computed at synth on both sides\. fix: give the export run a literal list of artifacts, or leave exportRun unset and re-run the import with rerunToken\./,
    );
  });

  it("keeps a run without exportRun as it was: forceUpdateTag is the rerun token", () => {
    const stack = newStack("test", { providers: true });
    const run = new ImportPipelineRun(stack, "ImportRun", {
      pipeline: importPipeline(stack),
      runName: "importrun1",
      blobName: "images",
      rerunToken: "2026-11-26",
    });
    expect(bodyOf(stack, run).body.properties.forceUpdateTag).toBe("2026-11-26");
  });
});
