import { Construct } from "constructs";
import { importRunBody } from "../arm/bodies";
import { TransferSide } from "../arm/options";
import { checkBlobName } from "../arm/storage";
import { IImportPipeline } from "../pipelines/pipeline";
import { check, expectShape } from "../validation/check";
import { checkCatalogDigest } from "../arm/digests";
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
}

/** A run of an import pipeline: imports the artifacts of one blob. */
export class ImportPipelineRun extends PipelineRunBase {
  /** Declares the run; it starts when Terraform creates it and re-runs when rerunToken changes. */
  public constructor(scope: Construct, id: string, props: ImportPipelineRunProps) {
    super(scope, id, props, props?.pipeline, TransferSide.IMPORT);
  }

  protected validateSide(props: PipelineRunProps): void {
    const { blobName, catalogDigest } = props as ImportPipelineRunProps;
    expectShape(this, "blobName", blobName, "string");
    check(this, "blobName", blobName, checkBlobName);
    expectShape(this, "catalogDigest", catalogDigest, "string", false);
    check(this, "catalogDigest", catalogDigest, checkCatalogDigest);
  }

  protected runBody(props: PipelineRunProps): { [key: string]: unknown } {
    const run = props as ImportPipelineRunProps;
    return importRunBody({
      pipelineResourceId: run.pipeline.pipelineId,
      sourceBlobName: run.blobName,
      catalogDigest: run.catalogDigest,
      forceUpdateTag: run.rerunToken,
    });
  }
}
