import { Construct } from "constructs";
import { ImportOption, TransferSide } from "../arm/options";
import { IMPORT_PIPELINE_TYPE } from "../arm/resource-types";
import { ExistingImportPipeline, PipelineIdOptions } from "./existing-pipeline";
import { IImportPipeline } from "./pipeline";
import { TransferPipelineBase } from "./transfer-pipeline-base";
import { TransferPipelineProps } from "./transfer-pipeline-props";
import { PipelineSideSpec } from "./pipeline-spec";

/** Props of an import pipeline. */
export interface ImportPipelineProps extends TransferPipelineProps {
  /**
   * Import options.
   * @default none
   */
  readonly options?: ImportOption[];
  /**
   * Import new blobs as they land in the container (blobs younger than 60 days whose
   * ContentMD5 is set), as the service and Microsoft's template do by default.
   * @default true
   */
  readonly sourceTriggerEnabled?: boolean;
}

/**
 * An ACR Transfer import pipeline: imports artifacts from blobs of a storage container into a
 * registry, with the grants its identity needs.
 */
export class ImportPipeline extends TransferPipelineBase implements IImportPipeline {
  /** An import pipeline made elsewhere, by ID, to start runs on. */
  public static fromPipelineId(
    scope: Construct,
    id: string,
    pipelineId: string,
    options: PipelineIdOptions = {},
  ): IImportPipeline {
    return new ExistingImportPipeline(scope, id, pipelineId, options);
  }

  /** Whether the source trigger is enabled. */
  public readonly sourceTriggerEnabled: boolean;

  /** The import side, as the shared base takes it: plain data from the props. */
  private static sideSpec(props: ImportPipelineProps): PipelineSideSpec {
    return {
      side: TransferSide.IMPORT,
      resourceType: IMPORT_PIPELINE_TYPE,
      options: props?.options,
      sourceTriggerEnabled: props?.sourceTriggerEnabled,
    };
  }

  /** Declares the pipeline, validating every prop Azure would otherwise reject at apply time. */
  public constructor(scope: Construct, id: string, props: ImportPipelineProps) {
    super(scope, id, props, ImportPipeline.sideSpec(props));
    this.sourceTriggerEnabled = props.sourceTriggerEnabled ?? true;
  }

  /** Same as pipelineId. */
  public get importPipelineId(): string {
    return this.pipelineId;
  }
}
