/** One batch of a batched transfer: one export run writes it, one import run reads it. */
export interface TransferBatch {
  /**
   * The batch ID: "b" and the batch's hash prefix in bits ("b" alone when there is only one
   * batch). Stable: it depends on the batch's artifacts, never on list order.
   */
  readonly batchId: string;
  /** Name of the batch's runs: runNamePrefix and the batch ID. */
  readonly runName: string;
  /** Name of the batch's blob: blobNamePrefix and the batch ID. */
  readonly blobName: string;
  /** The batch's artifacts, at most maxArtifactsPerRun, in code-point order. */
  readonly artifacts: string[];
}

/**
 * Runs a batch set starts at once by default: Terraform's own default parallelism
 * (`terraform apply -parallelism`, 10). ACR Transfer documents no limit on concurrent runs.
 */
export const DEFAULT_MAX_CONCURRENT_RUNS = 10;

/** Defaults of batched transfers, for every language. */
export class TransferBatchDefaults {
  /** Runs started at once by default. */
  public static readonly MAX_CONCURRENT_RUNS = DEFAULT_MAX_CONCURRENT_RUNS;

  private constructor() {}
}
