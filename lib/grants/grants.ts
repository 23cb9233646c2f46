import { KeyVaultAccessPolicyA as KeyVaultAccessPolicy } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { createHash } from "node:crypto";
import { TerraformProvider, TerraformResource, TerraformStack } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { KEY_VAULT_SECRETS_USER, SECRET_READ_PERMISSIONS } from "../arm/roles";
import { IKeyVaultRef, KeyVaultAccessModel } from "../references/key-vault";
import { PipelinePrincipal } from "./principal";
import { registerOnce } from "../private/stack-registry";
import { resolveIn } from "../private/resolve";
import { TransferValidationError } from "../validation/error";

/** A grant that a pipeline needs before a run can succeed. */
export interface SecretReadGrant {
  /** The vault holding the secret. */
  readonly vault: IKeyVaultRef;
  /** ARM ID of the secret (`<vault ID>/secrets/<name>`), the scope in RBAC vaults. */
  readonly secretResourceId: string;
  /** A stable key of the secret. */
  readonly secretKey: string;
}

/**
 * Lets `principal` read the secret: `Get` in an access policy (one per vault and principal
 * in the stack, shared by every pipeline that needs it), or `Key Vault Secrets User` on the
 * one secret in an RBAC vault. Returns the resource runs must wait for.
 */
export function grantSecretRead(
  consumer: Construct,
  grant: SecretReadGrant,
  principal: PipelinePrincipal,
  azurermProvider?: TerraformProvider,
): TerraformResource {
  watchForDuplicateAccessPolicies(consumer);
  if (grant.vault.accessModel === KeyVaultAccessModel.RBAC) {
    return grantOnce(
      consumer,
      principal,
      "SecretReadRole",
      grant.secretKey,
      (scope, id) =>
        new RoleAssignment(scope, id, {
          scope: grant.secretResourceId,
          roleDefinitionName: KEY_VAULT_SECRETS_USER,
          principalId: principal.principalId,
          principalType: "ServicePrincipal",
          description: "ACR Transfer pipeline reads its SAS token secret",
          provider: azurermProvider,
        }),
    );
  }
  return grantOnce(
    consumer,
    principal,
    "SecretReadPolicy",
    grant.vault.vaultKey,
    (scope, id) =>
      new KeyVaultAccessPolicy(scope, id, {
        keyVaultId: grant.vault.keyVaultId,
        tenantId: principal.tenantId,
        objectId: principal.principalId,
        secretPermissions: [...SECRET_READ_PERMISSIONS],
        provider: azurermProvider,
      }),
  );
}

/** Gives `principal` a Storage Blob Data role on one container (once per container, principal and role). */
export function grantContainerAccess(
  consumer: Construct,
  containerResourceId: string,
  containerKey: string,
  roleName: string,
  principal: PipelinePrincipal,
  azurermProvider?: TerraformProvider,
): TerraformResource {
  const key = `${containerKey}|${roleName}`;
  return grantOnce(
    consumer,
    principal,
    "ContainerAccessRole",
    key,
    (scope, id) =>
      new RoleAssignment(scope, id, {
        scope: containerResourceId,
        roleDefinitionName: roleName,
        principalId: principal.principalId,
        principalType: "ServicePrincipal",
        description: "ACR Transfer pipeline reaches its blob container",
        provider: azurermProvider,
      }),
  );
}

/** Stack-level construct that holds grants of identities shared by several pipelines. */
export const SHARED_GRANTS_ID = "AcrTransferSharedGrants";

/**
 * Makes a grant once per (kind, target, principal) in the stack. A pipeline's own
 * system-assigned identity gets its grant under the pipeline; a shared user-assigned identity
 * gets it under one stack-level construct, at an address derived from the target and the
 * identity, so adding or removing pipelines never moves it.
 */
function grantOnce<T extends TerraformResource>(
  consumer: Construct,
  principal: PipelinePrincipal,
  kind: string,
  targetKey: string,
  make: (scope: Construct, id: string) => T,
): T {
  const key = `${kind}|${targetKey}|${principal.principalKey}`;
  return registerOnce(consumer, key, () => {
    if (!principal.shared) return make(consumer, kind);
    const home = registerOnce(
      consumer,
      SHARED_GRANTS_ID,
      () => new Construct(TerraformStack.of(consumer), SHARED_GRANTS_ID),
    );
    return make(home, `${kind}${createHash("sha256").update(key).digest("hex").slice(0, 12)}`);
  });
}

/**
 * azurerm rejects two access policies for one object in one vault (the second overwrites the
 * first, and destroying either removes both). The library shares one per (vault, principal);
 * this synth-time check catches the rest, such as a hand-written policy beside ours.
 */
function watchForDuplicateAccessPolicies(scope: IConstruct): void {
  registerOnce(scope, "validation|access-policies", () => {
    const stack = TerraformStack.of(scope);
    stack.node.addValidation({ validate: () => duplicateAccessPolicyErrors(stack) });
    return true;
  });
}

function duplicateAccessPolicyErrors(stack: TerraformStack): string[] {
  const seen = new Map<string, KeyVaultAccessPolicy>();
  const errors: string[] = [];
  for (const child of stack.node.findAll()) {
    if (!(child instanceof KeyVaultAccessPolicy)) continue;
    const key = JSON.stringify(resolveIn(stack, [child.keyVaultIdInput, child.objectIdInput]));
    const first = seen.get(key);
    if (!first) {
      seen.set(key, child);
      continue;
    }
    errors.push(
      new TransferValidationError(
        child.node.path,
        "object_id",
        resolveIn(stack, child.objectIdInput),
        {
          problem: `already has an access policy in the same vault, made by ${first.node.path}`,
          rule: "one azurerm_key_vault_access_policy per (key_vault_id, object_id); azurerm keeps only one",
          fix: "merge the permissions into one policy, or let the pipelines share the library's policy",
        },
      ).message,
    );
  }
  return errors;
}
