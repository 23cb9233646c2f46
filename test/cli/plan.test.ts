// --plan: the reviewer's red flags from `terraform show -json` output. The fixtures in plans/
// follow Terraform's documented JSON plan format (format_version, resource_changes with
// change.actions/before/after/after_unknown/replace_paths, action_reason, configuration).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PLANS, cli, synthExamples } from "./support";

// Synthesizes the examples and spawns processes: slower than vitest's 5 s default.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let outdir: string;
beforeAll(() => {
  outdir = synthExamples();
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** The red flags of each stack, from the JSON review of `target` (default: all of cdktf.out). */
function redFlags(
  plan: string,
  target = outdir,
): Record<string, { kind: string; address: string; actions: string; summary: string }[]> {
  const run = cli("review", target, "--format", "json", "--plan", join(PLANS, plan));
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const review = JSON.parse(run.stdout);
  return Object.fromEntries(
    review.stacks.filter((s: any) => s.plans.length > 0).map((s: any) => [s.name, s.redFlags]),
  );
}

describe("red flags", () => {
  it("goes to the stack that declares the plan's resources, and flags re-runs, rotations and replacements", () => {
    const flags = redFlags("seed-walkthrough-source.plan.json");
    expect(flags).toEqual({
      "seed-walkthrough-source": [
        {
          kind: "run",
          address: "azapi_resource.ExportRun_B3700227",
          actions: "update",
          summary:
            'run "myPipelineRunExport" re-runs: forceUpdateTag "2026-11-25" → "2026-11-26" (2 artifact(s), blob myblob)',
        },
        {
          kind: "secret",
          address: "azurerm_key_vault_secret.ExportSas_D137B233",
          actions: "update",
          summary:
            'secret "acrexportsas" changes its write-only version 1 → 2: Terraform writes a new token value',
        },
        {
          kind: "grant",
          address: "azurerm_key_vault_access_policy.ExportPipeline_SecretReadPolicy_B9D755A7",
          actions: "delete, create",
          summary:
            "access policy (secrets Get) on vault mysourcevault is replaced (object_id changed): removed, then made again; runs may fail until the new grant propagates",
        },
        {
          kind: "pipeline",
          address: "azapi_resource.ExportPipeline_7E997C27",
          actions: "delete, create",
          summary:
            'export pipeline "myExportPipeline" is replaced (location changed): it is deleted and created again, with a new system-assigned identity if it has one',
        },
      ],
    });
  });

  it("flags created runs, destroyed pipelines, removed grants and lost permissions, not plain updates", () => {
    const flags = redFlags("existing-resources.plan.json");
    expect(flags["existing-resources"].map((f) => `${f.kind} ${f.actions}: ${f.summary}`)).toEqual([
      'run create: run "nightly20261126" runs: it is created (2 artifact(s), blob nightly-2026-11-26)',
      'pipeline delete: import pipeline "importDrImages" is destroyed',
      'grant delete: role assignment "Storage Blob Data Contributor" on container contosoplatformxfer/outbound is removed',
      "grant update: access policy (secrets Get, List) on vault kv-contoso-platform loses secret permissions List",
    ]);
  });

  it("flags a run whose forceUpdateTag is known only after apply (a plan given with its stack dir)", () => {
    const flags = redFlags(
      "unknown-rerun-token.plan.json",
      join(outdir, "stacks", "seed-walkthrough-source"),
    );
    expect(flags["seed-walkthrough-source"]).toEqual([
      expect.objectContaining({
        kind: "run",
        summary:
          'run "myPipelineRunExport" may re-run: its forceUpdateTag is known only after apply',
      }),
    ]);
  });

  it("says which run failed and why, and how to re-run it when the plan does not", () => {
    const stack = join(outdir, "stacks", "seed-walkthrough-source");
    const error =
      "Blob 'myblob' already exists in container 'transfer'. Set OverwriteBlobs to overwrite it.";
    expect(redFlags("failed-run.plan.json", stack)["seed-walkthrough-source"]).toEqual([
      {
        kind: "run",
        address: "azapi_resource.ExportRun_B3700227",
        actions: "no-op",
        summary:
          `run "myPipelineRunExport" failed when last applied: ${error}; this plan does not ` +
          "re-run it (give it a new rerunToken, or terraform apply " +
          "-replace=azapi_resource.ExportRun_B3700227)",
      },
    ]);
    expect(redFlags("failed-run-rerun.plan.json", stack)["seed-walkthrough-source"]).toEqual([
      expect.objectContaining({
        actions: "update",
        summary:
          'run "myPipelineRunExport" re-runs: forceUpdateTag "2026-11-25" → "2026-11-26" ' +
          `(2 artifact(s), blob myblob); it failed when last applied: ${error}`,
      }),
    ]);
  });

  it("takes several plans, each to its own stack, and shows them in the Markdown report", () => {
    const run = cli(
      "review",
      outdir,
      "--plan",
      join(PLANS, "seed-walkthrough-source.plan.json"),
      `--plan=${join(PLANS, "existing-resources.plan.json")}`,
      "--max-length=0",
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Plan: 8 red flag(s).");
    expect(run.stdout).toMatch(/^## Plan red flags \(8\)$/m);
    expect(run.stdout.match(/^Plan: 4 red flag\(s\), from `/gm)).toHaveLength(2);
    expect(run.stdout).toMatch(
      /^- \*\*pipeline\*\* `azapi_resource.DrImportPipeline_C5F2AC4D` in `existing-resources` \(delete\): import pipeline "importDrImages" is destroyed$/m,
    );
  });
});

describe("plans the review cannot use", () => {
  it.each([
    ["state.json", /is not a Terraform JSON plan/],
    ["other-app.plan.json", /plans none of the resources of bulk-transfer-source, /],
    ["missing.json", /--plan .*missing\.json does not exist\n$/],
    ["unknown-rerun-token.plan.json", /fits .* equally; review the plan's stack directory/],
  ])("%s exits 2", (file, message) => {
    const run = cli("review", outdir, "--plan", join(PLANS, file));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("a file that is not JSON exits 2", () => {
    const run = cli("review", outdir, "--plan", join(__dirname, "plan.test.ts"));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^cdktf-acr-transfer: --plan .*plan\.test\.ts is not valid JSON( \(at character \d+\))?\n$/,
    );
    expect(run.stderr).not.toContain("import");
  });
});
