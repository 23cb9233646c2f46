import { Construct } from "constructs";
import { ExportOption, TransferSide } from "../arm/options";
import { EXPORT_PIPELINE_TYPE } from "../arm/resource-types";
import { ExistingExportPipeline, PipelineIdOptions } from "./existing-pipeline";
import { IExportPipeline } from "./pipeline";
import { PipelineSideSpec } from "./pipeline-spec";
import { TransferPipelineBase } from "./transfer-pipeline-base";
import { TransferPipelineProps } from "./transfer-pipeline-props";

/** Props of an export pipeline. */
export interface ExportPipelineProps extends TransferPipelineProps {
  /**
   * Export options.
   * @default none
   */
  readonly options?: ExportOption[];
}

/**
 * An ACR Transfer export pipeline: copies artifacts from a registry into blobs of a storage
 * container, with the grants its identity needs.
 */
export class ExportPipeline extends TransferPipelineBase implements IExportPipeline {
  /** An export pipeline made elsewhere, by ID, to start runs on. */
  public static fromPipelineId(
    scope: Construct,
    id: string,
    pipelineId: string,
    options: PipelineIdOptions = {},
  ): IExportPipeline {
    return new ExistingExportPipeline(scope, id, pipelineId, options);
  }

  /** The export side, as the shared base takes it: plain data from the props. */
  private static sideSpec(props: ExportPipelineProps): PipelineSideSpec {
    return {
      side: TransferSide.EXPORT,
      resourceType: EXPORT_PIPELINE_TYPE,
      options: props?.options,
    };
  }

  /** Declares the pipeline, validating every prop Azure would otherwise reject at apply time. */
  public constructor(scope: Construct, id: string, props: ExportPipelineProps) {
    super(scope, id, props, ExportPipeline.sideSpec(props));
  }

  /** Same as pipelineId. */
  public get exportPipelineId(): string {
    return this.pipelineId;
  }
}
