import { Construct } from "constructs";
import { IExportPipeline } from "../pipelines/pipeline";
import { ExportPipelineRun } from "../runs/export-pipeline-run";
import { IPipelineRun, PipelineRunProps } from "../runs/pipeline-run";
import { expectShape } from "../validation/check";
import { TransferBatch } from "./transfer-batch";
import { TransferBatchesBase, TransferBatchesProps } from "./transfer-batches-base";

/** Props of an export batch set. */
export interface ExportBatchesProps extends TransferBatchesProps {
  /** The export pipeline every run runs. */
  readonly pipeline: IExportPipeline;
}

/**
 * Any number of artifacts exported in runs of at most maxArtifactsPerRun: one
 * ExportPipelineRun per batch, writing the batch's blob. Batches are stable: adding or removing
 * an artifact re-runs its own batch only (see the guide, "Large transfers").
 */
export class ExportBatches extends TransferBatchesBase {
  /** Plans the batches and declares their export runs and outputs. */
  public constructor(scope: Construct, id: string, props: ExportBatchesProps) {
    super(scope, id, props);
    expectShape(
      this,
      "pipeline",
      props.pipeline,
      "object",
      true,
      "pass an export pipeline, or ExportPipeline.fromPipelineId(...)",
    );
    this.declareRuns(props);
  }

  protected createRun(
    props: TransferBatchesProps,
    batch: TransferBatch,
    run: PipelineRunProps,
  ): IPipelineRun {
    return new ExportPipelineRun(this, batch.batchId, {
      ...run,
      pipeline: (props as ExportBatchesProps).pipeline,
      blobName: batch.blobName,
      artifacts: batch.artifacts,
    });
  }
}
