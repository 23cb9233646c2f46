// The CDK Terrain flavor (cdktn-acr-transfer) against the cdktf one, in one process: the same
// examples synthesize the same Terraform, policy packs fail synth on an error, the testing
// harness works with cdktn's Testing, and an app of one core with the library of the other
// fails at once instead of synthesizing without the library's checks.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cdktf from "cdktf";
import { afterAll, describe, expect, it, vi } from "vitest";
import * as cdktfExamples from "../../examples/app";
import * as cdktfProviders from "../../examples/shared/providers";
import * as cdktfLib from "../../lib";
import { readSynthOutput } from "../../lib/model/synth-output";
import { ROOT, loadCdktnFlavor } from "./cdktn-flavor";
import { Flavor, transferStack } from "./transfer-stack";

// Loading the second core and provider 16 and synthesizing every example twice.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const cdktn = loadCdktnFlavor();
const CDKTF: Flavor = { core: cdktf, lib: cdktfLib, providers: cdktfProviders };

const outdirs: string[] = [];
afterAll(() => outdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function appOf(core: typeof cdktf): cdktf.App {
  const outdir = mkdtempSync(join(tmpdir(), "acr-flavor-"));
  outdirs.push(outdir);
  return new core.App({ outdir, stackTraces: false });
}

/** Every stack of every example, synthesized by `Testing.synth` of the flavor's core. */
function synthExamples(core: typeof cdktf, examples: typeof cdktfExamples): Map<string, string> {
  const stacks = examples.EXAMPLES.flatMap((example) => example.add(core.Testing.app()));
  return new Map(stacks.map((stack) => [stack.node.id, core.Testing.synth(stack)]));
}

/** The stack's JSON without the azurerm provider's version pin (14.x and 16.x pin their own). */
function withoutAzurermPin(text: string): { doc: any; pin: string } {
  const doc = JSON.parse(text);
  const pin = doc.terraform.required_providers.azurerm.version;
  delete doc.terraform.required_providers.azurerm.version;
  return { doc, pin };
}

describe("the cdktn flavor's build", () => {
  it("is the library compiled against cdktn, not cdktf", () => {
    const seam = readFileSync(join(ROOT, "build/cdktn/package/dist/core/cdk.js"), "utf8");
    expect(seam).toContain('require("cdktn")');
    expect(seam).not.toMatch(/require\("cdktf/);
    const azurerm = readFileSync(join(ROOT, "build/cdktn/package/dist/core/azurerm.js"), "utf8");
    expect(azurerm).toContain('require("@cdktn/provider-azurerm/lib/container-registry")');
    expect(azurerm).not.toContain("@cdktf/");
  });

  it("has the manifest of cdktn-acr-transfer: cdktn peers, no cdktf anywhere", () => {
    const manifest = JSON.parse(
      readFileSync(join(ROOT, "build/cdktn/package/package.json"), "utf8"),
    );
    expect(manifest.name).toBe("cdktn-acr-transfer");
    expect(manifest.peerDependencies).toEqual({
      cdktn: "^0.24.0",
      constructs: ">=10.6.0 <10.8.0",
      "@cdktn/provider-azurerm": "^16.1.0",
      vitest: "^4.1.0",
    });
    expect(manifest.bin).toEqual({
      "cdktn-acr-transfer": "dist/cli/main.js",
      "cdktf-acr-transfer": "dist/cli/main.js",
    });
    // It ships what the cdktf package ships, but the jsii assembly (built against cdktf).
    const cdktfFiles = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).files;
    expect(manifest.files).toEqual(cdktfFiles.filter((entry: string) => entry !== ".jsii"));
    expect(manifest.jsii).toBeUndefined();
    expect(manifest.keywords).toEqual(expect.arrayContaining(["cdktn", "azure", "acr"]));
    expect(manifest.keywords).not.toContain("cdktf");
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    expect(JSON.stringify(manifest.dependencies ?? {})).not.toContain("cdktf");
  });
});

describe("every example on both flavors", () => {
  const onCdktf = synthExamples(cdktf, cdktfExamples);
  const onCdktn = synthExamples(cdktn.core, cdktn.examples);

  it("has the same stacks", () => {
    expect([...onCdktn.keys()]).toEqual([...onCdktf.keys()]);
    expect(onCdktf.size).toBeGreaterThanOrEqual(12);
  });

  for (const [id, text] of onCdktf) {
    it(`${id}: byte-identical resources, data sources, outputs and providers`, () => {
      const mine = JSON.parse(text);
      const theirs = JSON.parse(onCdktn.get(id)!);
      for (const block of ["resource", "data", "output", "variable", "provider", "locals"]) {
        expect(JSON.stringify(theirs[block]), block).toBe(JSON.stringify(mine[block]));
      }
    });

    it(`${id}: the same Terraform JSON but the azurerm provider's version pin`, () => {
      const mine = withoutAzurermPin(text);
      const theirs = withoutAzurermPin(onCdktn.get(id)!);
      expect(theirs.doc).toEqual(mine.doc);
      expect(theirs.pin).toMatch(/^4\.\d+\.\d+$/);
    });
  }
});

describe("policy packs on cdktn", () => {
  it("fail synth on an error finding, as on cdktf", () => {
    for (const flavor of [CDKTF, cdktn]) {
      const app = appOf(flavor.core);
      transferStack(flavor, app);
      const { TransferPolicyPack, TransferRules } = flavor.lib;
      new TransferPolicyPack({ rules: [TransferRules.managedIdentityStorageOnly()] }).applyTo(app);
      expect(() => app.synth()).toThrow(
        /\[transfer\/Export\] \[AcrTransfer-ManagedIdentityStorage\] export pipeline "nightlyexport" uses storage access mode SasToken/,
      );
    }
  });

  it("write warnings the review reads: cdktn keeps cdktf's annotation levels", () => {
    const app = appOf(cdktn.core);
    const { exporter } = transferStack(cdktn, app);
    const { TransferPolicyPack, TransferRules, TransferSuppressions, TransferRuleIds } = cdktn.lib;
    TransferSuppressions.add(
      exporter,
      TransferRuleIds.MANAGED_IDENTITY_STORAGE,
      "the source side has no managed identity yet: see the migration plan",
    );
    const rules = [TransferRules.managedIdentityStorageOnly(), TransferRules.noContinueOnErrors()];
    new TransferPolicyPack({ rules }).applyTo(app);
    app.synth();
    const manifest = JSON.parse(readFileSync(join(app.outdir, "manifest.json"), "utf8"));
    const levels = manifest.stacks.transfer.annotations.map((a: { level: string }) => a.level);
    expect(levels).toContain("@cdktf/info");
    const [stack] = readSynthOutput(app.outdir);
    expect(stack.annotations.map((a) => a.level)).toContain("info");
    expect((stack.doc as any)["//"]).toHaveProperty("metadata.acrTransferPolicy.findings");
  });
});

describe("the testing harness with cdktn's Testing", () => {
  const { stack, exporter } = transferStack(cdktn, cdktn.core.Testing.app());
  const matchers = cdktn.testing.transferMatchers;
  const state = {} as never;

  it("synthJson gives the JSON of cdktn's Testing.synth", () => {
    // cdktn 0.24 prints empty arrays on one line, where cdktf (and synthJson) take two.
    expect(JSON.parse(cdktn.testing.synthJson(stack))).toEqual(
      JSON.parse(cdktn.core.Testing.synth(stack)),
    );
  });

  it("matchers find the pipelines and the run, and say what is missing", () => {
    expect(matchers.toHaveExportPipeline.call(state, stack, { name: "nightlyexport" }).pass).toBe(
      true,
    );
    expect(matchers.toHavePipelineRun.call(state, stack, { name: "nightlyrun1" }).pass).toBe(true);
    expect(matchers.toGrantSecretRead.call(state, stack, exporter).pass).toBe(true);
    const missing = matchers.toHaveImportPipeline.call(state, stack, { name: "nope" });
    expect(missing.pass).toBe(false);
    expect(missing.message()).toMatch(/nightlyimport/);
  });

  it("the conformance check passes the stack, and fails a broken one", () => {
    expect(cdktn.testing.checkTransferConformance(stack)).toEqual([]);
    expect(matchers.toPassTransferConformance.call(state, stack).pass).toBe(true);
    const broken = JSON.parse(cdktn.testing.synthJson(stack));
    delete broken.resource.azapi_resource[Object.keys(broken.resource.azapi_resource)[0]].body;
    expect(cdktn.testing.checkTransferConformance(JSON.stringify(broken))).not.toEqual([]);
  });
});

describe("an app on another copy of the CDK core than the library", () => {
  it("a cdktn app with the cdktf flavor fails at the first construct, naming the fix", () => {
    expect(() => transferStack({ ...CDKTF, core: cdktn.core }, appOf(cdktn.core))).toThrow(
      /the app is built on cdktn@0\.24\.0 .*but cdktf-acr-transfer on cdktf@0\.21\.0 .*its synth would skip the library's aspects .*fix: the app is a cdktn app: install cdktn-acr-transfer instead of cdktf-acr-transfer/,
    );
  });

  it("a cdktf app with the cdktn flavor fails the same way", () => {
    expect(() => transferStack({ ...cdktn, core: cdktf }, appOf(cdktf))).toThrow(
      /the app is built on cdktf@0\.21\.0 .*but cdktn-acr-transfer on cdktn@0\.24\.0 .*fix: the app is a cdktf app: install cdktf-acr-transfer instead of cdktn-acr-transfer/,
    );
  });

  it("a policy pack applied to an app of the other core fails before synth could skip it", () => {
    const { TransferPolicyPack, TransferRules } = cdktfLib;
    const pack = new TransferPolicyPack({ rules: [TransferRules.managedIdentityStorageOnly()] });
    expect(() => pack.applyTo(appOf(cdktn.core))).toThrow(/the app is built on cdktn@0\.24\.0/);
  });

  it("two copies of cdktf: the app on one, the library on the other", () => {
    // A second copy of cdktf, as npm leaves one under a nested node_modules: the same files
    // loaded again after clearing require's cache.
    const script = `
      const lib = require("./dist");
      for (const key of Object.keys(require.cache)) {
        if (/node_modules[\\\\/]cdktf[\\\\/]/.test(key)) delete require.cache[key];
      }
      const second = require("cdktf");
      const pack = new lib.TransferPolicyPack({ rules: [] });
      try { pack.applyTo(new second.App()); } catch (e) { console.log(e.message); }`;
    const output = execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(output).toMatch(
      /the app is built on cdktf@0\.21\.0 .*but cdktf-acr-transfer on cdktf@0\.21\.0 .*fix: keep one copy of cdktf in node_modules/,
    );
  });
});
