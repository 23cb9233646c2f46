import { Annotations, Aspects, IAspect, TerraformResource, TerraformStack } from "../core/cdk";
import { IConstruct } from "constructs";
import { Ledger } from "../private/ledger";
import { keyOf } from "../private/keys";
import { resolveIn } from "../private/resolve";
import { IKeyVaultRef } from "../references/key-vault";

/** An access policy the library made, and the secrets its principal reads through it. */
interface VaultWideRead {
  readonly policy: TerraformResource;
  readonly vault: IKeyVaultRef;
  readonly vaultKey: string;
  readonly secretKeys: Set<string>;
}

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
  const ledger = Ledger.of(policy);
  const read = ledger.once<VaultWideRead>(`vault-wide-read|${policy.node.path}`, () => {
    const stack = TerraformStack.of(policy);
    ledger.once(Ledger.stackKey(stack, "aspect|vault-wide-read"), () => {
      Aspects.of(stack).add(new VaultWideReadWarnings(stack));
      return true;
    });
    return { policy, vault, vaultKey, secretKeys: new Set<string>() };
  });
  read.secretKeys.add(secretKey);
}

/** Adds the warnings of recordVaultWideRead to the access policies of one stack, once. */
class VaultWideReadWarnings implements IAspect {
  private done = false;

  public constructor(private readonly stack: TerraformStack) {}

  /** Runs the check when the aspect reaches the stack. */
  public visit(node: IConstruct): void {
    if (this.done || node !== this.stack) return;
    this.done = true;
    const ledger = Ledger.of(this.stack);
    const secrets = appSecrets(this.stack);
    for (const entry of ledger.entries.values()) {
      const read = entry as Partial<VaultWideRead>;
      if (!read.policy || TerraformStack.of(read.policy) !== this.stack) continue;
      const warning = vaultWideWarning(read as VaultWideRead, secrets);
      if (warning) Annotations.of(read.policy).addWarning(warning);
    }
  }
}

function vaultWideWarning(read: VaultWideRead, secrets: SecretLike[]): string | undefined {
  const others = [
    ...new Set(
      secrets
        .filter(
          (s) =>
            s.keyVault &&
            keyOf(read.policy, s.keyVault.vaultKey, s.keyVault.keyVaultId) === read.vaultKey,
        )
        .map((s) => keyOf(read.policy, s.secretKey, s.secretUri))
        .filter((key) => !read.secretKeys.has(key)),
    ),
  ];
  const unknown = read.vault.dedicatedToTransfer !== true;
  if (others.length === 0 && !unknown) return undefined;
  const vault = String(resolveIn(read.policy, read.vault.keyVaultId));
  const why =
    others.length > 0
      ? `the vault also holds ${others.length} other secret(s) of this app (${others.join(", ")})`
      : "the vault is referred to by ID or data source, so its other secrets are unknown";
  return (
    `this access policy gives its principal Get on every secret in ${vault}, not only the SAS token it needs: ${why}. ` +
    "Use an RBAC vault (the library then grants Key Vault Secrets User on the one secret) or a vault " +
    "that holds only this transfer's secrets, and say so with dedicatedToTransfer: true"
  );
}

/** Every SAS token secret of the app (owned or existing), recognised by its members. */
function appSecrets(scope: IConstruct): SecretLike[] {
  return scope.node.root.node.findAll().filter((c): c is IConstruct & SecretLike => {
    const candidate = c as Partial<SecretLike>;
    return typeof candidate.secretUri === "string" && typeof candidate.grantRead === "function";
  });
}
