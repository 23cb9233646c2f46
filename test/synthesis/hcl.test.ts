import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it, vi } from "vitest";
import { EXAMPLES } from "../../examples/app";
import { ExportPipeline, ExportPipelineRun } from "../../lib";
import { hclBodies, jsonBodies, synthHclParsed } from "../support/hcl";
import { REGISTRY_ID } from "../support/ids";
import { TEST_STACKS } from "../support/stacks";

// Compiles, spawns processes or synthesizes whole apps: slower than vitest's 5 s default.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe("cdktf synth --hcl (the way off CDKTF, docs/migration.md)", () => {
  for (const { name, build } of TEST_STACKS) {
    it(`${name}: parses as HCL and carries the same azapi bodies as the JSON`, async () => {
      const parsed = await synthHclParsed(build());
      expect(hclBodies(parsed)).toEqual(jsonBodies(build()));
    });
  }

  for (const example of EXAMPLES) {
    it(`example ${example.name}: every stack parses as HCL with the same azapi bodies`, async () => {
      for (const stack of example.add(Testing.app())) {
        const parsed = await synthHclParsed(stack);
        expect(hclBodies(parsed), stack.node.id).toEqual(jsonBodies(stack));
      }
    });
  }
});

describe("literal strings in azapi bodies survive HCL", () => {
  it("keeps numeric-looking, bracketed and template-like strings as strings", async () => {
    const stack = new TerraformStack(Testing.app(), "tricky");
    const pipeline = ExportPipeline.fromPipelineId(
      stack,
      "Pipeline",
      `${REGISTRY_ID}/exportPipelines/myExportPipeline`,
    );
    new ExportPipelineRun(stack, "Run", {
      pipeline,
      runName: "tricky01",
      blobName: "nightly-2026",
      artifacts: ["samples/hello-world:v1"],
      rerunToken: '[nightly]"100%"\\${x}%{y}',
    });
    const parsed = await synthHclParsed(stack);
    expect(hclBodies(parsed)).toEqual(jsonBodies(stack));
  });
});
