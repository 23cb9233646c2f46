import { AnnotationMetadataEntryType, TerraformElement, TerraformStack } from "../core/cdk";
import { IConstruct } from "constructs";
import { nearMiss } from "../arm/near-miss";
import { redactSecretsIn } from "../arm/secret-text";
import { annotateWithoutTrace } from "../private/annotations";
import {
  POLICY_RECORD_KEY,
  POLICY_RECORD_VERSION,
  PolicyRecord,
  RecordedFinding,
  RecordedRule,
  RecordedSuppression,
} from "./policy-record";
import { ITransferRule } from "./rule";
import { PlacedSuppression, Suppression } from "../private/suppression-metadata";
import { BUILT_IN_IDS } from "./suppressions";

/** Construct ID of the recorder under its stack. */
const RECORDER_ID = "AcrTransferPolicyRecord";
/**
 * Marks recorders across copies of the library, so that two packs from two copies share one
 * recorder per stack instead of colliding on its ID.
 */
const RECORDER_MARK = Symbol.for("cdktf-acr-transfer.PolicyRecorder");

/** What a pack tells the recorder of a stack. */
export interface IPolicyRecorder {
  /** Lists a rule of a pack that visits the stack. */
  addRule(rule: ITransferRule): void;
  /** Counts a construct the rule applied to. */
  checked(ruleId: string): void;
  /** Records a finding; with a suppression, as suppressed (and counts it on the suppression). */
  finding(rule: ITransferRule, path: string, detail: string, by?: PlacedSuppression): void;
  /** Lists a suppression declared on a construct of the stack. */
  suppression(scope: IConstruct, suppression: Suppression): void;
  /** Remembers the rule IDs of a pack that visits the stack, whether or not they apply. */
  knowRules(ruleIds: readonly string[]): void;
}

type Counts = { -readonly [K in keyof RecordedRule]: RecordedRule[K] };

/**
 * Keeps the policy results of one stack and writes them into its synthesized JSON, under
 * `"//".metadata.acrTransferPolicy` (see policy-record.ts). It writes no Terraform block.
 */
class PolicyRecorder extends TerraformElement implements IPolicyRecorder {
  private readonly rules = new Map<string, Counts>();
  private readonly findings = new Map<string, RecordedFinding>();
  private readonly suppressions = new Map<string, RecordedSuppression>();
  /** The construct of each suppression, by the key of `suppressions`. */
  private readonly suppressionScopes = new Map<string, IConstruct>();
  /**
   * Every rule ID of every pack that visited the stack, and the library's warning IDs (which
   * packs do not record, and which a mistyped ID may have meant).
   */
  private readonly knownRuleIds = new Set<string>(BUILT_IN_IDS);
  private unknownReported = false;

  public constructor(stack: TerraformStack) {
    super(stack, RECORDER_ID);
    Object.defineProperty(this, RECORDER_MARK, { value: true });
    // Validations run after every aspect: by then each pack has said which rules it has.
    stack.node.addValidation({ validate: () => this.reportUnknownSuppressions() });
  }

  public knowRules(ruleIds: readonly string[]): void {
    ruleIds.forEach((id) => this.knownRuleIds.add(id));
  }

  public addRule(rule: ITransferRule): void {
    if (this.rules.has(rule.ruleId)) return;
    this.rules.set(rule.ruleId, {
      ruleId: rule.ruleId,
      level: rule.level,
      message: rule.message,
      fix: rule.fix,
      checked: 0,
      failed: 0,
      suppressed: 0,
    });
  }

  public checked(ruleId: string): void {
    this.rules.get(ruleId)!.checked++;
  }

  public finding(rule: ITransferRule, path: string, detail: string, by?: PlacedSuppression): void {
    const counts = this.rules.get(rule.ruleId)!;
    if (by) {
      counts.suppressed++;
      const key = this.suppression(by.scope, by);
      const placed = this.suppressions.get(key)!;
      this.suppressions.set(key, { ...placed, covered: placed.covered + 1 });
    } else {
      counts.failed++;
    }
    this.findings.set(`${path}\n${rule.ruleId}`, {
      ruleId: rule.ruleId,
      level: rule.level,
      path,
      detail,
      ...(by ? { suppressedBy: by.scope.node.path, reason: by.reason } : {}),
    });
  }

  public suppression(scope: IConstruct, suppression: Suppression): string {
    const path = scope.node.path;
    const key = `${path}\n${suppression.ruleId}`;
    if (!this.suppressions.has(key)) {
      this.suppressions.set(key, { path, ...suppression, covered: 0 });
      this.suppressionScopes.set(key, scope);
    }
    return key;
  }

  /**
   * A warning on each suppression whose rule ID no pack of the stack has and no library warning
   * carries (a typo covers nothing, and the finding it was meant for stands), with the nearest
   * known ID.
   */
  private reportUnknownSuppressions(): string[] {
    if (this.unknownReported) return [];
    this.unknownReported = true;
    const known = [...this.knownRuleIds];
    for (const [key, { ruleId }] of this.suppressions) {
      if (this.knownRuleIds.has(ruleId)) continue;
      const near = nearMiss(ruleId, known);
      const message =
        `the suppression of "${ruleId}" names no rule of the policy packs that check this stack ` +
        "and no library warning, so it covers nothing. rule: a suppression names the exact ID " +
        "of the rule or warning it covers. " +
        `fix: ${near ? `did you mean "${near}"? ` : ""}use the rule's ID (TransferRuleIds for the built-in rules) or the warning's (TransferWarningIds), or remove the suppression.`;
      annotateWithoutTrace(
        this.suppressionScopes.get(key)!,
        AnnotationMetadataEntryType.WARN,
        message,
      );
    }
    return [];
  }

  public override toMetadata(): Record<string, unknown> {
    const record: PolicyRecord = {
      version: POLICY_RECORD_VERSION,
      rules: sortedValues(this.rules),
      findings: sortedValues(this.findings),
      suppressions: sortedValues(this.suppressions),
    };
    // Reasons and details are text people write: no secret of theirs reaches cdktf.out.
    return { [POLICY_RECORD_KEY]: redactSecretsIn(record) };
  }
}

/** The recorder of the stack `construct` is in (made on first use); none outside stacks. */
export function recorderOf(construct: IConstruct): IPolicyRecorder | undefined {
  const stack = construct.node.scopes.find((scope) => TerraformStack.isStack(scope));
  if (!stack) return undefined;
  const existing = stack.node.tryFindChild(RECORDER_ID);
  if (existing === undefined) return new PolicyRecorder(stack as TerraformStack);
  return RECORDER_MARK in existing ? (existing as unknown as IPolicyRecorder) : undefined;
}

/** Map values ordered by key (code-unit order, the same in every locale). */
function sortedValues<T>(map: ReadonlyMap<string, T>): T[] {
  return [...map.keys()].sort().map((key) => map.get(key)!);
}
