import { Token } from "cdktf";
import { Construct } from "constructs";
import { checkArtifacts } from "../arm/artifacts";
import { exportRunBody } from "../arm/bodies";
import { TransferSide } from "../arm/options";
import { checkBlobName } from "../arm/storage";
import { IExportPipeline } from "../pipelines/pipeline";
import { PipelineRunBase, PipelineRunProps } from "./pipeline-run-base";
import { check, expectShape } from "../validation/check";

/** Props of an export run. */
export interface ExportPipelineRunProps extends PipelineRunProps {
  /** The export pipeline to run. */
  readonly pipeline: IExportPipeline;
  /** Name of the blob the run writes into the pipeline's container. */
  readonly blobName: string;
  /** 1-50 artifacts: `repo`, `repo:tag` or `repo@sha256:<64 hex>`. */
  readonly artifacts: string[];
}

/** A run of an export pipeline: writes the artifacts into one blob. */
export class ExportPipelineRun extends PipelineRunBase {
  /** Declares the run; it starts when Terraform creates it and re-runs when rerunToken changes. */
  public constructor(scope: Construct, id: string, props: ExportPipelineRunProps) {
    super(scope, id, props, props.pipeline, {
      side: TransferSide.EXPORT,
      validate: (run) => {
        expectShape(run, "blobName", props.blobName, "string");
        check(run, "blobName", props.blobName, checkBlobName);
        expectShape(run, "artifacts", props.artifacts, "list");
        if (!Token.isUnresolved(props.artifacts)) {
          check(run, "artifacts", props.artifacts, (list) =>
            checkArtifacts(list, (a) => Token.isUnresolved(a)),
          );
        }
      },
      body: () =>
        exportRunBody({
          pipelineResourceId: props.pipeline.pipelineId,
          artifacts: props.artifacts,
          targetBlobName: props.blobName,
          forceUpdateTag: props.rerunToken,
        }),
    });
  }
}
