export { ArtifactList } from "./artifact-list";
export { TransferBatch, TransferBatchDefaults } from "./transfer-batch";
export {
  TransferBatchesBase,
  TransferBatchesProps,
  TransferBatchSettings,
} from "./transfer-batches-base";
export * from "./export-batches";
export * from "./import-batches";
export * from "./bulk-transfer-props";
export { BulkTransfer } from "./bulk-transfer";
