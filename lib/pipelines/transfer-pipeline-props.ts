import { TerraformProvider } from "../core/cdk";
import { IRegistryRef } from "../references/registry";
import { ITransferContainer } from "../containers/transfer-container";
import { PipelineIdentity } from "./pipeline-identity";
import { StorageAccess } from "./storage-access";

/** Props every pipeline takes. */
export interface TransferPipelineProps {
  /** The registry the pipeline belongs to. */
  readonly registry: IRegistryRef;
  /** Pipeline name: 5-50 letters and digits (no hyphens). */
  readonly pipelineName: string;
  /** The blob container the pipeline writes to (export) or reads from (import). */
  readonly container: ITransferContainer;
  /** How the pipeline reaches the container: StorageAccess.managedIdentity() or .sasToken(secret). */
  readonly storageAccess: StorageAccess;
  /**
   * Azure location of the pipeline.
   * @default the registry's location; required when the registry's location is unknown
   */
  readonly location?: string;
  /**
   * Managed identity of the pipeline.
   * @default PipelineIdentity.systemAssigned()
   */
  readonly identity?: PipelineIdentity;
  /**
   * Microsoft.ContainerRegistry api-version; one of TRANSFER_API_VERSIONS.
   * @default "2025-06-01-preview"
   */
  readonly apiVersion?: string;
  /**
   * Storage role granted on the container in managed-identity mode. A built-in role that cannot
   * do the side's job (Storage Blob Data Reader for export, or for an import with
   * DeleteSourceBlobOnSuccess; roles without blob data access) is refused.
   * @default Storage Blob Data Contributor for export and for import with DeleteSourceBlobOnSuccess, else Storage Blob Data Reader
   */
  readonly storageRoleName?: string;
  /**
   * Why a storageRoleName the library does not know (a custom role) is the right one: such a
   * role is refused without a reason, and the reason shows in an info note at synth.
   * @default none
   */
  readonly customStorageRoleReason?: string;
  /**
   * In managed-identity mode, take blob delete out of the storage role with an ABAC condition
   * (`TransferAccess.NO_BLOB_DELETE_CONDITION`): export never deletes blobs, and neither does
   * import without DeleteSourceBlobOnSuccess.
   * @default true when the role is Storage Blob Data Contributor and the pipeline deletes no blob; false otherwise
   */
  readonly denyBlobDelete?: boolean;
  /**
   * Export pipelines in managed-identity mode: instead of Storage Blob Data Contributor with the
   * condition that denies blob delete, declare a custom role definition with only the blob data
   * actions an export needs (`TransferAccess.EXPORT_ROLE_DATA_ACTIONS`: read, write, add; no
   * delete, no `containers/delete`) in the container's resource group, and assign it on the one
   * container. The identity that deploys needs `Microsoft.Authorization/roleDefinitions/write`
   * there. Refused with `storageRoleName` or `denyBlobDelete`, and on import pipelines.
   * @default false: the built-in role with its ABAC condition
   */
  readonly customExportRole?: boolean;
  /**
   * azapi provider (any TerraformProvider for Azure/azapi, e.g. an alias for another cloud).
   * @default the stack's default azapi provider
   */
  readonly provider?: TerraformProvider;
  /**
   * azurerm provider for the grants (access policies, role assignments).
   * @default the stack's default azurerm provider
   */
  readonly azurermProvider?: TerraformProvider;
}
