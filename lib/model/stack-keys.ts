import { baseType } from "../arm/resource-types";
import {
  KEY_VAULT_SECRETS_USER,
  STORAGE_BLOB_DATA_CONTRIBUTOR,
  STORAGE_BLOB_DATA_READER,
} from "../arm/roles";
import { Reference, References, isExpression, terraformType } from "./references";
import { SynthesizedTerraform } from "./terraform-json";
import { ContainerKey, Need, RoleScope } from "./transfer-model";

const USER_IDENTITY_TYPE = "azurerm_user_assigned_identity";
const SECRET_TYPE = "azurerm_key_vault_secret";
const VAULT_ID = /\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i;
const REGISTRY_ID = /\/providers\/Microsoft\.ContainerRegistry\/registries\/([^/]+)$/i;
const ACCOUNT_ID = /\/providers\/Microsoft\.Storage\/storageAccounts\/([^/]+)$/i;
const SECRET_URI = /^https:\/\/([^./]+)\.vault\.[^/]+\/secrets\/([^/?#]+)/i;
const BLOB_HOST = /^https:\/\/(.+?)\.blob\./i;
const CONTAINERS_SEGMENT = "/blobservices/default/containers/";
const IDENTITY_RESOURCE_TYPE = "microsoft.managedidentity/userassignedidentities";
/** The last `${...}` of a template, when it ends it. */
const TRAILING_REFERENCE = /\$\{[^${}]+\}$/;
/** `${element(split("/", <url>), 3)}`: the container name segment of a URL expression. */
const URL_SEGMENT = /^\$\{element\(split\("\/", (.+)\), 3\)\}$/;
/** A bare Terraform reference, as it appears inside a function call. */
const BARE_REFERENCE = /^(?:data\.)?[A-Za-z][\w-]*\.[A-Za-z_][\w-]*\.[\w.[\]-]+$/;
/** Built-in role definition GUIDs, for assignments by role_definition_id. */
const ROLE_NAMES_BY_ID: Readonly<Record<string, string>> = {
  "4633458b-17de-408a-b874-0445c86b69e6": KEY_VAULT_SECRETS_USER,
  "ba92f5b4-2d11-453d-a403-e96b0029c9fe": STORAGE_BLOB_DATA_CONTRIBUTOR,
  "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1": STORAGE_BLOB_DATA_READER,
};

/** The role an assignment gives, by name (role_definition_name, or a built-in role's ID). */
export function roleName(block: Record<string, unknown>): string {
  if (typeof block.role_definition_name === "string") return block.role_definition_name;
  const id = String(block.role_definition_id ?? "");
  return ROLE_NAMES_BY_ID[id.slice(id.lastIndexOf("/") + 1).toLowerCase()] ?? id;
}

/**
 * Gives each principal, identity, vault, secret and container one key however the JSON writes
 * it. Vaults are keyed by name: from a literal `.../Microsoft.KeyVault/vaults/<name>` ID, a
 * secret URI's host, or `${[data.]azurerm_key_vault.<V>.id}` with V's literal `name`. Secrets by
 * vault and name (a URI, `<vault ID>/secrets/<name>`, or a `[data.]azurerm_key_vault_secret`
 * reference). Containers by name and, when the JSON tells it, storage account name (a URL, a
 * `.../blobServices/default/containers/<name>` scope, or an `azurerm_storage_container`
 * reference). Literal names ignore case; what cannot be read is keyed as written.
 */
export class StackKeys extends References {
  public constructor(
    doc: SynthesizedTerraform,
    private readonly principalIds: Readonly<Record<string, string>>,
  ) {
    super(doc);
  }

  /** The key of a grant's object_id / principal_id (rules on readTransferModel). */
  public principalKey(value: unknown): string {
    const ref = this.parse(value);
    if (
      ref &&
      ref.address.startsWith("azapi_resource.") &&
      ref.attribute === "identity[0].principal_id"
    ) {
      return `system:${ref.address}`;
    }
    if (ref && terraformType(ref) === USER_IDENTITY_TYPE && ref.attribute === "principal_id") {
      return `identity:ref:${ref.address}`;
    }
    if (
      ref &&
      ref.address.startsWith("data.azapi_resource.") &&
      ref.attribute === "output.principal_id"
    ) {
      if (baseType(ref.block?.type) === IDENTITY_RESOURCE_TYPE)
        return this.identityKey(ref.block?.resource_id);
    }
    // Object IDs are GUIDs, which Azure compares without case; expressions are kept as written.
    const literal = typeof value === "string" && !isExpression(value) ? value.toLowerCase() : value;
    const mapped = Object.keys(this.principalIds).find((id) =>
      sameLiteral(this.principalIds[id], literal),
    );
    return mapped !== undefined ? this.identityKey(mapped) : `principal:${String(literal)}`;
  }

  /** The key of a user-assigned identity, by its ID or a reference to it. */
  public identityKey(id: unknown): string {
    const ref = this.parse(id);
    if (ref && ref.attribute === "id" && terraformType(ref) === USER_IDENTITY_TYPE) {
      return `identity:ref:${ref.address}`;
    }
    return typeof id === "string" && !isExpression(id)
      ? `identity:${id.toLowerCase()}`
      : `identity:${String(id)}`;
  }

  /** The key of a vault, by its ID or a reference to it. */
  public vaultKey(keyVaultId: unknown): string {
    return (
      this.idNameKey(keyVaultId, VAULT_ID, ["azurerm_key_vault"]) ?? `id:${String(keyVaultId)}`
    );
  }

  /** The key of a registry, by its ID or a reference to it; the value as written otherwise. */
  public registryKey(registryId: unknown): string {
    return (
      this.idNameKey(registryId, REGISTRY_ID, ["azurerm_container_registry"]) ?? String(registryId)
    );
  }

  /** The secret a pipeline's keyVaultUri names. */
  public secretNeed(uri: string): Extract<Need, { kind: "secret" }> {
    const ref = this.parse(uri);
    if (ref && terraformType(ref) === SECRET_TYPE)
      return { kind: "secret", ...this.secretOf(ref), byUri: false, uri };
    const match = isExpression(uri) ? null : SECRET_URI.exec(uri);
    return {
      kind: "secret",
      vault: match?.[1].toLowerCase(),
      secret: match?.[2].toLowerCase(),
      byUri: true,
      uri,
    };
  }

  private secretOf(ref: Reference): { vault: string; secret: string } {
    return {
      vault: this.vaultKey(ref.block?.key_vault_id),
      secret: this.nameKey(ref.block?.name) ?? `ref:${ref.address}`,
    };
  }

  /** What a role assignment's scope is. */
  public roleScope(scope: unknown): RoleScope {
    const container = this.containerOfScope(scope);
    if (container) return { kind: "container", container };
    const ref = this.parse(scope);
    if (ref && terraformType(ref) === SECRET_TYPE) return { kind: "secret", ...this.secretOf(ref) };
    const split = typeof scope === "string" ? scope.lastIndexOf("/secrets/") : -1;
    if (typeof scope === "string" && split > 0) {
      const secret = this.nameKey(scope.slice(split + "/secrets/".length));
      return {
        kind: "secret",
        vault: this.vaultKey(scope.slice(0, split)),
        secret: secret ?? scope,
      };
    }
    const vault = this.idNameKey(scope, VAULT_ID, ["azurerm_key_vault"]);
    return vault ? { kind: "vault", vault } : { kind: "other" };
  }

  /**
   * The container a pipeline's uri names: a literal URL, a reference to an
   * `azurerm_storage_container` (its `id` is the URL), or a template ending in one's `name`
   * (`${azurerm_storage_account.A.primary_blob_endpoint}${azurerm_storage_container.C.name}`).
   */
  public containerOfUri(uri: string): ContainerKey {
    const ref = this.parse(uri);
    if (ref && terraformType(ref) === "azurerm_storage_container") return this.containerOf(ref);
    const last = this.parse(TRAILING_REFERENCE.exec(uri)?.[0]);
    if (last && terraformType(last) === "azurerm_storage_container") return this.containerOf(last);
    const trimmed = uri.replace(/\/+$/, "");
    const host = BLOB_HOST.exec(trimmed);
    return {
      name: this.nameKey(trimmed.slice(trimmed.lastIndexOf("/") + 1)) ?? trimmed,
      account: host ? this.nameKey(host[1]) : undefined,
    };
  }

  private containerOfScope(scope: unknown): ContainerKey | undefined {
    const ref = this.parse(scope);
    if (ref && terraformType(ref) === "azurerm_storage_container") return this.containerOf(ref);
    const at = typeof scope === "string" ? scope.toLowerCase().lastIndexOf(CONTAINERS_SEGMENT) : -1;
    if (typeof scope !== "string" || at < 0) return undefined;
    const name = scope.slice(at + CONTAINERS_SEGMENT.length);
    // The library writes the name of a container given by a token URL as the URL's 4th segment.
    const url = URL_SEGMENT.exec(name);
    const ofUrl = url ? this.containerOfUri(urlTemplate(url[1])) : undefined;
    return {
      name: ofUrl?.name ?? this.nameKey(name) ?? scope,
      account:
        this.idNameKey(scope.slice(0, at), ACCOUNT_ID, ["azurerm_storage_account"]) ??
        ofUrl?.account,
    };
  }

  private containerOf(ref: Reference): ContainerKey {
    const block = ref.block ?? {};
    return {
      name: this.nameKey(block.name) ?? `ref:${ref.address}`,
      account:
        this.idNameKey(block.storage_account_id, ACCOUNT_ID, ["azurerm_storage_account"]) ??
        this.nameKey(block.storage_account_name),
    };
  }
}

/**
 * A URL expression inside a function call (a bare reference, a quoted template, or
 * `join("", [...])` of those) as the template JSON writes it (`${...}` around references).
 */
function urlTemplate(expression: string): string {
  const e = expression.trim();
  if (BARE_REFERENCE.test(e)) return `\${${e}}`;
  if (e.startsWith('"') && e.endsWith('"')) return JSON.parse(e) as string;
  const join = /^join\("", \[(.*)\]\)$/.exec(e);
  if (!join) return `\${${e}}`;
  return splitArguments(join[1]).map(urlTemplate).join("");
}

/** The comma-separated items of a list body, with commas inside strings or calls left alone. */
function splitArguments(body: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\\" && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && "([{".includes(c)) depth++;
    else if (!quoted && ")]}".includes(c)) depth--;
    else if (!quoted && depth === 0 && c === ",") {
      items.push(body.slice(start, i));
      start = i + 1;
    }
  }
  items.push(body.slice(start));
  return items.filter((item) => item.trim() !== "");
}

/** Whether a principal ID given to the model is `literal` (a lower-case ID, or an expression). */
function sameLiteral(given: string, literal: unknown): boolean {
  return isExpression(given) ? given === literal : given.toLowerCase() === literal;
}
