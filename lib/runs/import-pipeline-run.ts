import { Token } from "../core/cdk";
import { Construct } from "constructs";
import { importRunBody } from "../arm/bodies";
import { TransferSide } from "../arm/options";
import { checkBlobName } from "../arm/storage";
import { IImportPipeline } from "../pipelines/pipeline";
import { check, expectShape, fail } from "../validation/check";
import { checkCatalogDigest } from "../arm/digests";
import { IExportedBlob, followingTag } from "./exported-blob";
import { PipelineRunBase, PipelineRunProps } from "./pipeline-run-base";

/** Props of an import run. */
export interface ImportPipelineRunProps extends PipelineRunProps {
  /** The import pipeline to run. */
  readonly pipeline: IImportPipeline;
  /** Name of the blob in the pipeline's container to import. */
  readonly blobName: string;
  /**
   * Digest of the tar to import, to make sure the blob is the one exported.
   * @default not checked
   */
  readonly catalogDigest?: string;
  /**
   * The export run whose blob this run reads: an `ExportPipelineRun`, or its blob name, artifacts
   * and rerun token given by hand when it is declared in another app. The run then follows it:
   * its `forceUpdateTag` is the export run's rerun token, this run's own one and a digest of the
   * artifacts (`followingTag`), so a change of any of them runs the import again on the next
   * apply; blobName must be the export run's; an `ExportPipelineRun` of the same stack is waited
   * for, one of another stack orders the stacks. Nothing is read from the export side's state.
   * @default none: the run re-runs only when its own props change
   */
  readonly exportRun?: IExportedBlob;
}

/** A run of an import pipeline: imports the artifacts of one blob. */
export class ImportPipelineRun extends PipelineRunBase {
  /** Declares the run; it starts when Terraform creates it and re-runs when rerunToken changes. */
  public constructor(scope: Construct, id: string, props: ImportPipelineRunProps) {
    super(scope, id, withExportRunWait(props), props?.pipeline, TransferSide.IMPORT);
  }

  protected validateSide(props: PipelineRunProps): void {
    const { blobName, catalogDigest, exportRun } = props as ImportPipelineRunProps;
    expectShape(this, "blobName", blobName, "string");
    check(this, "blobName", blobName, checkBlobName);
    expectShape(this, "catalogDigest", catalogDigest, "string", false);
    check(this, "catalogDigest", catalogDigest, checkCatalogDigest);
    const fix = "pass the ExportPipelineRun, or { blobName, artifacts, rerunToken } of it";
    expectShape(this, "exportRun", exportRun, "object", false, fix);
    if (exportRun === undefined) return;
    expectShape(this, "exportRun.blobName", exportRun.blobName, "string", true, fix);
    expectShape(this, "exportRun.artifacts", exportRun.artifacts, "list", true, fix);
    expectShape(this, "exportRun.rerunToken", exportRun.rerunToken, "string", false, fix);
    const { artifacts } = exportRun;
    if (Token.isUnresolved(artifacts) || artifacts.some((a) => Token.isUnresolved(a))) {
      fail(this, "exportRun.artifacts", artifacts, {
        problem: "are only known at apply time",
        rule: "an import run follows its export run by a digest of the artifacts, computed at synth on both sides",
        fix: "give the export run a literal list of artifacts, or leave exportRun unset and re-run the import with rerunToken",
      });
    }
    const written = exportRun.blobName;
    if (!Token.isUnresolved(blobName) && !Token.isUnresolved(written) && blobName !== written) {
      fail(this, "blobName", blobName, {
        problem: `is not the blob the export run writes (${JSON.stringify(written)})`,
        rule: "an import run tied to an export run reads the blob that run writes",
        fix: `use blobName ${JSON.stringify(written)}, or tie the run to the export run that writes ${JSON.stringify(blobName)}`,
      });
    }
  }

  protected runBody(props: PipelineRunProps): { [key: string]: unknown } {
    const run = props as ImportPipelineRunProps;
    return importRunBody({
      pipelineResourceId: run.pipeline.pipelineId,
      sourceBlobName: run.blobName,
      catalogDigest: run.catalogDigest,
      forceUpdateTag: run.exportRun ? followingTag(run.exportRun, run.rerunToken) : run.rerunToken,
    });
  }
}

/** The props, waiting also for an export run that is a construct (another stack: stack order). */
function withExportRunWait(props: ImportPipelineRunProps): ImportPipelineRunProps {
  const exportRun: unknown = props?.exportRun;
  const resource = Construct.isConstruct(exportRun)
    ? (exportRun as Partial<PipelineRunBase>).resource
    : undefined;
  if (!resource || (props.dependsOn !== undefined && !Array.isArray(props.dependsOn))) return props;
  return { ...props, dependsOn: [...(props.dependsOn ?? []), resource] };
}
