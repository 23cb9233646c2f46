import { ITerraformDependable } from "../core/cdk";
import { TransferSide } from "../arm/options";

/** What every pipeline offers its runs, owned or imported. */
export interface ITransferPipeline {
  /** ARM resource ID of the pipeline. */
  readonly pipelineId: string;
  /** Pipeline name. */
  readonly pipelineName: string;
  /** ARM resource ID of the registry holding the pipeline (and its runs). */
  readonly registryId: string;
  /**
   * A stable key of that registry, for duplicate-name checks.
   * @default derived from registryId
   */
  readonly registryKey?: string;
  /** The api-version the pipeline is managed with; its runs use the same. */
  readonly apiVersion: string;
  /** Export or import. */
  readonly side: TransferSide;
  /** Principal (object) ID of the identity that acts for the pipeline. */
  readonly principalId: string;
  /** Grants (access policies, role assignments) a run must wait for; empty for existing pipelines. */
  readonly grants: ITerraformDependable[];
}

/** An export pipeline, owned or imported. */
export interface IExportPipeline extends ITransferPipeline {
  /** Same as pipelineId; tells export pipelines from import pipelines at compile time. */
  readonly exportPipelineId: string;
}

/** An import pipeline, owned or imported. */
export interface IImportPipeline extends ITransferPipeline {
  /** Same as pipelineId; tells import pipelines from export pipelines at compile time. */
  readonly importPipelineId: string;
}
