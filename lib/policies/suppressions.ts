import { IConstruct } from "constructs";
import { reasonRule } from "../arm/reasons";
import { check, expectShape, fail } from "../validation/check";
import { TransferValidationError } from "../validation/error";
import { BUILT_IN_WARNING_IDS } from "../arm/warning-ids";
import { Suppression, markSuppression } from "../private/suppression-metadata";
import { TransferRuleIds } from "./rule-ids";

/** How to mend a suppression's reason. */
const SUPPRESSION_REASON_FIX = "say why the rule does not apply here, and until when";

/**
 * Suppressions of policy rules and acknowledgements of library warnings, per construct, each
 * with the reason a reviewer reads.
 */
export class TransferSuppressions {
  /**
   * Suppresses `ruleId` (a policy rule's ID, or a library warning's: TransferWarningIds) on
   * `scope` and every construct under it (a pipeline, a registry's transfer setup, a stack),
   * whether they were made before or after. The reason is required: the review report lists it
   * beside every finding it covers, and each acknowledgement of warnings leaves one info note
   * with it and the number of constructs it covered.
   */
  public static add(scope: IConstruct, ruleId: string, reason: string): void {
    expectScope(scope);
    if (typeof ruleId !== "string" || ruleId.trim() === "") {
      fail(scope, "ruleId", ruleId, {
        problem: "is blank",
        rule: "a suppression names the rule or warning it suppresses",
        fix: 'pass a rule ID such as TransferRuleIds.NO_CONTINUE_ON_ERRORS ("AcrTransfer-NoContinueOnErrors"), or a warning ID of TransferWarningIds',
      });
    }
    expectShape(scope, "reason", reason, "string", true, SUPPRESSION_REASON_FIX);
    check(
      scope,
      "reason",
      reason,
      reasonRule(
        "every suppression, which the review report lists beside each finding it covers,",
        SUPPRESSION_REASON_FIX,
      ),
    );
    const builtIn = BUILT_IN_IDS.find((id) => id.toLowerCase() === ruleId.trim().toLowerCase());
    if (builtIn !== undefined && builtIn !== ruleId.trim()) {
      const home = BUILT_IN_RULE_IDS.includes(builtIn) ? "TransferRuleIds" : "TransferWarningIds";
      fail(scope, "ruleId", ruleId, {
        problem: "differs from a built-in rule or warning ID only in case",
        rule: "rule and warning IDs are matched exactly, so this suppression would cover nothing",
        fix: `did you mean "${builtIn}"? use the ${home} constant`,
      });
    }
    const suppression: Suppression = { ruleId: ruleId.trim(), reason: reason.trim() };
    markSuppression(scope, suppression);
  }

  private constructor() {}
}

/** The IDs of the built-in rules. */
export const BUILT_IN_RULE_IDS: readonly string[] = Object.values(TransferRuleIds).filter(
  (id): id is string => typeof id === "string",
);

/** The IDs of the built-in rules and of the library's warnings, which every stack knows. */
export const BUILT_IN_IDS: readonly string[] = [...BUILT_IN_RULE_IDS, ...BUILT_IN_WARNING_IDS];

/**
 * The construct a suppression goes on. A path string is refused rather than looked up: without
 * the app there is nothing to look it up in, and a path that names nothing after a rename would
 * leave the finding it was meant for unsuppressed.
 */
function expectScope(scope: unknown): void {
  const node = (scope as { node?: { addMetadata?: unknown } } | null | undefined)?.node;
  if (typeof node?.addMetadata === "function") return;
  const path = typeof scope === "string";
  throw new TransferValidationError("TransferSuppressions.add", "scope", scope, {
    problem: path ? "is a path, not a construct" : "is not a construct",
    rule: "a suppression is added to the construct it covers, and covers everything under it",
    fix: path
      ? "pass the construct itself (the pipeline or stack object, or app.node.findChild(...) to look it up)"
      : "pass the construct the suppression covers (a pipeline, a run, a stack)",
  });
}
