import { warn } from "../private/annotations";
import { Aspects, IAspect, TerraformResource, TerraformStack } from "../core/cdk";
import { IConstruct } from "constructs";
import { stackLedger } from "../private/ledger";
import { VaultWideRead } from "../private/stack-ledger";
import { keyOf } from "../private/keys";
import { resolveIn } from "../private/resolve";
import { IKeyVaultRef } from "../references/key-vault";

/** A secret of the app, as this check sees one (owned or existing). */
interface SecretLike {
  readonly secretUri: string;
  readonly secretKey?: string;
  readonly keyVault?: IKeyVaultRef;
  readonly grantRead: unknown;
}

/**
 * Records that `policy` gives its principal `Get` on every secret of `vault` for the sake of
 * `secretKey`. Before synth, an aspect warns on each such policy whose vault holds other secrets
 * of the app, or whose contents are unknown (a vault referred to by ID or data source, not
 * marked dedicatedToTransfer): the principal can read all of them.
 */
export function recordVaultWideRead(
  policy: TerraformResource,
  vault: IKeyVaultRef,
  vaultKey: string,
  secretKey: string,
): void {
  const held = stackLedger(policy);
  let read = held.vaultWideReads.get(policy.node.path);
  if (!read) {
    if (held.firstInStack(WARNED))
      Aspects.of(held.stack).add(new VaultWideReadWarnings(held.stack));
    read = { policy, vault, vaultKey, secretKeys: new Set<string>() };
    held.vaultWideReads.set(policy.node.path, read);
  }
  read.secretKeys.add(secretKey);
}

/** Fact of a stack whose vault-wide access policies are warned about. */
const WARNED = "aspect|vault-wide-read";

/** Adds the warnings of recordVaultWideRead to the access policies of one stack, once. */
class VaultWideReadWarnings implements IAspect {
  private done = false;

  public constructor(private readonly stack: TerraformStack) {}

  /** Runs the check when the aspect reaches the stack. */
  public visit(node: IConstruct): void {
    if (this.done || node !== this.stack) return;
    this.done = true;
    const reads = stackLedger(this.stack).vaultWideReads;
    if (reads.size === 0) return;
    const secrets = secretsByVault(this.stack, reads.values());
    for (const read of reads.values()) {
      const warning = vaultWideWarning(read, secrets.get(read.vaultKey) ?? []);
      if (warning) warn(read.policy, warning);
    }
  }
}

/** Terraform type of a Key Vault secret, by which any secret of the app is found. */
const SECRET_TYPE = "azurerm_key_vault_secret";

/** A secret the app declares or refers to: its key and how the warning names it. */
interface VaultSecret {
  readonly key: string;
  readonly shown: string;
}

/**
 * The secrets the app has in each vault (by vault key), each once, in construct order: the
 * library's SAS token secrets (owned or existing), and every other `azurerm_key_vault_secret`
 * of the app (a database password beside the token counts). Keys are read in `stack`, where the
 * policies that ask for them live; a vault is matched by its key or by its ID.
 */
function secretsByVault(
  stack: TerraformStack,
  reads: Iterable<VaultWideRead>,
): Map<string, VaultSecret[]> {
  const vaultKeys = new Map<string, string>();
  for (const read of reads) vaultKeys.set(idKey(stack, read.vault.keyVaultId), read.vaultKey);
  const byVault = new Map<string, Map<string, VaultSecret>>();
  const add = (vaultKey: string | undefined, secret: VaultSecret) => {
    if (vaultKey === undefined) return;
    const secrets = byVault.get(vaultKey) ?? new Map<string, VaultSecret>();
    if (!secrets.has(secret.key)) secrets.set(secret.key, secret);
    byVault.set(vaultKey, secrets);
  };
  const ours = new Set<IConstruct>();
  for (const node of stack.node.root.node.findAll()) {
    const library = node as Partial<SecretLike>;
    if (typeof library.secretUri === "string" && typeof library.grantRead === "function") {
      if (!library.keyVault) continue;
      const key = keyOf(stack, library.secretKey, library.secretUri);
      add(keyOf(stack, library.keyVault.vaultKey, library.keyVault.keyVaultId), {
        key,
        shown: key,
      });
      for (const owned of node.node.findAll()) ours.add(owned);
      continue;
    }
    const resource = node as Partial<TerraformResource> & {
      keyVaultIdInput?: string;
      nameInput?: string;
    };
    if (resource.terraformResourceType !== SECRET_TYPE || ours.has(node)) continue;
    const vaultKey = vaultKeys.get(idKey(TerraformStack.of(node), resource.keyVaultIdInput));
    const name = typeof resource.nameInput === "string" ? resource.nameInput : undefined;
    const shown = name && !name.includes("${") ? `"${name}" (${node.node.path})` : node.node.path;
    add(vaultKey, { key: `resource|${node.node.path}`, shown });
  }
  return new Map([...byVault].map(([vault, secrets]) => [vault, [...secrets.values()]]));
}

/** A vault ID as a key: a literal ARM ID in lower case, an expression with its stack. */
function idKey(stack: TerraformStack, id: unknown): string {
  const resolved = String(resolveIn(stack, id));
  return resolved.includes("${") ? `${stack.node.path}|${resolved}` : resolved.toLowerCase();
}

function vaultWideWarning(read: VaultWideRead, vaultSecrets: VaultSecret[]): string | undefined {
  const others = vaultSecrets.filter((secret) => !read.secretKeys.has(secret.key));
  const dedicated = read.vault.dedicatedToTransfer === true;
  if (others.length === 0 && dedicated) return undefined;
  const vault = String(resolveIn(read.policy, read.vault.keyVaultId));
  const why =
    others.length > 0
      ? `the vault also holds ${others.length} other secret(s) of this app: ${shownSecrets(others)}`
      : "the vault is not marked dedicatedToTransfer, so other secrets may be in it or be written to it later";
  return (
    `this access policy gives its principal Get on every secret in ${vault}, not only the SAS token it needs: ${why}. ` +
    "Grant on the one secret instead: use an RBAC vault (KeyVaultAccessModel.RBAC; the library then assigns Key Vault Secrets User " +
    "on the secret alone), or keep this vault for transfer secrets only and mark it with dedicatedToTransfer: true and a dedicationReason"
  );
}

/** How many secrets a warning names; the rest are counted (each policy would list them all). */
const SHOWN_SECRETS = 5;

/** Up to SHOWN_SECRETS secrets, then how many more. */
function shownSecrets(secrets: VaultSecret[]): string {
  const shown = secrets
    .slice(0, SHOWN_SECRETS)
    .map((s) => s.shown)
    .join(", ");
  return secrets.length > SHOWN_SECRETS
    ? `${shown} and ${secrets.length - SHOWN_SECRETS} more`
    : shown;
}
