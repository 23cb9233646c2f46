import { TerraformStack } from "cdktf";
import {
  ArtifactList,
  ExportBatches,
  ExportBatchesProps,
  ImportBatches,
  ImportBatchesProps,
} from "../../lib";
import { exportPipeline, importPipeline } from "../support/pipelines";

/** `n` distinct, well-formed references: samples/app0:v1, samples/app1:v1, ... */
export function images(n: number, prefix = "samples/app"): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}:v1`);
}

/** The batch settings both sides of the tests share, for 120 images unless overridden. */
export const SETTINGS = {
  artifacts: ArtifactList.fromList(images(120)),
  runNamePrefix: "bulk202611",
  blobNamePrefix: "bulk-2026-11-",
};

/** Export batches "<id>" on the default export pipeline of support/pipelines unless overridden. */
export function exportBatches(
  stack: TerraformStack,
  overrides: Partial<ExportBatchesProps> = {},
  id = "Batches",
): ExportBatches {
  return new ExportBatches(stack, id, {
    pipeline: overrides.pipeline ?? exportPipeline(stack),
    ...SETTINGS,
    ...overrides,
  });
}

/** Import batches "<id>" on an import pipeline with the source trigger off unless overridden. */
export function importBatches(
  stack: TerraformStack,
  overrides: Partial<ImportBatchesProps> = {},
  id = "Batches",
): ImportBatches {
  return new ImportBatches(stack, id, {
    pipeline: overrides.pipeline ?? importPipeline(stack, { sourceTriggerEnabled: false }),
    ...SETTINGS,
    ...overrides,
  });
}
