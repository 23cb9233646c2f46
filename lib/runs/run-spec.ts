import { ITerraformDependable, Token } from "../core/cdk";
import { Construct } from "constructs";
import { checkArtifacts } from "../arm/artifacts";
import { exportRunBody, importRunBody } from "../arm/bodies";
import { checkCatalogDigest } from "../arm/digests";
import { checkRerunToken, checkTimeout } from "../arm/durations";
import { checkTransferName } from "../arm/names";
import { TransferSide } from "../arm/options";
import { checkBlobName } from "../arm/storage";
import { ITransferPipeline } from "../pipelines/pipeline";
import { keyOf } from "../private/keys";
import { NameKind, claimName } from "../private/ledger";
import { check, expectProps, expectProvider, expectShape, fail } from "../validation/check";
import { IExportedBlob, followingTag } from "./exported-blob";
import { DEFAULT_RUN_TIMEOUT } from "./run-outputs";
import { PipelineRunProps } from "./pipeline-run";

/**
 * What an export run hands the shared base: plain data from its props, before any check.
 * @internal
 */
export interface ExportRunSideSpec {
  /** The side. */
  readonly side: TransferSide.EXPORT;
  /** The pipeline to run, as given. */
  readonly pipeline: ITransferPipeline;
  /** The blob the run writes, as given. */
  readonly blobName: string;
  /** The artifacts, as given. */
  readonly artifacts: string[];
}

/**
 * What an import run hands the shared base: plain data from its props, before any check.
 * @internal
 */
export interface ImportRunSideSpec {
  /** The side. */
  readonly side: TransferSide.IMPORT;
  /** The pipeline to run, as given. */
  readonly pipeline: ITransferPipeline;
  /** The blob the run imports, as given. */
  readonly blobName: string;
  /**
   * The digest the blob must have, as given.
   * @default not checked
   */
  readonly catalogDigest?: string;
  /**
   * The export run whose blob the run reads and follows, as given.
   * @default none
   */
  readonly exportRun?: IExportedBlob;
}

/**
 * One side of a run, made by the side's static `sideSpec`.
 * @internal
 */
export type RunSideSpec = ExportRunSideSpec | ImportRunSideSpec;

/**
 * A run's props, every one checked, as its ARM body and resource read them.
 * @internal
 */
export interface RunSpec {
  /** The side, with its own props, checked. */
  readonly sideSpec: RunSideSpec;
  /** The run name. */
  readonly name: string;
  /**
   * The rerun token (`forceUpdateTag`).
   * @default none
   */
  readonly rerunToken?: string;
  /** How long Terraform waits for the run. */
  readonly timeout: string;
  /** What the run waits for besides its pipeline's grants. */
  readonly dependsOn: readonly ITerraformDependable[];
}

/**
 * Checks the props of a run of `sideSpec.side`, every rule before anything is declared, and
 * returns them as a spec. The first broken rule throws a TransferValidationError.
 */
export function runSpec(run: Construct, props: PipelineRunProps, sideSpec: RunSideSpec): RunSpec {
  const { side, pipeline } = sideSpec;
  const kind = side === TransferSide.EXPORT ? "Export" : "Import";
  expectProps(run, props, `${kind}PipelineRunProps`);
  const pipelineFix = `pass an ${kind}Pipeline, or ${kind}Pipeline.fromPipelineId(...)`;
  expectShape(run, "pipeline", pipeline, "object", true, pipelineFix);
  if (!Object.values(TransferSide).includes(pipeline.side)) {
    // An untyped `{}` or another construct is shown as it is (`{}`, `<path>`).
    fail(run, "pipeline", pipeline.pipelineName ?? pipeline, {
      problem: "is not an export or import pipeline",
      rule: `an ${side} run runs an ${side} pipeline`,
      fix: pipelineFix,
    });
  }
  expectShape(run, "pipeline.pipelineId", pipeline.pipelineId, "string", true, pipelineFix);
  refuseOtherApp(run, pipeline, kind);
  if (pipeline.side !== side) {
    fail(run, "pipeline", pipeline.pipelineName, {
      problem: `is an ${pipeline.side} pipeline`,
      rule: `an ${side} run runs an ${side} pipeline`,
      fix: `use ${side === TransferSide.EXPORT ? "ImportPipelineRun" : "ExportPipelineRun"} for it`,
    });
  }
  expectShape(run, "runName", props.runName, "string");
  const name = check(run, "runName", props.runName, checkTransferName);
  expectShape(run, "rerunToken", props.rerunToken, "string", false);
  check(run, "rerunToken", props.rerunToken, checkRerunToken);
  expectProvider(run, "provider", props.provider);
  expectShape(run, "timeout", props.timeout, "string", false);
  const timeout = check(run, "timeout", props.timeout ?? DEFAULT_RUN_TIMEOUT, checkTimeout);
  checkSide(run, sideSpec);
  claimRunName(run, name, keyOf(run, pipeline.registryKey, pipeline.registryId));
  expectShape(run, "dependsOn", props.dependsOn, "list", false);
  return {
    sideSpec,
    name,
    rerunToken: props.rerunToken,
    timeout,
    dependsOn: props.dependsOn ?? [],
  };
}

/** The ARM body of the run `spec` describes. */
export function runSpecBody(spec: RunSpec): { [key: string]: unknown } {
  const { sideSpec, rerunToken } = spec;
  const pipelineResourceId = sideSpec.pipeline.pipelineId;
  return sideSpec.side === TransferSide.EXPORT
    ? exportRunBody({
        pipelineResourceId,
        artifacts: sideSpec.artifacts,
        targetBlobName: sideSpec.blobName,
        forceUpdateTag: rerunToken,
      })
    : importRunBody({
        pipelineResourceId,
        sourceBlobName: sideSpec.blobName,
        catalogDigest: sideSpec.catalogDigest,
        forceUpdateTag: sideSpec.exportRun
          ? followingTag(sideSpec.exportRun, rerunToken)
          : rerunToken,
      });
}

/** The side's own props: the blob, and the artifacts (export) or the digest (import). */
function checkSide(run: Construct, sideSpec: RunSideSpec): void {
  expectShape(run, "blobName", sideSpec.blobName, "string");
  check(run, "blobName", sideSpec.blobName, checkBlobName);
  if (sideSpec.side === TransferSide.IMPORT) {
    expectShape(run, "catalogDigest", sideSpec.catalogDigest, "string", false);
    check(run, "catalogDigest", sideSpec.catalogDigest, checkCatalogDigest);
    checkExportRun(run, sideSpec.blobName, sideSpec.exportRun);
    return;
  }
  const artifacts = sideSpec.artifacts;
  expectShape(run, "artifacts", artifacts, "list");
  if (!Token.isUnresolved(artifacts)) {
    check(run, "artifacts", artifacts, (list) =>
      checkArtifacts(list, (a) => Token.isUnresolved(a)),
    );
  }
}

/** The export run an import run follows: its shape, literal artifacts, and the same blob. */
function checkExportRun(run: Construct, blobName: string, exportRun?: IExportedBlob): void {
  const fix = "pass the ExportPipelineRun, or { blobName, artifacts, rerunToken } of it";
  expectShape(run, "exportRun", exportRun, "object", false, fix);
  if (exportRun === undefined) return;
  expectShape(run, "exportRun.blobName", exportRun.blobName, "string", true, fix);
  expectShape(run, "exportRun.artifacts", exportRun.artifacts, "list", true, fix);
  expectShape(run, "exportRun.rerunToken", exportRun.rerunToken, "string", false, fix);
  const { artifacts } = exportRun;
  if (Token.isUnresolved(artifacts) || artifacts.some((a) => Token.isUnresolved(a))) {
    fail(run, "exportRun.artifacts", artifacts, {
      problem: "are only known at apply time",
      rule: "an import run follows its export run by a digest of the artifacts, computed at synth on both sides",
      fix: "give the export run a literal list of artifacts, or leave exportRun unset and re-run the import with rerunToken",
    });
  }
  const written = exportRun.blobName;
  if (!Token.isUnresolved(blobName) && !Token.isUnresolved(written) && blobName !== written) {
    fail(run, "blobName", blobName, {
      problem: `is not the blob the export run writes (${JSON.stringify(written)})`,
      rule: "an import run tied to an export run reads the blob that run writes",
      fix: `use blobName ${JSON.stringify(written)}, or tie the run to the export run that writes ${JSON.stringify(blobName)}`,
    });
  }
}

/** Run names are unique per registry, export and import runs alike. */
function claimRunName(run: Construct, name: string, registryKey: string): void {
  if (Token.isUnresolved(name)) return;
  const first = claimName(run, NameKind.PIPELINE_RUN, registryKey, name);
  if (first) {
    fail(run, "runName", name, {
      problem: `is already used in the same registry by ${first}`,
      rule: "pipeline run names are unique per registry, export and import runs alike",
      fix: "give one of the runs another name",
    });
  }
}

/**
 * A pipeline made in another app (another `App`, so another synth and other state) cannot be
 * run by reference: this app would read an output the other app never declares. The run
 * imports it by ID instead.
 */
function refuseOtherApp(run: Construct, pipeline: ITransferPipeline, kind: string): void {
  if (!Construct.isConstruct(pipeline) || pipeline.node.root === run.node.root) return;
  fail(run, "pipeline", pipeline.node.path, {
    problem: "is a pipeline of another app",
    rule: "a run refers to a pipeline of its own app; another app's resources reach this one only by ID",
    fix: `import it by ID in this app: ${kind}Pipeline.fromPipelineId(scope, id, pipelineId), with the pipeline's ARM resource ID`,
  });
}
