import { inform } from "../private/annotations";
import { Construct } from "constructs";
import { IImportPipeline } from "../pipelines/pipeline";
import { ImportPipelineRun } from "../runs/import-pipeline-run";
import { IPipelineRun, PipelineRunProps } from "../runs/pipeline-run";
import { expectShape, fail } from "../validation/check";
import { ExportBatches } from "./export-batches";
import { TransferBatch } from "./transfer-batch";
import { TransferBatchesBase, TransferBatchesProps } from "./transfer-batches-base";

/** Props of an import batch set: the export side's artifacts and naming, and the import pipeline. */
export interface ImportBatchesProps extends TransferBatchesProps {
  /** The import pipeline every run runs. */
  readonly pipeline: IImportPipeline;
  /**
   * The export batch set whose blobs these runs import, when it is in the same app: its plan
   * must equal this one, and each import run waits for the export run of its batch (in another
   * stack, the stacks are ordered instead). Leave it unset when the blobs arrive by a copy
   * between deploys (another storage account, another cloud).
   * @default none: the plan is computed from these props alone
   */
  readonly exportBatches?: ExportBatches;
  /**
   * Declare import runs even when the pipeline's source trigger is enabled (the service then
   * imports each blob on its own as it lands, and a run would import it a second time).
   * @default false: no runs on a pipeline whose source trigger is known to be enabled
   */
  readonly runsDespiteSourceTrigger?: boolean;
}

/**
 * The import side of a batched transfer: one ImportPipelineRun per batch, reading the blob the
 * export side wrote. The plan is computed from the same inputs as the export side's (artifacts,
 * maxArtifactsPerRun, blobNamePrefix), so the two agree without sharing state, in another
 * stack or another cloud.
 */
export class ImportBatches extends TransferBatchesBase {
  /** The export run of each batch ID, when the export batch set is given. */
  private readonly exportRuns = new Map<string, IPipelineRun>();

  /** Plans the batches and declares their import runs and outputs, unless the source trigger imports them. */
  public constructor(scope: Construct, id: string, props: ImportBatchesProps) {
    super(scope, id, props);
    expectShape(
      this,
      "pipeline",
      props.pipeline,
      "object",
      true,
      "pass an import pipeline, or ImportPipeline.fromPipelineId(...)",
    );
    expectShape(this, "exportBatches", props.exportBatches, "object", false);
    expectShape(this, "runsDespiteSourceTrigger", props.runsDespiteSourceTrigger, "boolean", false);
    if (props.exportBatches) {
      const exported = props.exportBatches;
      if (!Array.isArray(exported.batches) || !Array.isArray(exported.runs)) {
        fail(this, "exportBatches", exported, {
          problem: "is not an ExportBatches",
          rule: "the import runs follow the export batch set whose blobs they read",
          fix: "pass the ExportBatches construct of the export side, or leave it unset",
        });
      }
      this.checkSamePlan(exported, props.blobNamePrefix);
      exported.batches.forEach((b, i) => this.exportRuns.set(b.batchId, exported.runs[i]));
    }
    const trigger = (props.pipeline as { readonly sourceTriggerEnabled?: boolean })
      .sourceTriggerEnabled;
    if (trigger === true && props.runsDespiteSourceTrigger !== true) {
      inform(
        this,
        `the import pipeline's source trigger is enabled: the service imports each of the ` +
          `${this.batches.length} blobs as it lands, so no import runs are declared ` +
          "(set runsDespiteSourceTrigger to declare them anyway, or disable the trigger)",
      );
      return;
    }
    this.declareRuns(props);
  }

  protected createRun(
    props: TransferBatchesProps,
    batch: TransferBatch,
    run: PipelineRunProps,
  ): IPipelineRun {
    const exportRun = this.exportRuns.get(batch.batchId);
    return new ImportPipelineRun(this, batch.batchId, {
      ...run,
      dependsOn: [...(run.dependsOn ?? []), ...(exportRun ? [exportRun.resource] : [])],
      pipeline: (props as ImportBatchesProps).pipeline,
      blobName: batch.blobName,
      // What the batch's export run writes, as this side plans it: the import runs again
      // whenever the batch's artifacts or the rerun token change, in any stack or cloud.
      exportRun: {
        blobName: batch.blobName,
        artifacts: batch.artifacts,
        rerunToken: props.rerunToken,
      },
    });
  }

  /**
   * Every import run reads a blob an export run writes: the plans are the same, and so are the
   * blob names (the same batches under another blobNamePrefix fail, naming the blobs).
   */
  private checkSamePlan(exportBatches: ExportBatches, blobNamePrefix: string): void {
    const exported = exportBatches.batches;
    const mismatch = planMismatch(exported, this.batches);
    if (mismatch === undefined) return;
    const sameBatches =
      exported.length === this.batches.length &&
      exported.every(
        (e, k) =>
          e.batchId === this.batches[k].batchId &&
          e.artifacts.join("\n") === this.batches[k].artifacts.join("\n"),
      );
    if (sameBatches) {
      fail(this, "blobNamePrefix", blobNamePrefix, {
        problem:
          `makes the ${this.batches.length} import runs read blobs that no export run of ` +
          `${exportBatches.node.path} writes (this side reads ` +
          `${JSON.stringify(this.batches[0].blobName)}, the export side writes ` +
          `${JSON.stringify(exported[0].blobName)})`,
        rule: "every import run reads a blob an export run writes",
        fix: "give both sides the same blobNamePrefix",
      });
    }
    fail(this, "exportBatches", exportBatches.node.path, {
      problem: `plans other batches: ${mismatch}`,
      rule: "the import runs read exactly the blobs the export runs write",
      fix: "give both sides the same artifacts, maxArtifactsPerRun and blobNamePrefix",
    });
  }
}

/** How two plans differ, or undefined when they are the same. */
function planMismatch(
  exported: readonly TransferBatch[],
  imported: readonly TransferBatch[],
): string | undefined {
  if (exported.length !== imported.length) {
    return `the export side has ${exported.length} batches, this side ${imported.length}`;
  }
  const i = exported.findIndex(
    (e, k) =>
      e.blobName !== imported[k].blobName ||
      e.artifacts.join("\n") !== imported[k].artifacts.join("\n"),
  );
  if (i < 0) return undefined;
  return (
    `the export side's batch ${i + 1} writes blob "${exported[i].blobName}" with ` +
    `${exported[i].artifacts.length} artifacts, this side's reads "${imported[i].blobName}" ` +
    `planned with ${imported[i].artifacts.length}`
  );
}
