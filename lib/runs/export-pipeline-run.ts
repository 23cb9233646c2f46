import { Token } from "../core/cdk";
import { Construct } from "constructs";
import { checkArtifacts } from "../arm/artifacts";
import { exportRunBody } from "../arm/bodies";
import { TransferSide } from "../arm/options";
import { checkBlobName } from "../arm/storage";
import { IExportPipeline } from "../pipelines/pipeline";
import { check, expectShape } from "../validation/check";
import { IExportedBlob } from "./exported-blob";
import { PipelineRunBase, PipelineRunProps } from "./pipeline-run-base";

/** Props of an export run. */
export interface ExportPipelineRunProps extends PipelineRunProps {
  /** The export pipeline to run. */
  readonly pipeline: IExportPipeline;
  /** Name of the blob the run writes into the pipeline's container. */
  readonly blobName: string;
  /** 1-50 artifacts: `repo`, `repo:tag` or `repo@sha256:<64 hex>`. */
  readonly artifacts: string[];
}

/**
 * A run of an export pipeline: writes the artifacts into one blob. An `ImportPipelineRun` given it
 * as `exportRun` reads that blob and runs again whenever this run's artifacts or rerun token
 * change.
 */
export class ExportPipelineRun extends PipelineRunBase implements IExportedBlob {
  /** Name of the blob the run writes. */
  public readonly blobName: string;
  /** The artifacts the run writes into its blob. */
  public readonly artifacts: string[];
  /** The run's rerun token (its `forceUpdateTag`), when it has one. */
  public readonly rerunToken?: string;

  /** Declares the run; it starts when Terraform creates it and re-runs when rerunToken changes. */
  public constructor(scope: Construct, id: string, props: ExportPipelineRunProps) {
    super(scope, id, props, props?.pipeline, TransferSide.EXPORT);
    this.blobName = props.blobName;
    this.artifacts = props.artifacts;
    this.rerunToken = props.rerunToken;
  }

  protected validateSide(props: PipelineRunProps): void {
    const { blobName, artifacts } = props as ExportPipelineRunProps;
    expectShape(this, "blobName", blobName, "string");
    check(this, "blobName", blobName, checkBlobName);
    expectShape(this, "artifacts", artifacts, "list");
    if (!Token.isUnresolved(artifacts)) {
      check(this, "artifacts", artifacts, (list) =>
        checkArtifacts(list, (a) => Token.isUnresolved(a)),
      );
    }
  }

  protected runBody(props: PipelineRunProps): { [key: string]: unknown } {
    const run = props as ExportPipelineRunProps;
    return exportRunBody({
      pipelineResourceId: run.pipeline.pipelineId,
      artifacts: run.artifacts,
      targetBlobName: run.blobName,
      forceUpdateTag: run.rerunToken,
    });
  }
}
