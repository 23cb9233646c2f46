import { TerraformResource, Token } from "../core/cdk";
import { IConstruct } from "constructs";
import { stackLedger } from "../private/ledger";
import { resolveIn } from "../private/resolve";
import { NetworkDefaultAction, NetworkPosture } from "./network-posture";

// Postures read from azurerm resources the app declares. Resources are recognised by their
// Terraform type and read through their input getters, never with instanceof: a consumer may
// load another copy of the azurerm bindings.

/** Terraform type of a storage account. */
const STORAGE_ACCOUNT_TYPE = "azurerm_storage_account";
/** Terraform type of a storage account's separate network rules. */
const STORAGE_NETWORK_RULES_TYPE = "azurerm_storage_account_network_rules";
/** The bypass entry that lets trusted Azure services through. */
const AZURE_SERVICES = "azureservices";

/** The inputs of azurerm_storage_account this file reads. */
interface StorageAccountInputs {
  readonly publicNetworkAccessEnabledInput?: unknown;
  readonly networkRulesInput?: { readonly defaultAction?: unknown; readonly bypass?: unknown };
}

/** The inputs of azurerm_storage_account_network_rules this file reads. */
interface StorageNetworkRulesInputs {
  readonly storageAccountIdInput?: unknown;
  readonly defaultActionInput?: unknown;
  readonly bypassInput?: unknown;
}

/** The inputs of azurerm_key_vault this file reads. */
interface KeyVaultInputs {
  readonly publicNetworkAccessEnabledInput?: unknown;
  readonly networkAclsInput?: { readonly defaultAction?: unknown; readonly bypass?: unknown };
}

/**
 * The posture of an azurerm storage account declared in the app, read at synth: its
 * `public_network_access_enabled` and `network_rules`, or the `azurerm_storage_account_network_rules`
 * of the same stack that names it (azurerm manages the rules in one place or the other).
 */
export function storageAccountPosture(account: IConstruct): NetworkPosture {
  const inputs = account as unknown as StorageAccountInputs;
  const separate = separateNetworkRules(account);
  const rules = separate
    ? { defaultAction: separate.inputs.defaultActionInput, bypass: separate.inputs.bypassInput }
    : inputs.networkRulesInput;
  const source = separate ? `${account.node.path} and ${separate.path}` : account.node.path;
  return NetworkPosture._read(
    source,
    knownBoolean(inputs.publicNetworkAccessEnabledInput, true),
    rules ? defaultActionOf(rules.defaultAction) : NetworkDefaultAction.ALLOW,
    rules ? bypassesTrustedServices(rules.bypass) : true,
  );
}

/**
 * The posture of an azurerm Key Vault declared in the app, read at synth: its
 * `public_network_access_enabled` and `network_acls`.
 */
export function keyVaultPosture(vault: IConstruct): NetworkPosture {
  const inputs = vault as unknown as KeyVaultInputs;
  const acls = inputs.networkAclsInput;
  return NetworkPosture._read(
    vault.node.path,
    knownBoolean(inputs.publicNetworkAccessEnabledInput, true),
    acls ? defaultActionOf(acls.defaultAction) : NetworkDefaultAction.ALLOW,
    acls ? bypassesTrustedServices(acls.bypass) : true,
  );
}

/** The `azurerm_storage_account_network_rules` of the account's stack that names the account. */
function separateNetworkRules(
  account: IConstruct,
): { readonly inputs: StorageNetworkRulesInputs; readonly path: string } | undefined {
  if ((account as Partial<TerraformResource>).terraformResourceType !== STORAGE_ACCOUNT_TYPE) {
    return undefined;
  }
  const held = stackLedger(account);
  const rules = held.treeFacts().ofType(STORAGE_NETWORK_RULES_TYPE);
  if (rules.length === 0) return undefined;
  const stack = held.stack;
  const accountId = resolveIn(stack, (account as TerraformResource).getStringAttribute("id"));
  const found = rules.find(
    (c) => resolveIn(stack, (c as StorageNetworkRulesInputs).storageAccountIdInput) === accountId,
  );
  return found && { inputs: found as StorageNetworkRulesInputs, path: found.node.path };
}

/** A literal boolean, the default when unset, undefined when a token. */
function knownBoolean(value: unknown, unset: boolean): boolean | undefined {
  if (value === undefined || value === null) return unset;
  return typeof value === "boolean" ? value : undefined;
}

/** "Allow" or "Deny" (any case); undefined for a token or anything else. */
function defaultActionOf(value: unknown): NetworkDefaultAction | undefined {
  if (typeof value !== "string" || Token.isUnresolved(value)) return undefined;
  const lower = value.toLowerCase();
  if (lower === "deny") return NetworkDefaultAction.DENY;
  if (lower === "allow") return NetworkDefaultAction.ALLOW;
  return undefined;
}

/**
 * Whether a `bypass` (a string for Key Vault, a list for Storage) holds AzureServices; unset
 * means Azure's default, AzureServices; undefined for tokens.
 */
function bypassesTrustedServices(value: unknown): boolean | undefined {
  if (value === undefined || value === null) return true;
  if (Token.isUnresolved(value)) return undefined;
  const entries = Array.isArray(value) ? value : [value];
  if (entries.some((e) => typeof e !== "string" || Token.isUnresolved(e))) return undefined;
  return entries.some((e) => (e as string).toLowerCase() === AZURE_SERVICES);
}
