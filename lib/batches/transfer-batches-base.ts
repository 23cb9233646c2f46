import { warn } from "../private/annotations";
import { TerraformOutput, TerraformProvider, Token } from "../core/cdk";
import { Construct } from "constructs";
import { MAX_ARTIFACTS_PER_RUN } from "../arm/artifacts";
import { resolveIn } from "../private/resolve";
import { IPipelineRun, PipelineRunProps } from "../runs/pipeline-run";
import { check, expectProps, expectProvider, expectShape, fail } from "../validation/check";
import { failOn } from "../validation/finding";
import { Violation } from "../arm/violation";
import { distinctArtifacts, duplicatesWarning, entriesFinding } from "./artifact-entries";
import { ArtifactList } from "./artifact-list";
import {
  batchBlobName,
  batchId,
  batchRunName,
  blobNamePrefixRule,
  runNamePrefixRule,
} from "./batch-names";
import { checkOutputPrefix, declareBatchOutputs } from "./batch-outputs";
import { planBatches } from "./batch-plan";
import { DEFAULT_MAX_CONCURRENT_RUNS, TransferBatch } from "./transfer-batch";
import { TransferWarningIds } from "../arm/warning-ids";

/**
 * What plans and runs a batch set, on either side. The same artifacts, maxArtifactsPerRun and
 * blobNamePrefix on both sides plan the same batches and blob names.
 */
export interface TransferBatchSettings {
  /** The artifacts to transfer, any number: ArtifactList.fromList([...]) or .fromFile(path). */
  readonly artifacts: ArtifactList;
  /** Start of every run name (letters and digits); the batch ID follows, e.g. "bulk202611b0110". */
  readonly runNamePrefix: string;
  /** Start of every blob name; the batch ID follows, e.g. "bulk-2026-11-b0110". */
  readonly blobNamePrefix: string;
  /**
   * Most artifacts in one batch, 1-50. Give both sides the same value.
   * @default 50 (MAX_ARTIFACTS_PER_RUN, the service's limit)
   */
  readonly maxArtifactsPerRun?: number;
  /**
   * Most runs Terraform starts at once: each run waits (depends_on) for the run this many
   * places before it, so the runs form this many chains.
   * @default 10 (DEFAULT_MAX_CONCURRENT_RUNS: Terraform's default parallelism; the service documents no limit)
   */
  readonly maxConcurrentRuns?: number;
  /**
   * Rerun token of every run of the set: a new value re-runs all of them in place.
   * @default none: each run runs once, when created
   */
  readonly rerunToken?: string;
  /**
   * How long Terraform waits for each run.
   * @default "2h"
   */
  readonly timeout?: string;
  /**
   * Start of the output names: `<prefix>_<batch ID>_status`, `<prefix>_<batch ID>_error`,
   * `<prefix>_summary`.
   * @default the construct's id, with characters other than letters, digits, "_" and "-" as "_"
   */
  readonly outputPrefix?: string;
}

/** Props both sides of a batched transfer take. */
export interface TransferBatchesProps extends TransferBatchSettings {
  /**
   * azapi provider of the runs.
   * @default the stack's default azapi provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * The shared part of export and import batch sets: reads and checks the artifacts, removes
 * duplicates (with a warning), plans the batches, and declares one run per batch, chained so
 * that at most maxConcurrentRuns start at once, with their outputs.
 */
export abstract class TransferBatchesBase extends Construct {
  /** The batches, ordered by batch ID. */
  public readonly batches: TransferBatch[];
  /** The distinct artifacts, in list order (duplicates removed). */
  public readonly artifacts: string[];
  /** The runs: `runs[i]` runs `batches[i]`; empty when no runs are declared. */
  public readonly runs: IPipelineRun[] = [];
  /** Start of the output names. */
  public readonly outputPrefix: string;
  private summary?: TerraformOutput;

  /** Reads, checks and plans; the subclass then calls declareRuns. */
  protected constructor(scope: Construct, id: string, props: TransferBatchesProps) {
    super(scope, id);
    expectProps(this, props, "TransferBatchesProps");
    const listFix = "pass ArtifactList.fromList([...]) or ArtifactList.fromFile(path)";
    expectShape(this, "artifacts", props.artifacts, "object", true, listFix);
    if (typeof props.artifacts._read !== "function") {
      fail(this, "artifacts", props.artifacts, {
        problem: "is not an ArtifactList",
        rule: "the artifacts of batches come from an ArtifactList",
        fix: listFix,
      });
    }
    // Checked here too: the runs that use them may be declared later, or not at all.
    expectShape(this, "rerunToken", props.rerunToken, "string", false);
    expectShape(this, "timeout", props.timeout, "string", false);
    expectProvider(this, "provider", props.provider);
    const runNamePrefix = this.literal("runNamePrefix", props.runNamePrefix);
    const blobNamePrefix = this.literal("blobNamePrefix", props.blobNamePrefix);
    const maxPerRun = this.count(
      "maxArtifactsPerRun",
      props.maxArtifactsPerRun ?? MAX_ARTIFACTS_PER_RUN,
      MAX_ARTIFACTS_PER_RUN,
    );
    this.count("maxConcurrentRuns", props.maxConcurrentRuns ?? DEFAULT_MAX_CONCURRENT_RUNS);
    expectShape(this, "outputPrefix", props.outputPrefix, "string", false);
    this.outputPrefix = check(
      this,
      "outputPrefix",
      props.outputPrefix ?? id.replace(/[^A-Za-z0-9_-]/g, "_"),
      checkOutputPrefix,
    );

    const content = props.artifacts._read();
    failOn(this, content.finding);
    const finding = entriesFinding(content.entries, (a) => Token.isUnresolved(a));
    failOn(this, finding && { ...finding, value: shown(this, finding.value) });
    const { distinct, duplicates } = distinctArtifacts(content.entries);
    if (duplicates.length > 0) {
      warn(this, TransferWarningIds.DUPLICATE_ARTIFACTS, duplicatesWarning(duplicates));
    }
    this.artifacts = distinct.map((entry) => entry.artifact);

    const planned = planBatches(this.artifacts, maxPerRun);
    const longestId = batchId(
      planned.reduce((a, b) => (b.bits.length > a.length ? b.bits : a), ""),
    );
    check(this, "runNamePrefix", runNamePrefix, runNamePrefixRule(longestId));
    check(this, "blobNamePrefix", blobNamePrefix, blobNamePrefixRule(longestId));
    this.batches = planned.map(({ bits, artifacts }) => {
      const id = batchId(bits);
      return {
        batchId: id,
        runName: batchRunName(runNamePrefix, id),
        blobName: batchBlobName(blobNamePrefix, id),
        artifacts: [...artifacts],
      };
    });
  }

  /** `<prefix>_summary`: run name to status; undefined when no runs are declared. */
  public get summaryOutput(): TerraformOutput | undefined {
    return this.summary;
  }

  /** The blob names of all batches, in batch order: what the export writes and the import reads. */
  public get blobNames(): string[] {
    return this.batches.map((batch) => batch.blobName);
  }

  /**
   * Declares one run per batch (through createRun), each waiting for the run
   * maxConcurrentRuns places before it, and the outputs.
   */
  protected declareRuns(props: TransferBatchesProps): void {
    const lanes = props.maxConcurrentRuns ?? DEFAULT_MAX_CONCURRENT_RUNS;
    this.batches.forEach((batch, i) => {
      const before = i >= lanes ? [this.runs[i - lanes].resource] : [];
      const run = this.createRun(props, batch, {
        runName: batch.runName,
        rerunToken: props.rerunToken,
        timeout: props.timeout,
        provider: props.provider,
        dependsOn: before,
      });
      this.runs.push(run);
    });
    this.summary = declareBatchOutputs(this, this.outputPrefix, this.batches, this.runs);
  }

  /** Declares the run of one batch, with the settings common to all runs of the set. */
  protected abstract createRun(
    props: TransferBatchesProps,
    batch: TransferBatch,
    run: PipelineRunProps,
  ): IPipelineRun;

  private literal(subject: string, value: string): string {
    expectShape(this, subject, value, "string");
    if (Token.isUnresolved(value)) {
      fail(this, subject, shown(this, value), {
        problem: "is only known at apply time",
        rule: "batch names are planned at synth time, the same on both sides",
        fix: "pass a string",
      });
    }
    return value;
  }

  private count(subject: string, value: number, most?: number): number {
    expectShape(this, subject, value, "number");
    return check(this, subject, value, (n): Violation | undefined =>
      Number.isInteger(n) && n >= 1 && (most === undefined || n <= most)
        ? undefined
        : {
            problem: "is out of range",
            rule: `a whole number, ${most === undefined ? "1 or more" : `from 1 to ${most}`}`,
            fix: `use a whole number ${most === undefined ? "of 1 or more" : `from 1 to ${most}`}`,
          },
    );
  }
}

/** A value as messages show it: a token as the Terraform expression it stands for. */
function shown(scope: Construct, value: unknown): unknown {
  return Token.isUnresolved(value) ? resolveIn(scope, value) : value;
}
