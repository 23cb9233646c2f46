import { Construct } from "constructs";
import { importPipelineBody } from "../arm/bodies";
import { ImportOption, TransferSide } from "../arm/options";
import { IMPORT_PIPELINE_TYPE } from "../arm/resource-types";
import { STORAGE_BLOB_DATA_CONTRIBUTOR, STORAGE_BLOB_DATA_READER } from "../arm/roles";
import { ImportedImportPipeline, PipelineImportOptions } from "./imported-pipeline";
import { IImportPipeline } from "./pipeline";
import { TransferPipelineBase, TransferPipelineProps } from "./transfer-pipeline-base";

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
    options: PipelineImportOptions = {},
  ): IImportPipeline {
    return new ImportedImportPipeline(scope, id, pipelineId, options);
  }

  /** Whether the source trigger is enabled. */
  public readonly sourceTriggerEnabled: boolean;

  /** Declares the pipeline, validating every prop Azure would otherwise reject at apply time. */
  public constructor(scope: Construct, id: string, props: ImportPipelineProps) {
    const options = props.options ?? [];
    const trigger = props.sourceTriggerEnabled ?? true;
    const deletes = options.includes(ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS);
    super(scope, id, props, {
      side: TransferSide.IMPORT,
      resourceType: IMPORT_PIPELINE_TYPE,
      options,
      defaultStorageRole: deletes ? STORAGE_BLOB_DATA_CONTRIBUTOR : STORAGE_BLOB_DATA_READER,
      needsDelete: deletes,
      body: (storage) => importPipelineBody(storage, options, trigger),
    });
    this.sourceTriggerEnabled = trigger;
  }

  /** Same as pipelineId. */
  public get importPipelineId(): string {
    return this.pipelineId;
  }
}
