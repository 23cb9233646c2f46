import { refuseSecret } from "../validation/check";
import { warn } from "../private/annotations";
import { RoleAssignment } from "../core/azurerm";
import { TerraformProvider } from "../core/cdk";
import { IConstruct } from "constructs";
import { CONDITION_VERSION, NO_BLOB_DELETE_CONDITION } from "../arm/roles";
import { keyOf } from "../private/keys";
import { GrantKind, grantOnce } from "./grant-once";
import { grantedElsewhere } from "./granted-elsewhere";
import { GrantPrincipal } from "./principal";
import { TransferGrant } from "./transfer-grant";
import { TransferWarningIds } from "../arm/warning-ids";

/** Options of a container's blob-access grant. */
export interface BlobAccessGrantOptions {
  /**
   * The Storage Blob Data role, e.g. "Storage Blob Data Reader". A role the library does not
   * know (a custom role) needs `customRoleReason`; a role without blob data actions ("Owner",
   * "Reader") is refused.
   */
  readonly roleName: string;
  /**
   * Why `roleName`, a role the library does not know (a custom role), is the right one; shown
   * at synth. A custom role may grant far more than blob data, so it is refused without one.
   * @default none: only the built-in Storage Blob Data roles are accepted
   */
  readonly customRoleReason?: string;
  /**
   * Take blob delete out of the role with an ABAC condition (NO_BLOB_DELETE_CONDITION). When
   * the same principal also needs the role with delete on the container, one assignment
   * without the condition serves both.
   * @default false
   */
  readonly denyDelete?: boolean;
  /**
   * azurerm provider for the role assignment.
   * @default the stack's default azurerm provider
   */
  readonly azurermProvider?: TerraformProvider;
}

/** A container, as its grant needs it. */
export interface ContainerAccessTarget {
  /** The container URL, to key it when no key is given. */
  readonly containerUrl: string;
  /**
   * ARM ID `.../blobServices/default/containers/<name>`: the role's scope.
   * @default unknown: no role can be assigned
   */
  readonly containerResourceId?: string;
  /**
   * A stable key of the container.
   * @default derived from containerUrl
   */
  readonly containerKey?: string;
  /**
   * The construct that declares the container in this app: shared grants on it live in its stack.
   * @default none: the container is only referred to
   */
  readonly declaredBy?: IConstruct;
}

/**
 * Gives `principal` a Storage Blob Data role on one container (once per container, principal
 * and role). A container whose ARM ID is unknown cannot be granted: the grant is empty and a
 * warning on the principal's owner says what to grant by hand.
 */
export function grantContainerAccess(
  target: ContainerAccessTarget,
  principal: GrantPrincipal,
  options: BlobAccessGrantOptions,
): TransferGrant {
  const roleName = refuseSecret(principal.owner, "roleName", options.roleName);
  const roleScope = target.containerResourceId;
  // What to grant by hand, when the library cannot: the role and, without delete, its condition.
  const role = options.denyDelete
    ? `"${roleName}" with the ABAC condition ${NO_BLOB_DELETE_CONDITION} (condition version ${CONDITION_VERSION})`
    : `"${roleName}"`;
  if (!roleScope) {
    const what = `${role} on ${target.containerUrl}`;
    warn(
      principal.owner,
      TransferWarningIds.CONTAINER_ROLE_NOT_GRANTED,
      `the storage account of this container is unknown, so ${what} cannot be granted here; ` +
        "grant it yourself, or give the container its storageAccount",
    );
    return TransferGrant.none(what);
  }
  const containerKey = keyOf(principal.owner, target.containerKey, target.containerUrl);
  const grant = {
    kind: GrantKind.CONTAINER_ACCESS_ROLE,
    key: containerKey,
    roleName,
    declaredBy: target.declaredBy,
  };
  const assignment = grantOnce(
    principal,
    grant,
    (scope, id) =>
      new RoleAssignment(scope, id, {
        scope: roleScope,
        roleDefinitionName: roleName,
        condition: options.denyDelete ? NO_BLOB_DELETE_CONDITION : undefined,
        conditionVersion: options.denyDelete ? CONDITION_VERSION : undefined,
        principalId: principal.principalId,
        principalType: "ServicePrincipal",
        description: "ACR Transfer pipeline reaches its blob container",
        provider: options.azurermProvider,
      }),
  );
  if (!assignment) return grantedElsewhere(principal, role, roleScope);
  if (!options.denyDelete && assignment.conditionInput !== undefined) {
    // Another consumer asked for the role without delete; this one needs delete: drop the condition.
    assignment.resetCondition();
    assignment.resetConditionVersion();
  }
  return TransferGrant.of(assignment, `"${roleName}" on the container`);
}
