import { Construct } from "constructs";
import { TransferSide } from "../arm/options";
import { IExportPipeline } from "../pipelines/pipeline";
import { IExportedBlob } from "./exported-blob";
import { PipelineRunBase } from "./pipeline-run-base";
import { PipelineRunProps } from "./pipeline-run";
import { ExportRunSideSpec } from "./run-spec";

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
  /** The export side, as the shared base takes it: plain data from the props. */
  private static sideSpec(props: ExportPipelineRunProps): ExportRunSideSpec {
    return {
      side: TransferSide.EXPORT,
      pipeline: props?.pipeline,
      blobName: props?.blobName,
      artifacts: props?.artifacts,
    };
  }

  /** Name of the blob the run writes. */
  public readonly blobName: string;
  /** The artifacts the run writes into its blob. */
  public readonly artifacts: string[];
  /** The run's rerun token (its `forceUpdateTag`), when it has one. */
  public readonly rerunToken?: string;

  /** Declares the run; it starts when Terraform creates it and re-runs when rerunToken changes. */
  public constructor(scope: Construct, id: string, props: ExportPipelineRunProps) {
    super(scope, id, props, ExportPipelineRun.sideSpec(props));
    this.blobName = props.blobName;
    this.artifacts = props.artifacts;
    this.rerunToken = props.rerunToken;
  }
}
