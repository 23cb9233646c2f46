import { IConstruct } from "constructs";
import { describeValue, TransferValidationError } from "../validation/error";
import { nearMiss } from "../arm/near-miss";
import { ITransferRule, RuleStatus, checkLevel } from "./rule";

// Custom rules are code the library did not write: a pack checks each rule when it is made,
// and each answer when a rule runs, so a wrong answer is an error naming the rule and the
// construct, never "compliant" and never a TypeError from inside the pack.

/** What a rule answered, once checked. */
export interface CheckedVerdict {
  /** The status. */
  readonly status: RuleStatus;
  /** What is wrong (NON_COMPLIANT only). */
  readonly detail?: string;
}

const RULE_SHAPE =
  "a rule has a ruleId, a level (PolicyLevel), a message, a fix and a check(construct) method";

/** Rule `index` of a pack: the members the pack reads, of the right kinds. */
export function checkRule(rule: unknown, index: number): void {
  const subject = `rules[${index}]`;
  const candidate = rule as Partial<Record<keyof ITransferRule, unknown>> | null | undefined;
  const refuse = (member: string, value: unknown, problem: string, fix: string): never => {
    throw new TransferValidationError("TransferPolicyPack", `${subject}${member}`, value, {
      problem,
      rule: RULE_SHAPE,
      fix,
    });
  };
  if (typeof candidate !== "object" || candidate === null) {
    refuse(
      "",
      rule,
      "is not a rule",
      "pass rules from TransferRules, or objects implementing ITransferRule",
    );
  }
  const ruleId = candidate!.ruleId;
  if (typeof ruleId !== "string" || ruleId.trim() === "") {
    refuse(
      ".ruleId",
      ruleId,
      "is not a rule ID",
      'give the rule a unique ID, e.g. "Contoso-TransferTags"',
    );
  }
  const named = `${subject} (${ruleId as string})`;
  checkLevel(`TransferPolicyPack ${named}`, "level", candidate!.level);
  for (const member of ["message", "fix"] as const) {
    if (typeof candidate![member] !== "string") {
      refuse(
        ` (${ruleId as string}).${member}`,
        candidate![member],
        "is not a string",
        `give the rule its ${member} as text`,
      );
    }
  }
  if (typeof candidate!.check !== "function") {
    refuse(
      ` (${ruleId as string}).check`,
      candidate!.check,
      "is not a method",
      "implement check(construct) returning a RuleVerdict",
    );
  }
}

const VERDICT_RULE =
  "a rule's check returns RuleVerdict.compliant(), RuleVerdict.nonCompliant(detail) or RuleVerdict.notApplicable() for every construct";
const VERDICT_FIX =
  "return a RuleVerdict for every construct; RuleVerdict.notApplicable() for those the rule does not check";

/**
 * Runs `rule` on `construct` and checks its answer: an error it throws, or an answer that is
 * not a verdict (`false`, `undefined`, `{ ok: true }`), fails with the rule ID and the path.
 */
export function runRule(rule: ITransferRule, construct: IConstruct): CheckedVerdict {
  const path = construct.node.path;
  let answer: unknown;
  try {
    answer = rule.check(construct);
  } catch (err) {
    const error = new TransferValidationError(path, `rule ${rule.ruleId}`, undefined, {
      problem: `threw while checking this construct: ${thrownText(err)}`,
      rule: VERDICT_RULE,
      fix: "fix the rule's check (return RuleVerdict.notApplicable() for constructs it cannot read), or leave the rule out of the pack",
    });
    Object.defineProperty(error, "cause", { value: err });
    throw error;
  }
  const status = (answer as { status?: unknown } | null | undefined)?.status;
  const statuses: string[] = Object.values(RuleStatus);
  if (typeof answer !== "object" || answer === null || !statuses.includes(status as string)) {
    const near = typeof status === "string" ? nearMiss(status, statuses) : undefined;
    throw new TransferValidationError(path, `rule ${rule.ruleId}`, undefined, {
      problem: `returned ${shown(answer)}, not a RuleVerdict`,
      rule: VERDICT_RULE,
      fix: near ? `did you mean the status "${near}"? ${VERDICT_FIX}` : VERDICT_FIX,
    });
  }
  const detail = (answer as { detail?: unknown }).detail;
  if (detail !== undefined && typeof detail !== "string") {
    throw new TransferValidationError(path, `rule ${rule.ruleId}`, undefined, {
      problem: `returned a verdict whose detail is ${shown(detail)}, not text`,
      rule: VERDICT_RULE,
      fix: "pass RuleVerdict.nonCompliant a sentence saying what is wrong with this construct",
    });
  }
  return { status: status as RuleStatus, detail: detail as string | undefined };
}

/** A value in a sentence: "undefined", "false", `{"ok":true}`. */
function shown(value: unknown): string {
  return value === undefined ? "undefined" : describeValue(value);
}

/** "TypeError: x is not a function", for any thrown value. */
function thrownText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return shown(err);
}
