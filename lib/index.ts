// The root entry point. The general azapi bindings are at `cdktf-acr-transfer/azapi`; only the
// provider every stack declares is here. test/public-api.test.ts pins the runtime exports.
export { AzapiProvider, AzapiProviderConfig, AzapiEnvironment } from "./azapi/provider";
export {
  TransferApiVersions,
  TransferLimits,
  StorageAccessMode,
  AzureCloud,
  ExportOption,
  ImportOption,
  TransferSide,
  TransferResourceTypes,
  PipelineStorageBody,
} from "./arm";
export { TransferValidationError, ValidationMessages } from "./validation/error";
export { Violation } from "./arm/violation";
export { TransferWarningIds } from "./arm/warning-ids";
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
export { TransferPipelineProps } from "./pipelines/transfer-pipeline-props";
export { PipelineIdOptions } from "./pipelines/existing-pipeline";
export * from "./pipelines/export-pipeline";
export * from "./pipelines/import-pipeline";
export { IPipelineRun, PipelineRunProps } from "./runs/pipeline-run";
export { TransferRunDefaults } from "./runs/run-outputs";
export * from "./runs/export-pipeline-run";
export * from "./runs/import-pipeline-run";
export { IExportedBlob } from "./runs/exported-blob";
export { TransferAccess } from "./arm/roles";
export { GrantPrincipal } from "./grants/principal";
export { TransferGrant } from "./grants/transfer-grant";
export { BlobAccessGrantOptions } from "./grants/container-access";
export { SecretReadGrantOptions } from "./grants/secret-read";
export { BlobCopyOutput, BlobCopyOutputProps } from "./copy/blob-copy-output";
export * from "./policies";
export * from "./batches";
export * from "./deployer/deployer-right";
export { DeployerRights } from "./deployer/deployer-rights";
export { RelativeLocalBackend } from "./backend/relative-local-backend";
