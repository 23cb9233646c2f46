import { Construct } from "constructs";
import { exportPipelineBody } from "../arm/bodies";
import { ExportOption, TransferSide } from "../arm/options";
import { EXPORT_PIPELINE_TYPE } from "../arm/resource-types";
import { STORAGE_BLOB_DATA_CONTRIBUTOR } from "../arm/roles";
import { ImportedExportPipeline, PipelineImportOptions } from "./imported-pipeline";
import { IExportPipeline } from "./pipeline";
import { TransferPipelineBase, TransferPipelineProps } from "./transfer-pipeline-base";
import { fail } from "../validation/check";

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
    options: PipelineImportOptions = {},
  ): IExportPipeline {
    return new ImportedExportPipeline(scope, id, pipelineId, options);
  }

  /** Declares the pipeline, validating every prop Azure would otherwise reject at apply time. */
  public constructor(scope: Construct, id: string, props: ExportPipelineProps) {
    const options = props.options ?? [];
    super(scope, id, props, {
      side: TransferSide.EXPORT,
      resourceType: EXPORT_PIPELINE_TYPE,
      options,
      defaultStorageRole: STORAGE_BLOB_DATA_CONTRIBUTOR,
      needsDelete: false,
      body: (storage) => exportPipelineBody(storage, options),
    });
    if (props.registry.exportPolicyEnabled === false) {
      fail(this, "registry", props.registry.registryKey, {
        problem: "disables export (export_policy_enabled = false)",
        rule: "Azure refuses export pipelines on registries whose export policy is disabled",
        fix: "set export_policy_enabled = true on the registry, or export from another registry",
      });
    }
  }

  /** Same as pipelineId. */
  public get exportPipelineId(): string {
    return this.pipelineId;
  }
}
