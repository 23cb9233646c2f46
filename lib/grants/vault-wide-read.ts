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
    const secrets = secretsByVault(this.stack, appSecrets(this.stack));
    for (const read of reads.values()) {
      const warning = vaultWideWarning(read, secrets.get(read.vaultKey) ?? []);
      if (warning) warn(read.policy, warning);
    }
  }
}

/**
 * The keys of the app's secrets in each vault (by vault key), each key once, in construct order;
 * keys are read in `stack`, where the policies that ask for them live.
 */
function secretsByVault(stack: TerraformStack, secrets: SecretLike[]): Map<string, string[]> {
  const byVault = new Map<string, Set<string>>();
  for (const secret of secrets) {
    if (!secret.keyVault) continue;
    const vaultKey = keyOf(stack, secret.keyVault.vaultKey, secret.keyVault.keyVaultId);
    const keys = byVault.get(vaultKey) ?? new Set<string>();
    keys.add(keyOf(stack, secret.secretKey, secret.secretUri));
    byVault.set(vaultKey, keys);
  }
  return new Map([...byVault].map(([vault, keys]) => [vault, [...keys]]));
}

function vaultWideWarning(read: VaultWideRead, vaultSecrets: string[]): string | undefined {
  const others = vaultSecrets.filter((key) => !read.secretKeys.has(key));
  const unknown = read.vault.dedicatedToTransfer !== true;
  if (others.length === 0 && !unknown) return undefined;
  const vault = String(resolveIn(read.policy, read.vault.keyVaultId));
  const why =
    others.length > 0
      ? `the vault also holds ${others.length} other secret(s) of this app (${shownKeys(others)})`
      : "the vault is referred to by ID or data source, so its other secrets are unknown";
  return (
    `this access policy gives its principal Get on every secret in ${vault}, not only the SAS token it needs: ${why}. ` +
    "Use an RBAC vault (the library then grants Key Vault Secrets User on the one secret) or a vault " +
    "that holds only this transfer's secrets, and say so with dedicatedToTransfer: true"
  );
}

/** How many secret keys a warning names; the rest are counted (each policy would list them all). */
const SHOWN_KEYS = 5;

/** Up to SHOWN_KEYS keys, then how many more. */
function shownKeys(keys: string[]): string {
  const shown = keys.slice(0, SHOWN_KEYS).join(", ");
  return keys.length > SHOWN_KEYS ? `${shown} and ${keys.length - SHOWN_KEYS} more` : shown;
}

/** Every SAS token secret of the app (owned or existing), recognised by its members. */
function appSecrets(scope: IConstruct): SecretLike[] {
  return scope.node.root.node.findAll().filter((c): c is IConstruct & SecretLike => {
    const candidate = c as Partial<SecretLike>;
    return typeof candidate.secretUri === "string" && typeof candidate.grantRead === "function";
  });
}
