// The pack as an aspect: errors fail synth, warnings do not, suppressions need a reason, the
// results land in the stack's "//" metadata (not in the Terraform configuration), and the
// library's constructs are recognized without instanceof.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { App, Aspects, TerraformStack, Testing } from "cdktf";
import { IConstruct } from "constructs";
import { afterAll, describe, expect, it } from "vitest";
import {
  ExportOption,
  PolicyLevel,
  RuleVerdict,
  TransferConstructs,
  TransferPolicyPack,
  TransferRule,
  TransferRuleIds,
  TransferRules,
  TransferSuppressions,
} from "../../lib";
import { synthJson } from "../../lib/testing";
import { addProviders } from "../../examples/shared/providers";
import { addPipeline, annotationsOf, applyPack, pipelineStack } from "./fixtures";

const outdirs: string[] = [];
afterAll(() => outdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function appIn(): App {
  const outdir = mkdtempSync(join(tmpdir(), "acr-policy-"));
  outdirs.push(outdir);
  return new App({ outdir, stackTraces: false });
}

/** A stack with its providers, as synth validates. */
function teamStack(app: App, id = "team"): TerraformStack {
  const stack = new TerraformStack(app, id);
  addProviders(stack);
  return stack;
}

const REASON = "kept on purpose: see the platform runbook, section 4";

describe("synth", () => {
  it("fails on an error finding, naming the construct, the rule and the fix", () => {
    const app = appIn();
    addPipeline(teamStack(app), { storage: "sas" });
    new TransferPolicyPack({ rules: [TransferRules.managedIdentityStorageOnly()] }).applyTo(app);
    expect(() => app.synth()).toThrow(
      /\[team\/Pipeline\] \[AcrTransfer-ManagedIdentityStorage\] export pipeline "exportpipeline" uses storage access mode SasToken\. .*fix: use StorageAccess\.managedIdentity\(\)/,
    );
  });

  it("goes on past a warning, which lands in manifest.json with the record in the stack JSON", () => {
    const app = appIn();
    addPipeline(teamStack(app), { options: [ExportOption.CONTINUE_ON_ERRORS] });
    new TransferPolicyPack({ rules: [TransferRules.noContinueOnErrors()] }).applyTo(app);
    app.synth();
    const manifest = JSON.parse(readFileSync(join(app.outdir, "manifest.json"), "utf8"));
    // The stack's other annotation is the library's note of what its deployer needs.
    const warnings = manifest.stacks.team.annotations.filter(
      (a: { level: string }) => a.level === "@cdktf/warn",
    );
    expect(warnings).toEqual([
      {
        constructPath: "team/Pipeline",
        level: "@cdktf/warn",
        message: expect.stringMatching(/^\[AcrTransfer-NoContinueOnErrors\] /),
      },
    ]);
    const stack = JSON.parse(readFileSync(join(app.outdir, "stacks/team/cdk.tf.json"), "utf8"));
    expect(stack["//"].metadata.acrTransferPolicy.findings).toEqual([
      expect.objectContaining({ ruleId: TransferRuleIds.NO_CONTINUE_ON_ERRORS, level: "warning" }),
    ]);
  });

  it("passes once the finding is suppressed", () => {
    const app = appIn();
    const stack = teamStack(app);
    const pipeline = addPipeline(stack, { storage: "sas" });
    TransferSuppressions.add(pipeline, TransferRuleIds.MANAGED_IDENTITY_STORAGE, REASON);
    new TransferPolicyPack({ rules: [TransferRules.managedIdentityStorageOnly()] }).applyTo(app);
    expect(() => app.synth()).not.toThrow();
  });

  it("needs applyTo (or a pack per stack): a pack added to the App, which cdktf 0.21 never runs, fails synth with the fix", () => {
    const app = appIn();
    addPipeline(teamStack(app), { storage: "sas" });
    Aspects.of(app).add(new TransferPolicyPack());
    expect(() => app.synth()).toThrow(
      /\[team\] a TransferPolicyPack was added with Aspects\.of\(app\)\.add\(pack\).+fix: call pack\.applyTo\(app\) instead/,
    );
  });

  it("fails when a stack is added after applyTo, so no stack goes unchecked", () => {
    const app = appIn();
    addPipeline(teamStack(app, "first"), { identity: "system" });
    new TransferPolicyPack({ rules: [TransferRules.rerunToken()] }).applyTo(app);
    addPipeline(teamStack(app, "late"), { identity: "system", pipelineName: "latepipeline" });
    expect(() => app.synth()).toThrow(/stack late was added after TransferPolicyPack\.applyTo/);
  });

  it("annotates once, however often cdktf runs the aspects", () => {
    const app = appIn();
    const stack = teamStack(app);
    addPipeline(stack, { options: [ExportOption.CONTINUE_ON_ERRORS] });
    new TransferPolicyPack({ rules: [TransferRules.noContinueOnErrors()] }).applyTo(app);
    Testing.synth(stack);
    app.synth();
    expect(annotationsOf(stack).filter((a) => a.level === "warn")).toHaveLength(1);
  });
});

describe("the record", () => {
  it("stays out of the Terraform configuration that Testing.synth and synthJson print", () => {
    const plain = synthJson(pipelineStack({ storage: "sas" }));
    const stack = pipelineStack({ storage: "sas" });
    Aspects.of(stack).add(new TransferPolicyPack({ rules: TransferRules.recommended() }));
    expect(synthJson(stack)).toBe(plain);
    expect(Testing.synth(stack)).toBe(plain);
  });

  it("is the same for the same app, rules sorted by ID and findings by path", () => {
    const build = () => {
      const stack = pipelineStack({ storage: "sas", identity: "system" });
      return JSON.stringify(applyPack(stack, TransferRules.recommended()).record);
    };
    const first = build();
    expect(build()).toBe(first);
    const record = JSON.parse(first);
    const ids = record.rules.map((r: { ruleId: string }) => r.ruleId);
    expect(ids).toEqual([...ids].sort());
    expect(record.findings.map((f: { path: string }) => f.path)).toEqual([
      "policy/Pipeline",
      "policy/Pipeline",
    ]);
  });

  it("lists every rule of a pack applied to the stack, even one nothing applied to", () => {
    const { record } = applyPack(pipelineStack(), TransferRules.recommended());
    expect(record.rules).toHaveLength(TransferRules.recommended().length);
  });

  it("lists a suppression that covered nothing, so reviewers see stale ones", () => {
    const stack = pipelineStack();
    TransferSuppressions.add(stack, TransferRuleIds.RERUN_TOKEN, REASON);
    const { record } = applyPack(stack, [TransferRules.rerunToken()]);
    expect(record.suppressions).toEqual([
      { path: "policy", ruleId: TransferRuleIds.RERUN_TOKEN, reason: REASON, covered: 0 },
    ]);
  });
});

describe("suppressions", () => {
  it("require a reason of at least 10 characters, and a rule ID", () => {
    const stack = pipelineStack();
    expect(() => TransferSuppressions.add(stack, TransferRuleIds.RERUN_TOKEN, "")).toThrow(
      /policy: reason "" has 0 characters, fewer than 10\. rule: every suppression, which the review report lists beside each finding it covers, carries a reason of at least 10 visible characters.*fix: say why/,
    );
    expect(() => TransferSuppressions.add(stack, TransferRuleIds.RERUN_TOKEN, "ok")).toThrow(
      /reason/,
    );
    expect(() => TransferSuppressions.add(stack, " ", REASON)).toThrow(/ruleId " " is blank/);
  });

  it("cover one rule only", () => {
    const stack = pipelineStack({ storage: "sas", identity: "system" });
    TransferSuppressions.add(stack, TransferRuleIds.MANAGED_IDENTITY_STORAGE, REASON);
    const { annotations } = applyPack(stack, TransferRules.recommended());
    expect(annotations.map((a) => a.message.slice(0, a.message.indexOf("]") + 1))).toEqual([
      `[${TransferRuleIds.USER_ASSIGNED_IDENTITY}]`,
    ]);
  });
});

describe("rules of your own", () => {
  /** A team rule: pipeline names start with the team's prefix. */
  class PipelinePrefix extends TransferRule {
    public constructor(private readonly prefix: string) {
      super(
        "Contoso-PipelinePrefix",
        PolicyLevel.WARNING,
        `pipeline names start with "${prefix}"`,
        "rename the pipeline",
      );
    }

    public check(construct: IConstruct): RuleVerdict {
      const pipeline = TransferConstructs.pipelineOf(construct);
      if (!pipeline) return RuleVerdict.notApplicable();
      return pipeline.pipelineName.startsWith(this.prefix)
        ? RuleVerdict.compliant()
        : RuleVerdict.nonCompliant(`pipeline "${pipeline.pipelineName}" lacks the prefix`);
    }
  }

  it("run beside the built-in ones, recorded and suppressible the same way", () => {
    const { annotations, record } = applyPack(pipelineStack(), [new PipelinePrefix("contoso")]);
    expect(annotations).toEqual([
      expect.objectContaining({
        level: "warn",
        message: expect.stringMatching(
          /^\[Contoso-PipelinePrefix\] pipeline "exportpipeline" lacks the prefix\./,
        ),
      }),
    ]);
    expect(record.rules[0]).toMatchObject({
      ruleId: "Contoso-PipelinePrefix",
      checked: 1,
      failed: 1,
    });
  });

  it("may be a plain object implementing ITransferRule", () => {
    const rule = {
      ruleId: "Contoso-Nothing",
      level: PolicyLevel.ERROR,
      message: "never fails",
      fix: "nothing",
      check: () => RuleVerdict.compliant(),
    };
    const { record } = applyPack(pipelineStack(), [rule]);
    expect(record.rules[0].checked).toBeGreaterThan(0);
  });

  it("must have unique IDs within a pack", () => {
    expect(
      () =>
        new TransferPolicyPack({ rules: [TransferRules.rerunToken(), TransferRules.rerunToken()] }),
    ).toThrow(/lists AcrTransfer-RerunToken more than once/);
  });
});

describe("recognizing the library's constructs", () => {
  it("works across two copies of the library (no instanceof): dist/ constructs, lib/ rules", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const dist = require(resolve(__dirname, "../../dist/index.js"));
    const stack = new TerraformStack(Testing.app(), "policy");
    const registry = dist.RegistryRef.fromRegistryId(
      stack,
      "Registry",
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/myregistry",
      { location: "eastus" },
    );
    new dist.ExportPipeline(stack, "Pipeline", {
      registry,
      pipelineName: "exportpipeline",
      container: dist.TransferContainer.fromUrl(
        stack,
        "Container",
        "https://accountname.blob.core.windows.net/transfer",
      ),
      storageAccess: dist.StorageAccess.sasToken(
        dist.SasTokenSecret.fromSecretUri(
          stack,
          "Secret",
          "https://myvault.vault.azure.net/secrets/sas",
        ),
      ),
    });
    const { record } = applyPack(stack, [
      TransferRules.managedIdentityStorageOnly(),
      TransferRules.userAssignedIdentityOnly(),
    ]);
    expect(record.findings.map((f) => f.ruleId)).toEqual([
      TransferRuleIds.MANAGED_IDENTITY_STORAGE,
      TransferRuleIds.USER_ASSIGNED_IDENTITY,
    ]);
  });

  it("reads pipelines, runs and secrets, and nothing else", () => {
    const stack = pipelineStack({ storage: "sas", side: "import" });
    const pipeline = TransferConstructs.pipelineOf(stack.node.findChild("Pipeline"));
    expect(pipeline).toEqual({
      path: "policy/Pipeline",
      side: "import",
      pipelineName: "importpipeline",
      apiVersion: "2025-06-01-preview",
      storageAccessMode: "SasToken",
      identityType: "UserAssigned",
      options: [],
      sourceTriggerEnabled: true,
    });
    expect(TransferConstructs.secretOf(stack.node.findChild("Secret"))).toMatchObject({
      source: "WriteOnly",
      vaultAccessModel: "Rbac",
    });
    expect(TransferConstructs.pipelineOf(stack)).toBeUndefined();
    expect(TransferConstructs.runOf(stack.node.findChild("Pipeline"))).toBeUndefined();
    expect(TransferConstructs.secretOf(stack.node.findChild("Pipeline"))).toBeUndefined();
  });
});
