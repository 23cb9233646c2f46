export * from "./azapi";
export {
  TRANSFER_API_VERSIONS,
  DEFAULT_TRANSFER_API_VERSION,
  STORAGE_ACCESS_MODE_API_VERSION,
  MAX_ARTIFACTS_PER_RUN,
  StorageAccessMode,
  AzureCloud,
  ExportOption,
  ImportOption,
  TransferSide,
  EXPORT_PIPELINE_TYPE,
  IMPORT_PIPELINE_TYPE,
  PIPELINE_RUN_TYPE,
} from "./arm";
export * from "./validation";
export * from "./registry";
export * from "./identity";
export * from "./key-vault-ref";
export * from "./storage-account-ref";
export * from "./transfer-container";
export * from "./sas-token";
export * from "./sas-token-secret";
export * from "./storage-access";
export * from "./pipeline";
export { TransferPipelineBase, TransferPipelineProps } from "./pipeline-base";
export { PipelineImportOptions } from "./imported-pipeline";
export * from "./export-pipeline";
export * from "./import-pipeline";
export {
  PipelineRunBase,
  PipelineRunProps,
  DEFAULT_RUN_TIMEOUT,
  AUTHORIZATION_RETRY_PATTERNS,
} from "./pipeline-run-base";
export * from "./export-pipeline-run";
export * from "./import-pipeline-run";
export {
  KEY_VAULT_SECRETS_USER,
  STORAGE_BLOB_DATA_CONTRIBUTOR,
  STORAGE_BLOB_DATA_READER,
  SECRET_READ_PERMISSIONS,
} from "./grants";
export { PipelinePrincipal } from "./principal";
