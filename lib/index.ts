export * from "./azapi";
export {
  TransferApiVersions,
  TRANSFER_API_VERSIONS,
  DEFAULT_TRANSFER_API_VERSION,
  STORAGE_ACCESS_MODE_API_VERSION,
  TransferLimits,
  MAX_ARTIFACTS_PER_RUN,
  StorageAccessMode,
  AzureCloud,
  ExportOption,
  ImportOption,
  TransferSide,
  TransferResourceTypes,
  EXPORT_PIPELINE_TYPE,
  IMPORT_PIPELINE_TYPE,
  PIPELINE_RUN_TYPE,
  PipelineStorageBody,
} from "./arm";
export * from "./validation";
export * from "./references/registry";
export * from "./references/user-identity";
export * from "./pipelines/pipeline-identity";
export * from "./network/network-posture";
export * from "./references/key-vault";
export * from "./references/storage-account";
export * from "./containers/transfer-container";
export * from "./secrets/secret";
export * from "./secrets/sas-token-props";
export { SasToken } from "./secrets/sas-token";
export * from "./secrets/sas-token-secret";
export * from "./pipelines/storage-access";
export * from "./pipelines/pipeline";
export { PipelineBase } from "./pipelines/pipeline-base";
export { TransferPipelineBase } from "./pipelines/transfer-pipeline-base";
export { TransferPipelineProps } from "./pipelines/transfer-pipeline-props";
export { PipelineImportOptions } from "./pipelines/imported-pipeline";
export * from "./pipelines/export-pipeline";
export * from "./pipelines/import-pipeline";
export { PipelineRunBase, PipelineRunProps } from "./runs/pipeline-run-base";
export { DEFAULT_RUN_TIMEOUT, AUTHORIZATION_RETRY_PATTERNS } from "./runs/run-outputs";
export * from "./runs/export-pipeline-run";
export * from "./runs/import-pipeline-run";
export {
  TransferAccess,
  KEY_VAULT_SECRETS_USER,
  STORAGE_BLOB_DATA_CONTRIBUTOR,
  STORAGE_BLOB_DATA_READER,
  SECRET_READ_PERMISSIONS,
} from "./arm/roles";
export { GrantPrincipal, PipelinePrincipal } from "./grants/principal";
export { TransferGrant } from "./grants/transfer-grant";
export { BlobAccessGrantOptions } from "./grants/container-access";
export { SecretReadGrantOptions } from "./grants/secret-read";
export { BlobCopyOutput, BlobCopyOutputProps } from "./copy/blob-copy-output";
export * from "./policies";
export * from "./batches";
export * from "./deployer/deployer-right";
export { DeployerRights } from "./deployer/deployer-rights";
