import { createHash } from "node:crypto";
import { RoleAssignment, RoleDefinition } from "../core/azurerm";
import { Fn, TerraformProvider, Token } from "../core/cdk";
import { Construct } from "constructs";
import { EXPORT_ROLE_DATA_ACTIONS } from "../arm/roles";
import { grantedElsewhere } from "../grants/granted-elsewhere";
import { GrantPrincipal } from "../grants/principal";
import { TransferGrant } from "../grants/transfer-grant";
import { idPrefix } from "../private/token-ids";

/** ARM ID segments up to the resource group: `/subscriptions/<id>/resourceGroups/<name>`. */
const RESOURCE_GROUP_SEGMENTS = 5;

/**
 * The least-privilege export grant (`customExportRole: true`): a custom role definition with only
 * the blob data actions an export needs (EXPORT_ROLE_DATA_ACTIONS: no delete, no
 * `containers/delete`), declared in the container's resource group (custom roles are assignable
 * at a resource group, not a container), and its assignment on the one container. The role's
 * name is unique in the tenant: derived from the container ID and the pipeline's path.
 */
export function grantCustomExportRole(
  pipeline: Construct,
  principal: GrantPrincipal,
  containerResourceId: string,
  provider: TerraformProvider | undefined,
): TransferGrant {
  const what = `a custom role with only the data actions ${EXPORT_ROLE_DATA_ACTIONS.join(", ")}`;
  if (principal._sharing.managedElsewhere) {
    return grantedElsewhere(principal, what, containerResourceId);
  }
  const resourceGroup = idPrefix(containerResourceId, RESOURCE_GROUP_SEGMENTS);
  const definition = new RoleDefinition(pipeline, "ExportRole", {
    name: roleName(containerResourceId, pipeline.node.path),
    scope: resourceGroup,
    assignableScopes: [resourceGroup],
    description:
      "ACR Transfer export: reads, writes and adds blobs; no delete, no container actions (declared by cdktf-acr-transfer)",
    permissions: [
      {
        actions: [],
        notActions: [],
        dataActions: [...EXPORT_ROLE_DATA_ACTIONS],
        notDataActions: [],
      },
    ],
    provider,
  });
  const assignment = new RoleAssignment(pipeline, "ExportRoleAssignment", {
    scope: containerResourceId,
    roleDefinitionId: definition.roleDefinitionResourceId,
    principalId: principal.principalId,
    principalType: "ServicePrincipal",
    description: "ACR Transfer pipeline reaches its blob container",
    provider,
  });
  return TransferGrant.of(assignment, "the custom export role on the container");
}

/** `acr-transfer-export-<12 hex>` of the container and the pipeline, also when known at apply. */
function roleName(containerResourceId: string, path: string): string {
  if (!Token.isUnresolved(containerResourceId)) {
    const hash = createHash("sha256").update(`${containerResourceId.toLowerCase()}|${path}`);
    return `acr-transfer-export-${hash.digest("hex").slice(0, 12)}`;
  }
  return Fn.format("acr-transfer-export-%s", [
    Fn.substr(Fn.sha256(Fn.format("%s|%s", [Fn.lower(containerResourceId), path])), 0, 12),
  ]);
}
