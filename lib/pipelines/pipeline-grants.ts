import { TerraformProvider } from "../core/cdk";
import { Construct } from "constructs";
import { StorageAccessMode } from "../arm/storage-access-mode";
import { GrantPrincipal } from "../grants/principal";
import { TransferGrant } from "../grants/transfer-grant";
import { grantCustomExportRole } from "./export-role";
import { PipelineSpec } from "./pipeline-spec";

/** An owned pipeline, as its grants need it. */
interface GrantingPipeline extends Construct {
  readonly grantPrincipal: GrantPrincipal;
}

/**
 * What the pipeline's acting identity is granted on its storage, by the mode its spec holds:
 * read on the SAS token secret, or the storage role on the container in managed-identity mode.
 * A secret whose vault is unknown cannot be granted (the secret says so in a warning).
 */
export function pipelineGrants(
  pipeline: GrantingPipeline,
  spec: PipelineSpec,
  azurermProvider: TerraformProvider | undefined,
): TransferGrant[] {
  const principal = pipeline.grantPrincipal;
  const storage = spec.storage;
  if (storage.mode === StorageAccessMode.SAS_TOKEN) {
    return [storage.secret.grantRead(principal, { azurermProvider })];
  }
  if (storage.customExportRole) {
    const scope = spec.container.containerResourceId!;
    return [grantCustomExportRole(pipeline, principal, scope, azurermProvider)];
  }
  return [
    spec.container.grantBlobAccess(principal, {
      roleName: storage.roleName,
      customRoleReason: storage.customRoleReason,
      denyDelete: storage.denyDelete,
      azurermProvider,
    }),
  ];
}
