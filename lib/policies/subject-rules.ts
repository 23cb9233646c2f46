import { IConstruct } from "constructs";
import { RuleVerdict, TransferRule } from "./rule";
import { PipelineSubject, RunSubject, SecretSubject, TransferConstructs } from "./subjects";

/** A non-compliant verdict's detail: what is wrong with a subject, or undefined when it complies. */
type NonComplianceDetail = string | undefined;

/** Turns a subject check into a verdict: not applicable without a subject. */
function verdictOf<T>(
  subject: T | undefined,
  check: (subject: T) => NonComplianceDetail,
): RuleVerdict {
  if (subject === undefined) return RuleVerdict.notApplicable();
  const detail = check(subject);
  return detail === undefined ? RuleVerdict.compliant() : RuleVerdict.nonCompliant(detail);
}

/** A rule on ExportPipeline and ImportPipeline constructs. */
export abstract class PipelineRule extends TransferRule {
  /** Checks pipelines; other constructs are not applicable. */
  public check(construct: IConstruct): RuleVerdict {
    const pipeline = TransferConstructs.pipelineOf(construct);
    if (pipeline && !this.appliesTo(pipeline)) return RuleVerdict.notApplicable();
    return verdictOf(pipeline, (p) => this.checkPipeline(p));
  }

  /** Whether the rule checks this pipeline (e.g. import pipelines only). */
  protected appliesTo(_pipeline: PipelineSubject): boolean {
    return true;
  }

  /** What is wrong with the pipeline, or undefined. */
  protected abstract checkPipeline(pipeline: PipelineSubject): NonComplianceDetail;
}

/** A rule on ExportPipelineRun and ImportPipelineRun constructs. */
export abstract class RunRule extends TransferRule {
  /** Checks runs; other constructs are not applicable. */
  public check(construct: IConstruct): RuleVerdict {
    return verdictOf(TransferConstructs.runOf(construct), (r) => this.checkRun(r));
  }

  /** What is wrong with the run, or undefined. */
  protected abstract checkRun(run: RunSubject): NonComplianceDetail;
}

/** A rule on SAS token secrets. */
export abstract class SecretRule extends TransferRule {
  /** Checks secrets; other constructs are not applicable. */
  public check(construct: IConstruct): RuleVerdict {
    const secret = TransferConstructs.secretOf(construct);
    if (secret && !this.appliesTo(secret)) return RuleVerdict.notApplicable();
    return verdictOf(secret, (s) => this.checkSecret(s));
  }

  /** Whether the rule can judge this secret (e.g. its vault or expiry is known). */
  protected appliesTo(_secret: SecretSubject): boolean {
    return true;
  }

  /** What is wrong with the secret, or undefined. */
  protected abstract checkSecret(secret: SecretSubject): NonComplianceDetail;
}

/** `export pipeline "name"`, for details. */
export function describePipeline(pipeline: PipelineSubject): string {
  return `${pipeline.side} pipeline "${pipeline.pipelineName}"`;
}

/** The secret's URI when it is literal (existing secrets), else "the secret". */
export function describeSecret(secret: SecretSubject): string {
  return secret.secretUri.includes("${") ? "the secret" : `secret ${secret.secretUri}`;
}
