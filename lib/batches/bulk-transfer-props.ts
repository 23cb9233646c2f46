import { TerraformProvider, TerraformStack } from "../core/cdk";
import { ExportOption, ImportOption } from "../arm/options";
import { StorageAccessMode } from "../arm/storage-access-mode";
import { IKeyVaultRef } from "../references/key-vault";
import { IRegistryRef } from "../references/registry";
import { IStorageAccountRef } from "../references/storage-account";
import { SasToken } from "../secrets/sas-token";
import { TransferBatchSettings } from "./transfer-batches-base";

/** A side's SAS token, in SAS token mode: written to a new secret in the side's vault. */
export interface BulkTransferSas {
  /** The existing vault the secret is written to. */
  readonly keyVault: IKeyVaultRef;
  /** The token: SasToken.fromVariable(...) or .fromValue(...), written write-only. */
  readonly token: SasToken;
  /**
   * Name of the secret.
   * @default "acrexportsas" on the source side, "acrimportsas" on the target side
   */
  readonly secretName?: string;
}

/** What both sides of a bulk transfer have. */
export interface BulkTransferEndpoint {
  /** The stack the side's resources are declared in (its providers pick the cloud). */
  readonly stack: TerraformStack;
  /** The side's registry; its location is the pipeline's. */
  readonly registry: IRegistryRef;
  /** Name of the side's pipeline: 5-50 letters and digits. */
  readonly pipelineName: string;
  /**
   * Name of the new container in the side's storage account.
   * @default "transfer"
   */
  readonly containerName?: string;
  /**
   * The side's SAS token; required in SAS token mode, refused in managed-identity mode.
   * @default none (managed-identity mode)
   */
  readonly sas?: BulkTransferSas;
  /**
   * azapi provider of the side's pipeline and runs.
   * @default the stack's default azapi provider
   */
  readonly provider?: TerraformProvider;
  /**
   * azurerm provider of the side's container, secret and grants.
   * @default the stack's default azurerm provider
   */
  readonly azurermProvider?: TerraformProvider;
  /**
   * Days after which the side's new container deletes its blobs (TransferContainer's
   * blobRetentionDays: a rule in the storage account's lifecycle management policy).
   * @default none: blobs are kept
   */
  readonly blobRetentionDays?: number;
  /**
   * The side's storage account has its lifecycle management policy managed elsewhere: the rule
   * is given in a note instead (TransferContainer's lifecyclePolicyManagedElsewhere).
   * @default false
   */
  readonly lifecyclePolicyManagedElsewhere?: boolean;
}

/** The export side of a bulk transfer. */
export interface BulkTransferSource extends BulkTransferEndpoint {
  /** The existing storage account that gets the export container. */
  readonly storageAccount: IStorageAccountRef;
  /**
   * Export options.
   * @default [OverwriteBlobs, ContinueOnErrors]: re-runs overwrite their blobs, and one bad image does not stop its batch
   */
  readonly options?: ExportOption[];
}

/** The import side of a bulk transfer. */
export interface BulkTransferTarget extends BulkTransferEndpoint {
  /**
   * The existing storage account that gets the import container.
   * @default the source's container: the import reads the blobs where the export wrote them, and there is nothing to copy (one cloud, one storage account)
   */
  readonly storageAccount?: IStorageAccountRef;
  /**
   * Import options.
   * @default [OverwriteTags, ContinueOnErrors]
   */
  readonly options?: ImportOption[];
  /**
   * Keep the import pipeline's source trigger on; the service then imports each blob as it
   * lands, and no import runs are declared.
   * @default false: the trigger is off and each batch has an import run
   */
  readonly sourceTriggerEnabled?: boolean;
}

/** Props of a bulk transfer: two sides, one storage access mode, and the batch settings. */
export interface BulkTransferProps extends TransferBatchSettings {
  /** Where the artifacts come from. */
  readonly source: BulkTransferSource;
  /** Where they go. */
  readonly target: BulkTransferTarget;
  /** How both pipelines reach their containers: managed identity, or SAS tokens in Key Vault. */
  readonly storageAccessMode: StorageAccessMode;
}
