import { CUSTOM_EXPORT_ROLE, EXPORT_ROLE_DATA_ACTIONS } from "../arm/roles";
import { StackKeys, roleName } from "./stack-keys";
import { SynthesizedTerraform, TerraformBlock, resourcesOfType } from "./terraform-json";
import { Grant } from "./transfer-model";
import { stringList } from "./json-values";

/** Every access policy and role assignment of the stack. */
export function readGrants(keys: StackKeys, doc: SynthesizedTerraform): Grant[] {
  return [
    ...resourcesOfType(doc, "azurerm_key_vault_access_policy").map(({ address, block }) =>
      readAccessPolicy(keys, address, block),
    ),
    ...resourcesOfType(doc, "azurerm_role_assignment").map(({ address, block }) =>
      readRoleAssignment(keys, address, block),
    ),
  ];
}

/** Reads one azurerm_key_vault_access_policy block. */
export function readAccessPolicy(keys: StackKeys, address: string, block: TerraformBlock): Grant {
  const secretPermissions = stringList(block.secret_permissions);
  const others = ["key_permissions", "certificate_permissions", "storage_permissions"].filter(
    (key) => stringList(block[key]).length > 0,
  );
  const readOnly =
    others.length === 0 && secretPermissions.map((p) => p.toLowerCase()).join() === "get";
  const vault = keys.vaultKey(block.key_vault_id);
  return {
    address,
    principal: keys.principalKey(block.object_id),
    target: { kind: "access-policy", vault, readOnly, secretPermissions },
    description:
      `an access policy on vault ${vault} with secret_permissions ${JSON.stringify(secretPermissions)}` +
      (others.length > 0 ? ` and ${others.join(", ")}` : ""),
    scope: String(block.key_vault_id ?? ""),
  };
}

/** Reads one azurerm_role_assignment block. */
export function readRoleAssignment(keys: StackKeys, address: string, block: TerraformBlock): Grant {
  const role = customExportRole(keys, block.role_definition_id) ?? roleName(block);
  return {
    address,
    principal: keys.principalKey(block.principal_id),
    target: {
      kind: "role",
      role,
      scope: keys.roleScope(block.scope),
      condition: typeof block.condition === "string" ? block.condition : undefined,
    },
    description: `role "${role}" on ${String(block.scope)}`,
    scope: String(block.scope ?? ""),
  };
}

/**
 * CUSTOM_EXPORT_ROLE when the assignment's role is an `azurerm_role_definition` of the stack with
 * exactly the export data actions (what `customExportRole` declares), else undefined.
 */
function customExportRole(keys: StackKeys, roleDefinitionId: unknown): string | undefined {
  const ref = keys.parse(roleDefinitionId);
  if (!ref?.address.startsWith("azurerm_role_definition.")) return undefined;
  const permissions = ref.block?.permissions;
  const first = (Array.isArray(permissions) ? permissions[0] : permissions) as
    { actions?: unknown; data_actions?: unknown } | undefined;
  const data = Array.isArray(first?.data_actions) ? first.data_actions.map(String) : [];
  const actions = Array.isArray(first?.actions) ? first.actions : [];
  const exact =
    actions.length === 0 &&
    data.length === EXPORT_ROLE_DATA_ACTIONS.length &&
    EXPORT_ROLE_DATA_ACTIONS.every((action) => data.includes(action));
  return exact ? CUSTOM_EXPORT_ROLE : undefined;
}
