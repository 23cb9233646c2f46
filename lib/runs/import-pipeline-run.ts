import { Construct } from "constructs";
import { importRunBody } from "../arm/bodies";
import { TransferSide } from "../arm/options";
import { checkBlobName } from "../arm/storage";
import { IImportPipeline } from "../pipelines/pipeline";
import { PipelineRunBase, PipelineRunProps } from "./pipeline-run-base";
import { check, expectShape } from "../validation/check";
import { nonEmpty } from "../validation/non-empty";

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
    super(scope, id, props, props.pipeline, {
      side: TransferSide.IMPORT,
      validate: (run) => {
        expectShape(run, "blobName", props.blobName, "string");
        check(run, "blobName", props.blobName, checkBlobName);
        expectShape(run, "catalogDigest", props.catalogDigest, "string", false);
        check(
          run,
          "catalogDigest",
          props.catalogDigest,
          nonEmpty(
            "a catalog digest, when given, is the digest of the exported tar",
            "leave catalogDigest unset, or pass the export run's catalogDigest",
          ),
        );
      },
      body: () =>
        importRunBody({
          pipelineResourceId: props.pipeline.pipelineId,
          sourceBlobName: props.blobName,
          catalogDigest: props.catalogDigest,
          forceUpdateTag: props.rerunToken,
        }),
    });
  }
}
