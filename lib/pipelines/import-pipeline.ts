import { warn } from "../private/annotations";
import { Construct } from "constructs";
import { PipelineStorageBody, importPipelineBody } from "../arm/bodies";
import { ImportOption, TransferSide } from "../arm/options";
import { IMPORT_PIPELINE_TYPE } from "../arm/resource-types";
import { STORAGE_BLOB_DATA_CONTRIBUTOR, STORAGE_BLOB_DATA_READER } from "../arm/roles";
import { ExistingImportPipeline, PipelineIdOptions } from "./existing-pipeline";
import { IImportPipeline } from "./pipeline";
import { TransferPipelineBase } from "./transfer-pipeline-base";
import { TransferPipelineProps } from "./transfer-pipeline-props";
import { expectShape } from "../validation/check";

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

  /** Declares the pipeline, validating every prop Azure would otherwise reject at apply time. */
  public constructor(scope: Construct, id: string, props: ImportPipelineProps) {
    super(scope, id, props, TransferSide.IMPORT, IMPORT_PIPELINE_TYPE);
    this.sourceTriggerEnabled = props.sourceTriggerEnabled ?? true;
    if (
      this.sourceTriggerEnabled &&
      this.sideOptions(props).includes(ImportOption.OVERWRITE_TAGS)
    ) {
      warn(
        this,
        "the source trigger imports every blob that lands in the container, and OverwriteTags lets " +
          "it replace existing tags: anyone who can write to the container can replace this " +
          "registry's tags. Treat the container as the trust boundary (only the copy step may " +
          "write to it), or set sourceTriggerEnabled: false and import with runs pinned to the " +
          "export run's catalogDigest",
      );
    }
  }

  /** Same as pipelineId. */
  public get importPipelineId(): string {
    return this.pipelineId;
  }

  protected sideOptions(props: TransferPipelineProps): string[] {
    return (props as ImportPipelineProps).options ?? [];
  }

  protected needsDelete(props: TransferPipelineProps): boolean {
    return this.sideOptions(props).includes(ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS);
  }

  protected defaultStorageRole(props: TransferPipelineProps): string {
    return this.needsDelete(props) ? STORAGE_BLOB_DATA_CONTRIBUTOR : STORAGE_BLOB_DATA_READER;
  }

  protected pipelineBody(
    props: TransferPipelineProps,
    storage: PipelineStorageBody,
  ): { [key: string]: unknown } {
    // From a config, "false" is a truthy string: refused, never read as true.
    const trigger = (props as ImportPipelineProps).sourceTriggerEnabled;
    expectShape(this, "sourceTriggerEnabled", trigger, "boolean", false);
    return importPipelineBody(storage, this.sideOptions(props), trigger ?? true);
  }
}
