import { checkBeforeWarnings, warn } from "../private/annotations";
import { TerraformResource, TerraformStack } from "../core/cdk";
import { IConstruct } from "constructs";
import { Ledger, stackLedger } from "../private/ledger";
import { appStacks } from "../private/tree-facts";
import { VaultWideRead } from "../private/stack-ledger";
import { keyOf } from "../private/keys";
import { resolveIn } from "../private/resolve";
import { IKeyVaultRef } from "../references/key-vault";
import { TransferWarningIds } from "../arm/warning-ids";

/** A secret of the app, as this check sees one (owned or existing). */
interface SecretLike {
  readonly secretUri: string;
  readonly secretKey?: string;
  readonly keyVault?: IKeyVaultRef;
  readonly grantRead: unknown;
}

/**
 * Records that `policy` gives its principal `Get` on every secret of `vault` for the sake of
 * `secretKey`. At synth, once the tree is complete, each such policy whose vault holds other
 * secrets of the app, or whose contents are unknown (a vault referred to by ID or data source,
 * not marked dedicatedToTransfer), gets a warning: the principal can read all of them. The
 * dedication is a fact of the vault, stated with its reason: when any reference to the vault
 * states it, whichever secret came first, the vault is dedicated.
 */
export function recordVaultWideRead(
  policy: TerraformResource,
  vault: IKeyVaultRef,
  vaultKey: string,
  secretKey: string,
): void {
  const held = stackLedger(policy);
  const known = held.vaultWideReads.get(policy.node.path);
  if (!known && held.firstInStack(WARNED)) {
    checkBeforeWarnings(held.stack, () => warnVaultWide(held.stack));
  }
  const dedicates = vault.dedicatedToTransfer === true && known?.vault.dedicatedToTransfer !== true;
  const read =
    known && !dedicates
      ? known
      : { policy, vault, vaultKey, secretKeys: known?.secretKeys ?? new Set<string>() };
  read.secretKeys.add(secretKey);
  held.vaultWideReads.set(policy.node.path, read);
}

/** Fact of a stack whose vault-wide access policies are checked at synth. */
const WARNED = "check|vault-wide-read";

/** Warns on each access policy of `stack` that reads more than the secrets it is made for. */
function warnVaultWide(stack: TerraformStack): void {
  // The policies of one vault are many (one per pipeline identity): resolve its ID once.
  const vaultIds = new Map<string, string>();
  for (const read of stackLedger(stack).vaultWideReads.values()) {
    let vaultId = vaultIds.get(read.vault.keyVaultId);
    if (vaultId === undefined) {
      vaultId = String(resolveIn(stack, read.vault.keyVaultId));
      vaultIds.set(read.vault.keyVaultId, vaultId);
    }
    const warning = vaultWideWarning(read, vaultId, secretsOfVault(stack, read, vaultId));
    if (warning) warn(read.policy, TransferWarningIds.VAULT_WIDE_READ, warning);
  }
}

/** Terraform type of a Key Vault secret, by which any secret of the app is found. */
const SECRET_TYPE = "azurerm_key_vault_secret";

/** A secret the app declares or refers to: its key and how the warning names it. */
interface VaultSecret {
  readonly key: string;
  readonly shown: string;
}

/** A secret of the app, with its place in construct order. */
interface PlacedSecret extends VaultSecret {
  readonly order: number;
}

/**
 * The secrets the app has, read once per synth from the tree facts of its stacks: the library's
 * SAS token secrets (owned or existing) by the key of their vault, and every other
 * `azurerm_key_vault_secret` (a database password beside the token counts) by its vault's ID
 * as its own stack resolves it.
 */
interface AppSecrets {
  readonly byVaultKey: ReadonlyMap<string, readonly PlacedSecret[]>;
  readonly byVaultId: ReadonlyMap<string, readonly PlacedSecret[]>;
}

/** Name of the whole-app fact that holds AppSecrets. */
const APP_SECRETS = "vault-wide-read|secrets";

/** The secrets of the app (see AppSecrets), read once per synth. */
function appSecrets(scope: IConstruct): AppSecrets {
  const ledger = Ledger.of(scope);
  return ledger.appFact(APP_SECRETS, () => {
    const byVaultKey = new Map<string, PlacedSecret[]>();
    const byVaultId = new Map<string, PlacedSecret[]>();
    const ours = new Set<IConstruct>();
    let order = 0;
    const nodes = appStacks(scope).flatMap((stack) => ledger.treeFactsOf(stack).constructs);
    for (const node of nodes) {
      const library = node as Partial<SecretLike>;
      if (typeof library.secretUri === "string" && typeof library.grantRead === "function") {
        if (!library.keyVault) continue;
        const own = TerraformStack.of(node);
        const key = keyOf(own, library.secretKey, library.secretUri);
        const vaultKey = keyOf(own, library.keyVault.vaultKey, library.keyVault.keyVaultId);
        append(byVaultKey, vaultKey, { key, shown: key, order: order++ });
        for (const owned of node.node.findAll()) ours.add(owned);
        continue;
      }
      const resource = node as Partial<TerraformResource> & {
        keyVaultIdInput?: string;
        nameInput?: string;
      };
      if (resource.terraformResourceType !== SECRET_TYPE || ours.has(node)) continue;
      const name = typeof resource.nameInput === "string" ? resource.nameInput : undefined;
      const shown = name && !name.includes("${") ? `"${name}" (${node.node.path})` : node.node.path;
      append(byVaultId, idKey(TerraformStack.of(node), resource.keyVaultIdInput), {
        key: `resource|${node.node.path}`,
        shown,
        order: order++,
      });
    }
    return { byVaultKey, byVaultId };
  });
}

/** Adds `value` to the list under `key`. */
function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The secrets the app has in the vault a policy of `stack` reads: by its key, or by its ID as
 * `stack` resolved it (`resolvedVaultId`), each once, in construct order; made once per synth
 * for each vault.
 */
function secretsOfVault(
  stack: TerraformStack,
  read: VaultWideRead,
  resolvedVaultId: string,
): VaultSecrets {
  const vaultId = idKeyOf(stack, resolvedVaultId);
  return Ledger.of(stack).appFact(`${APP_SECRETS}|${read.vaultKey}|${vaultId}`, () => {
    const secrets = appSecrets(stack);
    const found = new Map<string, PlacedSecret>();
    const placed = [
      ...(secrets.byVaultKey.get(read.vaultKey) ?? []),
      ...(secrets.byVaultId.get(vaultId) ?? []),
    ].sort((a, b) => a.order - b.order);
    for (const secret of placed) if (!found.has(secret.key)) found.set(secret.key, secret);
    return new VaultSecrets([...found.values()]);
  });
}

/** A vault ID as a key: a literal ARM ID in lower case, an expression with its stack. */
function idKey(stack: TerraformStack, id: unknown): string {
  return idKeyOf(stack, String(resolveIn(stack, id)));
}

/** The key of a vault ID `stack` has already resolved (see idKey). */
function idKeyOf(stack: TerraformStack, resolved: string): string {
  return resolved.includes("${") ? `${stack.node.path}|${resolved}` : resolved.toLowerCase();
}

/**
 * The warning of one access policy on the vault `vaultId` (as its stack resolves it), or none
 * when the policy can read no secret it was not made for.
 */
function vaultWideWarning(
  read: VaultWideRead,
  vaultId: string,
  vault: VaultSecrets,
): string | undefined {
  const others = vault.othersThan(read.secretKeys);
  const dedicated = read.vault.dedicatedToTransfer === true;
  if (others.count === 0 && dedicated) return undefined;
  const why =
    others.count > 0
      ? `the vault also holds ${others.count} other secret(s) of this app: ${shownSecrets(others)}`
      : "the vault is not marked dedicatedToTransfer, so other secrets may be in it or be written to it later";
  return (
    `this access policy gives its principal Get on every secret in ${vaultId}, not only the SAS token it needs: ${why}. ` +
    "Grant on the one secret instead: use an RBAC vault (KeyVaultAccessModel.RBAC; the library then assigns Key Vault Secrets User " +
    "on the secret alone), or keep this vault for transfer secrets only and mark it with dedicatedToTransfer: true and a dedicationReason"
  );
}

/** How many secrets a warning names; the rest are counted (each policy would list them all). */
const SHOWN_SECRETS = 5;

/** Up to SHOWN_SECRETS secrets, then how many more. */
function shownSecrets(others: OtherSecrets): string {
  const shown = others.first.map((s) => s.shown).join(", ");
  return others.count > others.first.length
    ? `${shown} and ${others.count - others.first.length} more`
    : shown;
}

/** The secrets of a vault other than a policy's own: how many, and the first SHOWN_SECRETS. */
interface OtherSecrets {
  readonly count: number;
  readonly first: readonly VaultSecret[];
}

/**
 * The secrets of one vault, in construct order. A policy's own secrets are few and the vault's
 * may be thousands (one per pipeline), so the others are counted from the policy's side and only
 * the first few are looked for: the cost of a warning does not grow with the vault.
 */
class VaultSecrets {
  private readonly keys: ReadonlySet<string>;

  public constructor(private readonly secrets: readonly VaultSecret[]) {
    this.keys = new Set(secrets.map((s) => s.key));
  }

  /** The secrets not in `own`. */
  public othersThan(own: ReadonlySet<string>): OtherSecrets {
    let ownHere = 0;
    for (const key of own) if (this.keys.has(key)) ownHere++;
    const first: VaultSecret[] = [];
    for (const secret of this.secrets) {
      if (first.length === SHOWN_SECRETS) break;
      if (!own.has(secret.key)) first.push(secret);
    }
    return { count: this.secrets.length - ownHere, first };
  }
}
