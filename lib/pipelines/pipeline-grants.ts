import { Construct } from "constructs";
import { STORAGE_BLOB_DATA_CONTRIBUTOR } from "../arm/roles";
import { GrantPrincipal } from "../grants/principal";
import { TransferGrant } from "../grants/transfer-grant";
import { ISasTokenSecret } from "../secrets/secret";
import { fail } from "../validation/check";
import { shownRef } from "../private/keys";
import { grantCustomExportRole } from "./export-role";
import { TransferPipelineProps } from "./transfer-pipeline-props";

/** An owned pipeline, as its grants need it. */
interface GrantingPipeline extends Construct {
  readonly grantPrincipal: GrantPrincipal;
}

/**
 * What the pipeline's acting identity is granted on its storage: read on the SAS token secret,
 * or the storage role on the container in managed-identity mode. A secret whose vault is
 * unknown cannot be granted (the secret says so in a warning).
 */
export function pipelineGrants(
  pipeline: GrantingPipeline,
  props: TransferPipelineProps,
  secret: ISasTokenSecret | undefined,
  storageRoleName: string,
  needsDelete: boolean,
): TransferGrant[] {
  const principal = pipeline.grantPrincipal;
  if (secret) return [secret.grantRead(principal, { azurermProvider: props.azurermProvider })];
  const container = props.container;
  if (!container.containerResourceId) {
    fail(pipeline, "container", shownRef(container.containerUrl, container.containerKey), {
      problem: "has no known storage account, so its role assignment cannot be made",
      rule: "managed-identity mode grants the pipeline identity a Storage Blob Data role on the container",
      fix: "pass storageAccount to TransferContainer.fromUrl, or use TransferContainer.fromContainerResourceId",
    });
  }
  if (props.customExportRole === true) {
    return [
      grantCustomExportRole(
        pipeline,
        principal,
        container.containerResourceId!,
        props.azurermProvider,
      ),
    ];
  }
  return [
    container.grantBlobAccess(principal, {
      roleName: storageRoleName,
      customRoleReason: props.customStorageRoleReason,
      denyDelete:
        props.denyBlobDelete ?? (!needsDelete && storageRoleName === STORAGE_BLOB_DATA_CONTRIBUTOR),
      azurermProvider: props.azurermProvider,
    }),
  ];
}
