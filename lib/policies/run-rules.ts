import { IConstruct } from "constructs";
import { checkApiVersion } from "../arm/api-versions";
import { TransferValidationError } from "../validation/error";
import { PolicyLevel, RuleVerdict, TransferRule, TransferRuleProps } from "./rule";
import { TransferRuleIds } from "./rule-ids";
import { RunRule, describePipeline } from "./subject-rules";
import { RunSubject, TransferConstructs } from "./subjects";

/** Runs carry a rerun token. */
export class RerunTokenRule extends RunRule {
  /** The rule, at `props.level` or ERROR. */
  public constructor(props: TransferRuleProps = {}) {
    super(
      TransferRuleIds.RERUN_TOKEN,
      PolicyLevel.ERROR,
      "runs carry a rerun token (forceUpdateTag), so a re-run is a reviewed change of one value in the plan",
      "set rerunToken (a date or a CI build number) and change it to re-run",
      props,
    );
  }

  protected checkRun(run: RunSubject): string | undefined {
    return run.rerunToken === undefined
      ? `${run.side} run "${run.runName}" has no rerun token`
      : undefined;
  }
}

/** Props of the api-version rule. */
export interface ApiVersionRuleProps extends TransferRuleProps {
  /** The allowed api-versions, e.g. `[TransferApiVersions.DEFAULT]`. */
  readonly apiVersions: string[];
}

/** Pipelines and runs use an allowed api-version. */
export class ApiVersionRule extends TransferRule {
  private readonly allowed: readonly string[];

  /** The rule, at `props.level` or ERROR. */
  public constructor(props: ApiVersionRuleProps) {
    const allowed = allowedApiVersions(props);
    super(
      TransferRuleIds.API_VERSION,
      PolicyLevel.ERROR,
      `pipelines and runs use an allowed api-version (${allowed.join(", ")})`,
      "set the pipeline's apiVersion to an allowed one (its runs use the same)",
      props,
    );
    this.allowed = allowed;
  }

  /** Checks pipelines and runs. */
  public check(construct: IConstruct): RuleVerdict {
    const pipeline = TransferConstructs.pipelineOf(construct);
    const run = TransferConstructs.runOf(construct);
    const apiVersion = pipeline?.apiVersion ?? run?.apiVersion;
    if (apiVersion === undefined) return RuleVerdict.notApplicable();
    if (this.allowed.includes(apiVersion)) return RuleVerdict.compliant();
    const what = pipeline ? describePipeline(pipeline) : `${run!.side} run "${run!.runName}"`;
    return RuleVerdict.nonCompliant(`${what} uses api-version ${apiVersion}`);
  }
}

/**
 * The allowed api-versions, checked: a non-empty list of api-versions that have ACR Transfer.
 * A value that is none ("2025-06-01", a case typo) would make the rule report every pipeline.
 */
function allowedApiVersions(props: ApiVersionRuleProps): string[] {
  const where = "TransferRules.allowedApiVersions";
  const fix = "pass the api-versions your pipelines may use, e.g. [TransferApiVersions.DEFAULT]";
  const list = (props as Partial<ApiVersionRuleProps> | null | undefined)?.apiVersions;
  if (!Array.isArray(list) || list.length === 0) {
    throw new TransferValidationError(where, "apiVersions", list, {
      problem: Array.isArray(list) ? "is empty" : list == null ? "is missing" : "is not a list",
      rule: "the rule allows a list of at least one api-version",
      fix,
    });
  }
  list.forEach((apiVersion, i) => {
    const violation =
      typeof apiVersion === "string"
        ? checkApiVersion(apiVersion)
        : { problem: "is not a string", rule: "api-versions are strings", fix };
    if (violation)
      throw new TransferValidationError(where, `apiVersions[${i}]`, apiVersion, violation);
  });
  return [...list];
}
