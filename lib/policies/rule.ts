import { IConstruct } from "constructs";
import { nearMiss } from "../arm/near-miss";
import { TransferValidationError } from "../validation/error";

/** How a broken rule is reported at synth. */
export enum PolicyLevel {
  /** An error annotation: `cdktf synth` fails. */
  ERROR = "error",
  /** A warning annotation: synth goes on; `review --strict` fails. */
  WARNING = "warning",
}

/** What a rule says about one construct. */
export enum RuleStatus {
  /** The construct is of a kind the rule checks, and it complies. */
  COMPLIANT = "Compliant",
  /** The construct breaks the rule. */
  NON_COMPLIANT = "NonCompliant",
  /** The rule does not check this kind of construct. */
  NOT_APPLICABLE = "NotApplicable",
}

/** A rule's answer for one construct. */
export class RuleVerdict {
  /** The construct complies. */
  public static compliant(): RuleVerdict {
    return new RuleVerdict(RuleStatus.COMPLIANT);
  }

  /** The rule does not check this construct. */
  public static notApplicable(): RuleVerdict {
    return new RuleVerdict(RuleStatus.NOT_APPLICABLE);
  }

  /**
   * The construct breaks the rule.
   * @param detail what is wrong with this construct, e.g. `export pipeline "nightly" sets ContinueOnErrors`
   */
  public static nonCompliant(detail: string): RuleVerdict {
    return new RuleVerdict(RuleStatus.NON_COMPLIANT, detail);
  }

  private constructor(
    /** The status. */
    public readonly status: RuleStatus,
    /**
     * What is wrong (NON_COMPLIANT only).
     * @default none
     */
    public readonly detail?: string,
  ) {}
}

/**
 * A policy rule, as TransferPolicyPack runs it on every construct it visits. Write your own by
 * implementing this interface (or extending TransferRule); read the library's constructs with
 * TransferConstructs.
 */
export interface ITransferRule {
  /** Unique ID, used in messages and suppressions, e.g. `Contoso-TransferTags`. */
  readonly ruleId: string;
  /** ERROR fails synth; WARNING is reported. */
  readonly level: PolicyLevel;
  /** What the rule requires, and why. */
  readonly message: string;
  /** How to comply. */
  readonly fix: string;
  /** Checks one construct. */
  check(construct: IConstruct): RuleVerdict;
}

/** Props every built-in rule takes. */
export interface TransferRuleProps {
  /**
   * Level of the rule's findings.
   * @default the rule's own level (see docs/policies.md)
   */
  readonly level?: PolicyLevel;
}

/** A base for rules: ID, level, message and fix as fields; subclasses implement check. */
export abstract class TransferRule implements ITransferRule {
  /** Unique ID. */
  public readonly ruleId: string;
  /** ERROR fails synth; WARNING is reported. */
  public readonly level: PolicyLevel;
  /** What the rule requires, and why. */
  public readonly message: string;
  /** How to comply. */
  public readonly fix: string;

  /** Sets the rule's fields; `level` defaults to `defaultLevel`. */
  protected constructor(
    ruleId: string,
    defaultLevel: PolicyLevel,
    message: string,
    fix: string,
    props: TransferRuleProps | undefined = {},
  ) {
    this.ruleId = ruleId;
    this.level = checkLevel(`rule ${ruleId}`, "level", props?.level ?? defaultLevel);
    this.message = message;
    this.fix = fix;
  }

  /** Checks one construct. */
  public abstract check(construct: IConstruct): RuleVerdict;
}

/**
 * A rule's level, as configs pass it: one of PolicyLevel's values. Anything else ("warn",
 * "Error", true) is refused, never read as a warning. `where` names the rule in the message.
 */
export function checkLevel(where: string, subject: string, level: unknown): PolicyLevel {
  const levels: string[] = Object.values(PolicyLevel);
  if (levels.includes(level as string)) return level as PolicyLevel;
  const near = typeof level === "string" ? nearMiss(level, levels) : undefined;
  const member = Object.entries(PolicyLevel).find(([, value]) => value === near)?.[0];
  throw new TransferValidationError(where, subject, level, {
    problem: level === undefined || level === null ? "is missing" : "is not a PolicyLevel",
    rule: 'a rule\'s level is PolicyLevel.ERROR ("error": synth fails) or PolicyLevel.WARNING ("warning")',
    fix: near
      ? `did you mean "${near}" (PolicyLevel.${member})?`
      : "use PolicyLevel.ERROR or PolicyLevel.WARNING",
  });
}
