import { TerraformProvider, Token } from "../core/cdk";
import { Construct } from "constructs";
import { ExportOption, ImportOption } from "../arm/options";
import { StorageAccessMode } from "../arm/storage-access-mode";
import { ExportPipeline } from "../pipelines/export-pipeline";
import { ImportPipeline } from "../pipelines/import-pipeline";
import { StorageAccess } from "../pipelines/storage-access";
import { ITransferContainer, TransferContainer } from "../containers/transfer-container";
import { SasTokenSecret } from "../secrets/sas-token-secret";
import { fail } from "../validation/check";
import { BulkTransferProps, BulkTransferSas } from "./bulk-transfer-props";

// The resources of each side of a BulkTransfer: container, secret (SAS token mode) and
// pipeline, declared in the side's stack through the side's providers.

const DEFAULT_CONTAINER_NAME = "transfer";

/** The export side: a new container, the secret in SAS token mode, the export pipeline. */
export function declareSource(
  scope: Construct,
  props: BulkTransferProps,
): { container: TransferContainer; pipeline: ExportPipeline } {
  const { source } = props;
  const container = new TransferContainer(scope, "Container", {
    storageAccount: source.storageAccount,
    containerName: source.containerName ?? DEFAULT_CONTAINER_NAME,
    azurermProvider: source.azurermProvider,
    blobRetentionDays: source.blobRetentionDays,
    lifecyclePolicyManagedElsewhere: source.lifecyclePolicyManagedElsewhere,
  });
  const pipeline = new ExportPipeline(scope, "Pipeline", {
    registry: source.registry,
    pipelineName: source.pipelineName,
    container,
    storageAccess: storageAccess(
      scope,
      props.storageAccessMode,
      source.sas,
      "acrexportsas",
      source.azurermProvider,
    ),
    options: source.options ?? [ExportOption.OVERWRITE_BLOBS, ExportOption.CONTINUE_ON_ERRORS],
    provider: source.provider,
    azurermProvider: source.azurermProvider,
  });
  return { container, pipeline };
}

/**
 * The import side: a new container in the target's storage account, or the source's container
 * when the target names none; the secret in SAS token mode; the import pipeline.
 */
export function declareTarget(
  scope: Construct,
  props: BulkTransferProps,
  sourceContainer: TransferContainer,
): { container: ITransferContainer; pipeline: ImportPipeline } {
  const { target } = props;
  const container = target.storageAccount
    ? new TransferContainer(scope, "Container", {
        storageAccount: target.storageAccount,
        containerName: target.containerName ?? DEFAULT_CONTAINER_NAME,
        azurermProvider: target.azurermProvider,
        blobRetentionDays: target.blobRetentionDays,
        lifecyclePolicyManagedElsewhere: target.lifecyclePolicyManagedElsewhere,
      })
    : sharedContainer(scope, props, sourceContainer);
  const pipeline = new ImportPipeline(scope, "Pipeline", {
    registry: target.registry,
    pipelineName: target.pipelineName,
    container,
    storageAccess: storageAccess(
      scope,
      props.storageAccessMode,
      target.sas,
      "acrimportsas",
      target.azurermProvider,
    ),
    options: target.options ?? [ImportOption.OVERWRITE_TAGS, ImportOption.CONTINUE_ON_ERRORS],
    sourceTriggerEnabled: target.sourceTriggerEnabled ?? false,
    provider: target.provider,
    azurermProvider: target.azurermProvider,
  });
  return { container, pipeline };
}

/**
 * The source's container, seen from the target side: itself in the same stack; in another
 * stack, referred to by its literal ARM ID (no cross-stack reference, so no remote state), with
 * the target stack deployed after the source stack, which creates it.
 */
function sharedContainer(
  scope: Construct,
  props: BulkTransferProps,
  sourceContainer: TransferContainer,
): ITransferContainer {
  const { source, target } = props;
  if (source.stack === target.stack) return sourceContainer;
  const accountId = source.storageAccount.storageAccountId;
  if (Token.isUnresolved(accountId)) {
    fail(scope, "source.storageAccount", accountId, {
      problem: "is only known at apply time, in the source stack",
      rule: "a target stack sharing the source's container refers to it by literal ID, without remote state",
      fix: "pass StorageAccountRef.fromStorageAccountId(...) with the account's ID, or give the target its own storageAccount",
    });
  }
  target.stack.addDependency(source.stack);
  return TransferContainer.fromContainerResourceId(
    scope,
    "Container",
    `${accountId}/blobServices/default/containers/${sourceContainer.containerName}`,
    { cloud: source.storageAccount.cloud },
  );
}

/** A side's storage access: its new secret in SAS token mode, nothing in managed-identity mode. */
function storageAccess(
  scope: Construct,
  mode: StorageAccessMode,
  sas: BulkTransferSas | undefined,
  defaultSecretName: string,
  azurermProvider: TerraformProvider | undefined,
): StorageAccess {
  if (mode !== StorageAccessMode.SAS_TOKEN || !sas) return StorageAccess.fromMode(mode);
  const secret = new SasTokenSecret(scope, "Sas", {
    keyVault: sas.keyVault,
    secretName: sas.secretName ?? defaultSecretName,
    token: sas.token,
    azurermProvider,
  });
  return StorageAccess.sasToken(secret);
}
