import { ITerraformDependable } from "../core/cdk";
import { Construct } from "constructs";
import { TransferSide } from "../arm/options";
import { ITransferPipeline } from "./pipeline";

/**
 * What owned and existing pipelines share: the attributes their runs read. Owned pipelines
 * (ExportPipeline, ImportPipeline) declare the resource and its grants; existing ones
 * (`fromPipelineId`) only know the ID. Users do not extend it.
 * @internal
 */
export abstract class PipelineBase extends Construct implements ITransferPipeline {
  /** Pipeline name. */
  public abstract readonly pipelineName: string;
  /** ARM resource ID of the registry holding the pipeline (and its runs). */
  public abstract readonly registryId: string;
  /**
   * A stable key of that registry, for duplicate-name checks.
   * @default derived from registryId
   */
  public abstract readonly registryKey?: string;
  /** The api-version the pipeline is managed with; its runs use the same. */
  public abstract readonly apiVersion: string;
  /** Export or import. */
  public abstract readonly side: TransferSide;
  /** Grants (access policies, role assignments) a run must wait for; empty for existing pipelines. */
  public abstract readonly grants: ITerraformDependable[];
  /** ARM resource ID of the pipeline. */
  public abstract readonly pipelineId: string;
  /** Principal (object) ID of the identity that acts for the pipeline. */
  public abstract readonly principalId: string;
}
