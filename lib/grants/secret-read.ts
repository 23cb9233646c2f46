import { KeyVaultAccessPolicyA as KeyVaultAccessPolicy } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { TerraformProvider } from "cdktf";
import { KEY_VAULT_SECRETS_USER, SECRET_READ_PERMISSIONS } from "../arm/roles";
import { keyOf } from "../private/keys";
import { IKeyVaultRef, KeyVaultAccessModel } from "../references/key-vault";
import { watchForDuplicateAccessPolicies } from "./access-policy-check";
import { grantOnce } from "./grant-once";
import { GrantPrincipal } from "./principal";
import { TransferGrant } from "./transfer-grant";

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
}

/**
 * Lets `principal` read the secret: `Get` in an access policy (one per vault and principal in
 * the stack, shared by every pipeline that needs it), or `Key Vault Secrets User` on the one
 * secret in an RBAC vault.
 */
export function grantSecretRead(
  target: SecretReadTarget,
  principal: GrantPrincipal,
  azurermProvider?: TerraformProvider,
): TransferGrant {
  const owner = principal.owner;
  watchForDuplicateAccessPolicies(owner);
  if (target.vault.accessModel === KeyVaultAccessModel.RBAC) {
    const secretKey = keyOf(owner, target.secretKey, target.secretResourceId);
    const role = grantOnce(
      principal,
      "SecretReadRole",
      secretKey,
      (scope, id) =>
        new RoleAssignment(scope, id, {
          scope: target.secretResourceId,
          roleDefinitionName: KEY_VAULT_SECRETS_USER,
          principalId: principal.principalId,
          principalType: "ServicePrincipal",
          description: "ACR Transfer pipeline reads its SAS token secret",
          provider: azurermProvider,
        }),
    );
    return TransferGrant.of(role, `"${KEY_VAULT_SECRETS_USER}" on the secret`);
  }
  const vaultKey = keyOf(owner, target.vault.vaultKey, target.vault.keyVaultId);
  const policy = grantOnce(
    principal,
    "SecretReadPolicy",
    vaultKey,
    (scope, id) =>
      new KeyVaultAccessPolicy(scope, id, {
        keyVaultId: target.vault.keyVaultId,
        tenantId: principal.tenantId,
        objectId: principal.principalId,
        secretPermissions: [...SECRET_READ_PERMISSIONS],
        provider: azurermProvider,
      }),
  );
  return TransferGrant.of(
    policy,
    `secret permissions ${SECRET_READ_PERMISSIONS.join(", ")} in the vault`,
  );
}
