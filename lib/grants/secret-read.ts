import { KeyVaultAccessPolicy, RoleAssignment } from "../core/azurerm";
import { TerraformProvider } from "../core/cdk";
import { IConstruct } from "constructs";
import { KEY_VAULT_SECRETS_USER, SECRET_READ_PERMISSIONS } from "../arm/roles";
import { keyOf } from "../private/keys";
import { IKeyVaultRef, KeyVaultAccessModel } from "../references/key-vault";
import { watchForDuplicateAccessPolicies } from "./access-policy-check";
import { recordVaultWideRead } from "./vault-wide-read";
import { GrantKind, grantOnce } from "./grant-once";
import { grantedElsewhere } from "./granted-elsewhere";
import { GrantPrincipal } from "./principal";
import { TransferGrant } from "./transfer-grant";

/** Options of a secret's read grant. */
export interface SecretReadGrantOptions {
  /**
   * azurerm provider for the access policy or role assignment.
   * @default the stack's default azurerm provider
   */
  readonly azurermProvider?: TerraformProvider;
}

/** A secret as its read grant needs it. */
export interface SecretGrantSubject {
  /**
   * The vault holding the secret.
   * @default unknown: nothing can be granted
   */
  readonly keyVault?: IKeyVaultRef;
  /**
   * ARM ID of the secret.
   * @default unknown: nothing can be granted
   */
  readonly secretResourceId?: string;
  /**
   * A stable key of the secret.
   * @default derived from secretResourceId
   */
  readonly secretKey?: string;
}

/**
 * The read grant of `secret` for `principal`, or an empty grant when its vault is unknown.
 * `declaredBy` is the construct that declares the secret in this app, if any.
 */
export function grantReadOn(
  secret: SecretGrantSubject,
  principal: GrantPrincipal,
  options: SecretReadGrantOptions = {},
  declaredBy?: IConstruct,
): TransferGrant {
  const { keyVault, secretResourceId } = secret;
  if (!keyVault || !secretResourceId) {
    return TransferGrant.none("read on a secret whose vault is unknown, granted by hand");
  }
  const target = { vault: keyVault, secretResourceId, secretKey: secret.secretKey, declaredBy };
  return grantSecretRead(target, principal, options.azurermProvider);
}

/** A secret whose vault is known, so that read access to it can be granted. */
export interface SecretReadTarget {
  /** The vault holding the secret. */
  readonly vault: IKeyVaultRef;
  /** ARM ID of the secret (`<vault ID>/secrets/<name>`), the scope in RBAC vaults. */
  readonly secretResourceId: string;
  /**
   * A stable key of the secret.
   * @default derived from secretResourceId
   */
  readonly secretKey?: string;
  /**
   * The construct that declares the secret in this app: shared grants on it live in its stack.
   * @default none: the secret is only referred to
   */
  readonly declaredBy?: IConstruct;
}

/**
 * Lets `principal` read the secret: `Get` in an access policy (one per vault and principal in
 * the stack, shared by every pipeline that needs it), or `Key Vault Secrets User` on the one
 * secret in an RBAC vault.
 */
export function grantSecretRead(
  secret: SecretReadTarget,
  principal: GrantPrincipal,
  azurermProvider?: TerraformProvider,
): TransferGrant {
  const owner = principal.owner;
  if (secret.vault.accessModel === KeyVaultAccessModel.RBAC) {
    const secretKey = keyOf(owner, secret.secretKey, secret.secretResourceId);
    const what = `"${KEY_VAULT_SECRETS_USER}"`;
    const target = {
      kind: GrantKind.SECRET_READ_ROLE,
      key: secretKey,
      declaredBy: secret.declaredBy,
    };
    const role = grantOnce(
      principal,
      target,
      (scope, id) =>
        new RoleAssignment(scope, id, {
          scope: secret.secretResourceId,
          roleDefinitionName: KEY_VAULT_SECRETS_USER,
          principalId: principal.principalId,
          principalType: "ServicePrincipal",
          description: "ACR Transfer pipeline reads its SAS token secret",
          provider: azurermProvider,
        }),
    );
    if (!role) return grantedElsewhere(principal, what, secret.secretResourceId);
    return TransferGrant.of(role, `${what} on the secret`);
  }
  const vaultKey = keyOf(owner, secret.vault.vaultKey, secret.vault.keyVaultId);
  const what = `secret permissions ${SECRET_READ_PERMISSIONS.join(", ")} (access policy)`;
  const policy = grantOnce(
    principal,
    { kind: GrantKind.SECRET_READ_POLICY, key: vaultKey },
    (scope, id) =>
      new KeyVaultAccessPolicy(scope, id, {
        keyVaultId: secret.vault.keyVaultId,
        tenantId: principal.tenantId,
        objectId: principal.principalId,
        secretPermissions: [...SECRET_READ_PERMISSIONS],
        provider: azurermProvider,
      }),
  );
  if (!policy) return grantedElsewhere(principal, what, secret.vault.keyVaultId);
  watchForDuplicateAccessPolicies(policy);
  recordVaultWideRead(
    policy,
    secret.vault,
    vaultKey,
    keyOf(owner, secret.secretKey, secret.secretResourceId),
  );
  return TransferGrant.of(policy, `${what} in the vault`);
}
