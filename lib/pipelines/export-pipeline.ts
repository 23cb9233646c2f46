import { Construct } from "constructs";
import { PipelineStorageBody, exportPipelineBody } from "../arm/bodies";
import { ExportOption, TransferSide } from "../arm/options";
import { EXPORT_PIPELINE_TYPE } from "../arm/resource-types";
import { STORAGE_BLOB_DATA_CONTRIBUTOR } from "../arm/roles";
import { keyOf } from "../private/keys";
import { failOn } from "../validation/finding";
import { ExistingExportPipeline, PipelineIdOptions } from "./existing-pipeline";
import { IExportPipeline } from "./pipeline";
import { exportPolicyFinding } from "./prop-rules";
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

  /** Declares the pipeline, validating every prop Azure would otherwise reject at apply time. */
  public constructor(scope: Construct, id: string, props: ExportPipelineProps) {
    super(scope, id, props, TransferSide.EXPORT, EXPORT_PIPELINE_TYPE);
    const registry = props.registry;
    failOn(
      this,
      exportPolicyFinding(
        registry.exportPolicyEnabled,
        keyOf(this, registry.registryKey, registry.registryId),
      ),
    );
  }

  /** Same as pipelineId. */
  public get exportPipelineId(): string {
    return this.pipelineId;
  }

  protected sideOptions(props: TransferPipelineProps): string[] {
    return (props as ExportPipelineProps).options ?? [];
  }

  protected needsDelete(_props: TransferPipelineProps): boolean {
    return false;
  }

  protected defaultStorageRole(_props: TransferPipelineProps): string {
    return STORAGE_BLOB_DATA_CONTRIBUTOR;
  }

  protected pipelineBody(
    props: TransferPipelineProps,
    storage: PipelineStorageBody,
  ): { [key: string]: unknown } {
    return exportPipelineBody(storage, this.sideOptions(props));
  }
}
