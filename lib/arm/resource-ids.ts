import { Violation } from "./violation";
import { showInvisible } from "./visible";

/** The parts of an ARM resource ID under a resource group. */
export interface ParsedResourceId {
  /** Subscription ID (a GUID). */
  readonly subscriptionId: string;
  /** Resource group name. */
  readonly resourceGroupName: string;
  /** The resource's name (last segment). */
  readonly name: string;
}

/** Shape of one provider resource type, for parsing and messages. */
export interface ResourceIdShape {
  /** e.g. "Microsoft.ContainerRegistry/registries". */
  readonly resourceType: string;
  /** A regular expression the name must match. */
  readonly namePattern: RegExp;
  /** The naming rule in words. */
  readonly nameRule: string;
}

const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const RESOURCE_GROUP = "[-\\w.()]{0,89}[-\\w()]";

/** Container registries. */
export const REGISTRY_ID: ResourceIdShape = {
  resourceType: "Microsoft.ContainerRegistry/registries",
  namePattern: /^[a-zA-Z0-9]{5,50}$/,
  nameRule: "5-50 letters and digits",
};

/** User-assigned managed identities. */
export const USER_ASSIGNED_IDENTITY_ID: ResourceIdShape = {
  resourceType: "Microsoft.ManagedIdentity/userAssignedIdentities",
  namePattern: /^[a-zA-Z0-9][-\w]{2,127}$/,
  nameRule: "3-128 letters, digits, hyphens and underscores, starting with a letter or digit",
};

/** Key vaults. */
export const KEY_VAULT_ID: ResourceIdShape = {
  resourceType: "Microsoft.KeyVault/vaults",
  namePattern: /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/,
  nameRule: "3-24 letters, digits and single hyphens, starting with a letter",
};

/** Storage accounts. */
export const STORAGE_ACCOUNT_ID: ResourceIdShape = {
  resourceType: "Microsoft.Storage/storageAccounts",
  namePattern: /^[a-z0-9]{3,24}$/,
  nameRule: "3-24 lowercase letters and digits",
};

/** Parses `/subscriptions/<guid>/resourceGroups/<rg>/providers/<type>/<name>`. */
export function parseResourceId(id: string, shape: ResourceIdShape): ParsedResourceId | undefined {
  const parsed = parseShape(id, shape);
  return parsed && shape.namePattern.test(parsed.name) ? parsed : undefined;
}

/** The parts of an ID of the shape's type, whatever its name. */
function parseShape(id: string, shape: ResourceIdShape): ParsedResourceId | undefined {
  const pattern = new RegExp(
    `^/subscriptions/(${GUID})/resourceGroups/(${RESOURCE_GROUP})/providers/` +
      `${shape.resourceType.replace(/[./]/g, (c) => `\\${c}`)}/([^/]+)$`,
    "i",
  );
  const match = pattern.exec(id);
  return match
    ? { subscriptionId: match[1], resourceGroupName: match[2], name: match[3] }
    : undefined;
}

/**
 * The ID must be an ARM ID of the given type with a valid name. A complete ID whose name breaks
 * the naming rules is told what is wrong with the name, not to pass the full ID.
 */
export function resourceIdRule(shape: ResourceIdShape): (id: string) => Violation | undefined {
  const rule =
    `/subscriptions/<subscription GUID>/resourceGroups/<group>/providers/` +
    `${shape.resourceType}/<name>, the name ${shape.nameRule}`;
  return (id) => {
    const parsed = parseShape(id, shape);
    if (parsed && shape.namePattern.test(parsed.name)) return undefined;
    if (parsed) {
      return {
        problem: `names a ${shape.resourceType} "${showInvisible(parsed.name)}", which breaks its naming rules`,
        rule,
        fix: `correct the name at the end of the ID; copy the ID from the resource's "id" attribute, or "az resource show --query id"`,
      };
    }
    return {
      problem: `is not a ${shape.resourceType} resource ID`,
      rule,
      fix: `pass the full resource ID (the "id" attribute of the resource, or "az resource show --query id")`,
    };
  };
}

/**
 * An Entra object or tenant ID: a GUID (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hex digits).
 * `what` names it in the rule: "a principal's object ID".
 */
export function guidRule(what: string): (id: string) => Violation | undefined {
  return (id) => {
    if (new RegExp(`^${GUID}$`).test(id)) return undefined;
    const trimmed = id.trim().replace(/^\{(.*)\}$/, "$1");
    const fixable = new RegExp(`^${GUID}$`).test(trimmed);
    return {
      problem: "is not a GUID",
      rule: `${what} is a GUID: 8-4-4-4-12 hex digits, e.g. "00000000-0000-0000-0000-000000000000"`,
      fix: fixable
        ? `write "${trimmed}"`
        : "pass the object ID (az ad sp show --id <app> --query id), not a name, an application (client) ID URI or a resource ID",
    };
  };
}
