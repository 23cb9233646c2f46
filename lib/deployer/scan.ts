import { TerraformDataSource, TerraformResource } from "../core/cdk";
import { IConstruct } from "constructs";
import {
  EXPORT_PIPELINE_TYPE,
  IMPORT_PIPELINE_TYPE,
  PIPELINE_RUN_TYPE,
  resourceTypeOf,
} from "../arm/resource-types";
import { resolveIn } from "../private/resolve";
import { TreeFacts } from "../private/tree-facts";
import { DeployerRight, DeployerTask } from "./deployer-right";
import { RightSet } from "./right-set";

// What the deployer needs, read from the resources and data sources of one stack. They are
// recognised by Terraform type and read through their inputs (azurerm) or config (azapi), so
// hand-written ones count too, and no instanceof is needed.

/** The ACR Transfer child types of a registry, whose actions (`<type>/*`) the deployer takes. */
const TRANSFER_TYPES: readonly string[] = [
  EXPORT_PIPELINE_TYPE,
  IMPORT_PIPELINE_TYPE,
  PIPELINE_RUN_TYPE,
];

/**
 * What a secret's vault says that the secret resource does not, read when the scan runs: its
 * access model and whether its firewall restricts the public endpoint.
 */
export interface SecretVault {
  /** An RBAC vault, or one with access policies; undefined when its reference does not say. */
  readonly rbac?: boolean;
  /** The vault's firewall restricts its public endpoint. */
  readonly restricted: boolean;
}

/** The vault of a secret resource the library declares, when the library knows it. */
export type VaultOfSecret = (secret: IConstruct) => SecretVault | undefined;

/** Secret permissions azurerm needs to write, refresh, destroy, purge and recover a secret. */
const SECRET_WRITE_PERMISSIONS = ["Get", "Set", "Delete", "Purge", "Recover"];

/** The arguments of an azapi resource or data source this file reads. */
interface AzapiArguments {
  readonly type?: string;
  readonly parentId?: string;
  readonly resourceId?: string;
  readonly identity?: { readonly identityIds?: string[] };
}

/** The inputs of azurerm resources and data sources this file reads. */
interface AzurermInputs {
  readonly keyVaultIdInput?: string;
  readonly scopeInput?: string;
  readonly roleDefinitionNameInput?: string;
  readonly roleDefinitionIdInput?: string;
  readonly storageAccountIdInput?: string;
  readonly storageAccountNameInput?: string;
  readonly nameInput?: string;
  readonly resourceGroupNameInput?: string;
}

/**
 * The rights the deployer of a stack needs for what the stack declares and reads, from the
 * stack's tree facts (one walk of its tree).
 */
export function scanDeployerRights(facts: TreeFacts, vaultOf: VaultOfSecret): DeployerRight[] {
  const stack = facts.stack;
  const rights = new RightSet();
  // A registry's pipelines and runs name it alike: resolve each value (a literal ID or a token
  // string) once.
  const resolved = new Map<unknown, string>();
  const shown = (value: unknown) => {
    let text = resolved.get(value);
    if (text === undefined) {
      text = String(resolveIn(stack, value));
      resolved.set(value, text);
    }
    return text;
  };
  const rolesByScope = new Map<string, Set<string>>();
  const vaultOfSecret = secretVaults(facts, shown);
  for (const element of facts.elements) {
    const type = (element as Partial<TerraformResource>).terraformResourceType;
    if (type === undefined) continue;
    const isData = TerraformDataSource.isTerraformDataSource(element);
    const inputs = element as unknown as AzurermInputs;
    if (type === "azapi_resource") {
      const config = (element as { config?: AzapiArguments }).config ?? {};
      if (isData) lookupRight(rights, config, shown);
      else transferRights(rights, config, shown);
    } else if (isData) {
      if (type === "azurerm_storage_account") accountKeysRight(rights, element, shown);
    } else if (type === "azurerm_key_vault_secret") {
      secretRight(rights, inputs, vaultOf(element), shown);
    } else if (type === "azurerm_key_vault_access_policy") {
      rights.add({
        task: DeployerTask.ACCESS_POLICIES,
        permissions: ["Microsoft.KeyVault/vaults/accessPolicies/write"],
        role: "Key Vault Contributor",
        scope: shown(inputs.keyVaultIdInput),
        note: "control plane: the vault's firewall does not apply",
      });
    } else if (type === "azurerm_role_assignment") {
      const scope = parentScope(shown(inputs.scopeInput), vaultOfSecret);
      const roles = rolesByScope.get(scope) ?? new Set<string>();
      rolesByScope.set(
        scope,
        roles.add(shown(inputs.roleDefinitionNameInput ?? inputs.roleDefinitionIdInput)),
      );
    } else if (type === "azurerm_role_definition") {
      rights.add({
        task: DeployerTask.ROLE_DEFINITIONS,
        permissions: [
          "Microsoft.Authorization/roleDefinitions/read",
          "Microsoft.Authorization/roleDefinitions/write",
          "Microsoft.Authorization/roleDefinitions/delete",
        ],
        role: "User Access Administrator, or a custom role with these actions only",
        scope: shown(inputs.scopeInput),
        note: "the role is defined in the container's resource group",
      });
    } else if (type === "azurerm_storage_container") {
      rights.add({
        task: DeployerTask.CONTAINERS,
        permissions: [
          "Microsoft.Storage/storageAccounts/blobServices/containers/read",
          "Microsoft.Storage/storageAccounts/blobServices/containers/write",
          "Microsoft.Storage/storageAccounts/blobServices/containers/delete",
        ],
        role: "Storage Blob Data Contributor, or a custom role with these actions only",
        scope: shown(inputs.storageAccountIdInput ?? inputs.storageAccountNameInput),
        note: "control plane (storage_account_id): the account's firewall does not apply",
      });
    } else if (type === "azurerm_storage_management_policy") {
      rights.add({
        task: DeployerTask.LIFECYCLE_POLICY,
        permissions: [
          "Microsoft.Storage/storageAccounts/managementPolicies/read",
          "Microsoft.Storage/storageAccounts/managementPolicies/write",
          "Microsoft.Storage/storageAccounts/managementPolicies/delete",
        ],
        role: "Storage Account Contributor, or a custom role with these actions only",
        scope: shown(inputs.storageAccountIdInput),
        note: "control plane: the account's firewall does not apply",
      });
    }
  }
  roleAssignmentRights(rights, rolesByScope);
  return rights.list();
}

type Show = (value: unknown) => string;

/** Pipelines and runs on their registry; a user-assigned identity attached to a pipeline. */
function transferRights(rights: RightSet, config: AzapiArguments, shown: Show): void {
  const armType = resourceTypeOf(config.type);
  if (!TRANSFER_TYPES.includes(armType)) return;
  rights.add({
    task: DeployerTask.TRANSFER_RESOURCES,
    permissions: [`${armType}/*`],
    role: "Container Registry Transfer Pipeline Contributor",
    scope: shown(config.parentId),
  });
  for (const identityId of config.identity?.identityIds ?? []) {
    rights.add({
      task: DeployerTask.ASSIGN_IDENTITY,
      permissions: ["Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action"],
      role: "Managed Identity Operator",
      scope: shown(identityId),
    });
  }
}

/** A `data.azapi_resource` read: the resource type's read action. */
function lookupRight(rights: RightSet, config: AzapiArguments, shown: Show): void {
  const armType = resourceTypeOf(config.type);
  rights.add({
    task: DeployerTask.LOOKUPS,
    permissions: [`${armType}/read`],
    role: "Reader",
    scope: shown(config.resourceId),
  });
}

/**
 * The vault of each secret the stack declares, by the expression of its versionless ID (the
 * scope the library gives its role assignments).
 */
function secretVaults(facts: TreeFacts, shown: Show): Map<string, string> {
  const vaults = new Map<string, string>();
  for (const element of facts.ofType("azurerm_key_vault_secret")) {
    const secret = element as TerraformResource & AzurermInputs;
    vaults.set(
      shown(secret.getStringAttribute("resource_versionless_id")),
      shown(secret.keyVaultIdInput),
    );
  }
  return vaults;
}

/** Writing a secret: data plane, so the vault's access model and firewall decide. */
function secretRight(
  rights: RightSet,
  inputs: AzurermInputs,
  vault: SecretVault | undefined,
  shown: Show,
): void {
  const rbac = {
    role: "Key Vault Secrets Officer",
    permissions: ["Microsoft.KeyVault/vaults/secrets/*"],
  };
  const policy = {
    role: `an access policy with secret permissions ${SECRET_WRITE_PERMISSIONS.join(", ")}`,
    permissions: SECRET_WRITE_PERMISSIONS,
  };
  const grant =
    vault?.rbac === true
      ? rbac
      : vault?.rbac === false
        ? policy
        : {
            role: `${rbac.role} (RBAC vaults) or ${policy.role} (access-policy vaults)`,
            permissions: [...rbac.permissions, ...policy.permissions],
          };
  const firewall =
    vault?.restricted === true
      ? "; the vault's firewall is on, and trusted-service bypass does not cover Terraform: add the " +
        "deployer's address to network_acls.ip_rules or deploy from a network with a private endpoint to the vault"
      : "";
  rights.add({
    task: DeployerTask.WRITE_SECRETS,
    ...grant,
    scope: shown(inputs.keyVaultIdInput),
    note: `network: the deployer reaches the vault's data plane (https://<vault>.vault.azure.net)${firewall}`,
  });
}

/**
 * Role assignments, at the account or vault that holds their container or secret (the scope
 * must exist before the deploy makes the container), with the condition that keeps the
 * delegation to the roles the stack assigns.
 */
function roleAssignmentRights(rights: RightSet, rolesByScope: Map<string, Set<string>>): void {
  for (const [scope, roles] of rolesByScope) {
    rights.add({
      task: DeployerTask.ROLE_ASSIGNMENTS,
      permissions: [
        "Microsoft.Authorization/roleAssignments/write",
        "Microsoft.Authorization/roleAssignments/delete",
      ],
      role: "Role Based Access Control Administrator (or User Access Administrator)",
      scope,
      note: `condition: only the roles ${[...roles].join(", ")}, only to service principals`,
    });
  }
}

/** The account or vault above a container or secret scope. */
function parentScope(scope: string, vaultOfSecret: ReadonlyMap<string, string>): string {
  return (vaultOfSecret.get(scope) ?? scope)
    .replace(/\/blobServices\/default\/containers\/[^/]+$/, "")
    .replace(/\/secrets\/[^/]+$/, "");
}

/**
 * Reading a storage account and its keys (for generated SAS tokens), at the account's ID when
 * the library's reference to it knows it.
 */
function accountKeysRight(rights: RightSet, data: IConstruct, shown: Show): void {
  const inputs = data as unknown as AzurermInputs;
  const known = (data.node.scope as { storageAccountId?: string } | undefined)?.storageAccountId;
  rights.add({
    task: DeployerTask.ACCOUNT_KEYS,
    permissions: [
      "Microsoft.Storage/storageAccounts/read",
      "Microsoft.Storage/storageAccounts/listKeys/action",
    ],
    role: "Reader and Storage Account Key Operator Service Role",
    scope: known
      ? shown(known)
      : `storage account ${shown(inputs.nameInput)} in resource group ${shown(inputs.resourceGroupNameInput)}`,
  });
}
