// The policy API as code the library did not write uses it: custom rules that answer wrongly
// or throw, levels from configs, suppressions of rule IDs that do not exist, suppressions given
// a path, and a pack added the cdk-nag way (Aspects.of(app)).
import { Aspects, Testing } from "cdktf";
import { invokeAspects } from "cdktf/lib/synthesize/synthesizer";
import { IConstruct } from "constructs";
import { describe, expect, it } from "vitest";
import {
  ITransferRule,
  PolicyLevel,
  RuleVerdict,
  TransferPolicyPack,
  TransferRuleIds,
  TransferRules,
  TransferSuppressions,
  TransferValidationError,
} from "../../lib";
import { addProviders } from "../../examples/shared/providers";
import { addPipeline, annotationsOf, pipelineStack, runStack } from "./fixtures";
import { newStack } from "../support/new-stack";

const REASON = "accepted for the pilot until 2027-01-01";

/** A custom rule on export pipelines that answers `answer`. */
function customRule(check: (construct: IConstruct) => unknown, extra: object = {}): ITransferRule {
  return {
    ruleId: "Contoso-Tags",
    level: PolicyLevel.ERROR,
    message: "transfer resources carry the cost-center tag",
    fix: "tag them",
    check: (construct: IConstruct) =>
      construct.node.id === "Pipeline"
        ? (check(construct) as RuleVerdict)
        : RuleVerdict.notApplicable(),
    ...extra,
  };
}

/** The error applying a pack of `rules` to a pipeline stack throws. */
function packError(rules: ITransferRule[]): Error {
  const stack = pipelineStack({ storage: "managed-identity" });
  Aspects.of(stack).add(new TransferPolicyPack({ rules }));
  try {
    invokeAspects(stack);
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected the pack to fail");
}

describe("custom rules are checked as they run", () => {
  it.each([
    ["false", false, "returned false, not a RuleVerdict"],
    ["undefined", undefined, "returned undefined, not a RuleVerdict"],
    ["a wrong shape", { ok: true }, 'returned {"ok":true}, not a RuleVerdict'],
    [
      "a status in the wrong case",
      { status: "noncompliant" },
      'did you mean the status "NonCompliant"?',
    ],
  ])("a result that is %s is an error naming the rule and the construct", (_t, answer, text) => {
    const err = packError([customRule(() => answer)]);
    expect(err).toBeInstanceOf(TransferValidationError);
    expect(err.message).toContain("policy/Pipeline: rule Contoso-Tags ");
    expect(err.message).toContain(text);
    expect(err.message).toContain(
      "rule: a rule's check returns RuleVerdict.compliant(), RuleVerdict.nonCompliant(detail) or RuleVerdict.notApplicable() for every construct.",
    );
  });

  it("reads a plain verdict object of a valid status (another copy of the library made it)", () => {
    const stack = pipelineStack({ storage: "managed-identity" });
    Aspects.of(stack).add(
      new TransferPolicyPack({
        rules: [customRule(() => ({ status: "NonCompliant", detail: "has no cost-center tag" }))],
      }),
    );
    invokeAspects(stack);
    expect(annotationsOf(stack).map((a) => a.message)).toContainEqual(
      expect.stringContaining("[Contoso-Tags] has no cost-center tag."),
    );
  });

  it("a detail that is not text is an error", () => {
    const err = packError([customRule(() => ({ status: "NonCompliant", detail: 42 }))]);
    expect(err.message).toContain(
      "rule Contoso-Tags returned a verdict whose detail is 42, not text",
    );
  });

  it("an error thrown inside a rule surfaces with the rule ID and the construct path", () => {
    const err = packError([
      customRule((c) => (c as unknown as { tags: { costCenter: string } }).tags.costCenter),
    ]);
    expect(err).toBeInstanceOf(TransferValidationError);
    expect(err.message).toMatch(
      /^policy\/Pipeline: rule Contoso-Tags threw while checking this construct: TypeError: Cannot read properties of undefined \(reading 'costCenter'\)\. rule: .+\. fix: fix the rule's check/,
    );
    expect((err as { cause?: unknown }).cause).toBeInstanceOf(TypeError);
  });

  it.each([
    ["warn", 'did you mean "warning" (PolicyLevel.WARNING)?'],
    ["Error", 'did you mean "error" (PolicyLevel.ERROR)?'],
    [undefined, "use PolicyLevel.ERROR or PolicyLevel.WARNING"],
    [2, "use PolicyLevel.ERROR or PolicyLevel.WARNING"],
  ])("an unknown level %s is an error, not a warning", (level, fix) => {
    const rule = customRule(() => RuleVerdict.compliant(), { level });
    const make = () => new TransferPolicyPack({ rules: [rule] });
    expect(make).toThrow(TransferValidationError);
    expect(make).toThrow(
      /^TransferPolicyPack rules\[0\] \(Contoso-Tags\): level .*(is not a PolicyLevel|is missing)\./,
    );
    expect(make).toThrow(fix);
  });

  it("a built-in rule given an unknown level names the rule", () => {
    expect(() => TransferRules.rerunToken({ level: "Warning" as PolicyLevel })).toThrow(
      'rule AcrTransfer-RerunToken: level "Warning" is not a PolicyLevel. rule: a rule\'s level is PolicyLevel.ERROR ("error": synth fails) or PolicyLevel.WARNING ("warning"). fix: did you mean "warning" (PolicyLevel.WARNING)?.',
    );
  });

  it("a rule without a check method, or with no message, is refused when the pack is made", () => {
    expect(
      () => new TransferPolicyPack({ rules: [customRule(() => 0, { check: "yes" })] }),
    ).toThrow('TransferPolicyPack: rules[0] (Contoso-Tags).check "yes" is not a method');
    expect(
      () => new TransferPolicyPack({ rules: [customRule(() => 0, { message: undefined })] }),
    ).toThrow("TransferPolicyPack: rules[0] (Contoso-Tags).message is not a string");
  });
});

describe("suppressions", () => {
  it("a suppression of a rule ID no pack has is reported, with the nearest ID", () => {
    const stack = runStack();
    addProviders(stack);
    const run = stack.node.findChild("Run");
    TransferSuppressions.add(run, "AcrTransfer-RerunTokn", REASON);
    Aspects.of(stack).add(new TransferPolicyPack({ rules: [TransferRules.rerunToken()] }));
    Testing.synth(stack, true);
    const errors = annotationsOf(stack).filter((a) => a.level === "error");
    expect(errors.map((a) => a.message)).toEqual([
      expect.stringMatching(/^\[AcrTransfer-RerunToken\] /),
    ]);
    const warnings = annotationsOf(stack).filter((a) => a.level === "warn");
    expect(warnings).toContainEqual({
      level: "warn",
      path: "policy/Run",
      message:
        'the suppression of "AcrTransfer-RerunTokn" names no rule of the policy packs that check this stack and no library warning, so it covers nothing. rule: a suppression names the exact ID of the rule or warning it covers. fix: did you mean "AcrTransfer-RerunToken"? use the rule\'s ID (TransferRuleIds for the built-in rules) or the warning\'s (TransferWarningIds), or remove the suppression.',
    });
  });

  it("a suppression of a custom rule of the pack, or of a built-in rule the pack leaves out, is not reported", () => {
    const stack = newStack("policy");
    addProviders(stack);
    const pipeline = addPipeline(stack);
    TransferSuppressions.add(pipeline, "Contoso-Tags", REASON);
    TransferSuppressions.add(pipeline, TransferRuleIds.RBAC_VAULT, REASON);
    Aspects.of(stack).add(
      new TransferPolicyPack({ rules: [customRule(() => RuleVerdict.compliant())] }),
    );
    Testing.synth(stack, true);
    expect(annotationsOf(stack).filter((a) => a.message.includes("the suppression of"))).toEqual(
      [],
    );
  });

  it("a built-in rule ID in another case is refused when added", () => {
    const stack = pipelineStack();
    const pipeline = stack.node.findChild("Pipeline");
    expect(() => TransferSuppressions.add(pipeline, "acrtransfer-rerunToken", REASON)).toThrow(
      'policy/Pipeline: ruleId "acrtransfer-rerunToken" differs from a built-in rule or warning ID only in case. rule: rule and warning IDs are matched exactly, so this suppression would cover nothing. fix: did you mean "AcrTransfer-RerunToken"? use the TransferRuleIds constant.',
    );
  });

  it.each([
    ["a path string", "policy/Pipeline", '"policy/Pipeline" is a path, not a construct'],
    ["undefined", undefined, "scope is not a construct"],
    ["a plain object", { id: "Pipeline" }, 'scope {"id":"Pipeline"} is not a construct'],
  ])("add given %s as the scope fails clearly", (_t, scope, text) => {
    const add = () =>
      TransferSuppressions.add(scope as unknown as IConstruct, TransferRuleIds.RERUN_TOKEN, REASON);
    expect(add).toThrow(TransferValidationError);
    expect(add).toThrow(`TransferSuppressions.add: ${text.startsWith('"') ? "scope " : ""}${text}`);
  });
});

describe("a pack added with Aspects.of(app)", () => {
  it("fails synth with the fix, since cdktf 0.21 never runs it", () => {
    const stack = pipelineStack({ storage: "sas" });
    Aspects.of(stack.node.scope!).add(new TransferPolicyPack());
    expect(() => Testing.synth(stack, true)).toThrow(
      "a TransferPolicyPack was added with Aspects.of(app).add(pack), which cdktf 0.21 never runs on stack policy, so no policy checked it. rule: cdktf runs aspects from each stack down; an aspect added above the stacks is never invoked. fix: call pack.applyTo(app) instead, once every stack exists",
    );
  });

  it("passes when the same pack is also on the stack", () => {
    const stack = pipelineStack({ storage: "managed-identity" });
    addProviders(stack);
    const pack = new TransferPolicyPack({ rules: [TransferRules.noContinueOnErrors()] });
    Aspects.of(stack.node.scope!).add(pack);
    pack.applyTo(stack.node.scope!);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});
