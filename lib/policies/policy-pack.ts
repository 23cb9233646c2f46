import { annotateWithoutTrace } from "../private/annotations";
import { AnnotationMetadataEntryType, Aspects, IAspect, TerraformStack } from "../core/cdk";
import { assertSameCore } from "../core/same-core";
import { IConstruct } from "constructs";
import { TransferValidationError } from "../validation/error";
import { BUILT_IN_WARNING_IDS } from "../arm/warning-ids";
import { POLICY_PACK_MARK } from "../private/app-aspects";
import { acceptanceHint, findSuppression, ownSuppressions } from "../private/suppression-metadata";
import { IPolicyRecorder, recorderOf } from "./policy-recorder";
import { ITransferRule, PolicyLevel, RuleStatus } from "./rule";
import { checkRule, runRule } from "./rule-checks";
import { TransferRules } from "./transfer-rules";

/** Props of a policy pack. */
export interface TransferPolicyPackProps {
  /**
   * The rules to apply: built-in ones from TransferRules, your own, or both.
   * @default TransferRules.recommended()
   */
  readonly rules?: ITransferRule[];
}

/**
 * A policy rule pack, applied as an aspect to each stack, `Aspects.of(stack).add(pack)`, or to
 * every stack of an app with `pack.applyTo(app)` (cdktf 0.21 runs aspects from each stack down,
 * so an aspect added to the App itself is never run: such a pack fails synth with that fix).
 * Every construct under the scope is
 * checked by every rule. A finding that no
 * TransferSuppressions.add covers becomes an error annotation (synth fails) or a warning
 * annotation, by the rule's level. Rule results, findings and suppressions (with their
 * reasons) are written into each stack's synthesized JSON, under `"//".metadata.acrTransferPolicy`,
 * where the review command reads them.
 */
export class TransferPolicyPack implements IAspect {
  /** The rules the pack applies. */
  public readonly rules: ITransferRule[];
  /** Constructs already checked: cdktf may run aspects more than once (tests, then synth). */
  private readonly visited = new WeakSet<IConstruct>();
  /** The recorders this pack has told its rule IDs. */
  private readonly introduced = new WeakSet<IPolicyRecorder>();

  /** A pack of `props.rules`; rule IDs must be unique. */
  public constructor(props: TransferPolicyPackProps = {}) {
    Object.defineProperty(this, POLICY_PACK_MARK, { value: true });
    this.rules = [...(checkedRules(props) ?? TransferRules.recommended())];
    const ids = this.rules.map((rule) => rule.ruleId);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (repeated.length > 0) {
      throw new TransferValidationError("TransferPolicyPack", "rules", ids, {
        problem: `lists ${[...new Set(repeated)].join(", ")} more than once`,
        rule: "rule IDs are unique within a pack (suppressions and reports name rules by ID)",
        fix: "keep one rule per ID",
      });
    }
  }

  /**
   * Adds the pack to every stack under `scope` (an App, a stage of stacks), or to `scope` when
   * it is a stack or inside one. Call it once the stacks exist: under an App, synth fails if a
   * stack was added later without the pack.
   */
  public applyTo(scope: IConstruct): void {
    const node = (scope as Partial<IConstruct> | null | undefined)?.node;
    if (!Array.isArray(node?.scopes)) {
      throw new TransferValidationError("TransferPolicyPack.applyTo", "scope", scope, {
        problem: typeof scope === "string" ? "is a path, not a construct" : "is not a construct",
        rule: "a pack is applied to the App, a stack, or a construct inside a stack",
        fix: "pass the App (pack.applyTo(app)) or a stack object",
      });
    }
    assertSameCore(scope);
    if (scope.node.scopes.some((s) => TerraformStack.isStack(s))) {
      Aspects.of(scope).add(this);
      return;
    }
    const stacks = () => scope.node.findAll().filter((c) => TerraformStack.isStack(c));
    for (const stack of stacks()) Aspects.of(stack).add(this);
    scope.node.addValidation({
      validate: () =>
        stacks()
          .filter((stack) => !Aspects.of(stack).all.includes(this))
          .map(
            (stack) =>
              `stack ${stack.node.path} was added after TransferPolicyPack.applyTo(${scope.node.path || "app"}), so no policy checked it; call applyTo once every stack exists`,
          ),
    });
  }

  /** Checks one construct with every rule; cdktf calls it for each construct under the scope. */
  public visit(node: IConstruct): void {
    if (this.visited.has(node)) return;
    this.visited.add(node);
    const recorder = recorderOf(node);
    if (recorder && !this.introduced.has(recorder)) {
      this.introduced.add(recorder);
      recorder.knowRules(this.rules.map((rule) => rule.ruleId));
    }
    // A pack that reaches a stack lists all its rules there, even those nothing applied to.
    if (TerraformStack.isStack(node)) this.rules.forEach((rule) => recorder?.addRule(rule));
    // An acknowledged library warning is no policy suppression: its info note reports it, and
    // the record would count it as covering no finding.
    for (const suppression of ownSuppressions(node)) {
      if (BUILT_IN_WARNING_IDS.includes(suppression.ruleId)) continue;
      recorder?.suppression(node, suppression);
    }
    for (const rule of this.rules) {
      const verdict = runRule(rule, node);
      if (verdict.status === RuleStatus.NOT_APPLICABLE) continue;
      recorder?.addRule(rule);
      recorder?.checked(rule.ruleId);
      if (verdict.status !== RuleStatus.NON_COMPLIANT) continue;
      const detail = verdict.detail ?? "breaks the rule";
      const suppression = findSuppression(node, rule.ruleId);
      recorder?.finding(rule, node.node.path, detail, suppression);
      if (suppression) continue;
      const message =
        `[${rule.ruleId}] ${detail}. rule: ${rule.message}. fix: ${rule.fix}. ` +
        acceptanceHint(rule.ruleId);
      // As a cdktf annotation, but with no stack trace: the manifest then names no
      // folder of the machine, and the same app gives the same manifest.json.
      const level =
        rule.level === PolicyLevel.ERROR
          ? AnnotationMetadataEntryType.ERROR
          : AnnotationMetadataEntryType.WARN;
      annotateWithoutTrace(node, level, message);
    }
  }
}

/** The rules of `props`, checked for callers the types do not reach (JavaScript, configs). */
function checkedRules(props: TransferPolicyPackProps | null): ITransferRule[] | undefined {
  const refuse = (subject: string, value: unknown, problem: string): never => {
    throw new TransferValidationError("TransferPolicyPack", subject, value, {
      problem,
      rule: "a pack takes { rules }, a list of rules (TransferRules.recommended() or your own)",
      fix: "pass { rules: [...] }, or nothing for the recommended rules",
    });
  };
  if (props === null || props === undefined) return undefined;
  if (typeof props !== "object" || Array.isArray(props)) refuse("props", props, "is not an object");
  const rules = props.rules ?? undefined;
  if (rules !== undefined && !Array.isArray(rules)) refuse("rules", rules, "is not a list");
  rules?.forEach(checkRule);
  return rules;
}
