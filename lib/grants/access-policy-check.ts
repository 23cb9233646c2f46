import { TerraformResource, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { Ledger } from "../private/ledger";
import { resolveIn } from "../private/resolve";
import { TransferValidationError } from "../validation/error";

/** Terraform type of azurerm's access policy, by which policies are found (not instanceof). */
const ACCESS_POLICY_TYPE = "azurerm_key_vault_access_policy";

/**
 * azurerm rejects two access policies for one object in one vault (the second overwrites the
 * first, and destroying either removes both). The library shares one per (vault, principal);
 * this synth-time check catches the rest, such as a hand-written policy beside ours.
 */
export function watchForDuplicateAccessPolicies(scope: IConstruct): void {
  Ledger.of(scope).once(Ledger.stackKey(scope, "validation|access-policies"), () => {
    const stack = TerraformStack.of(scope);
    stack.node.addValidation({ validate: () => duplicateAccessPolicyErrors(stack) });
    return true;
  });
}

/**
 * Access policies are recognised by their Terraform type, so that one made with another copy
 * of the azurerm bindings than ours counts too.
 */
function accessPolicies(stack: TerraformStack): TerraformResource[] {
  return stack.node
    .findAll()
    .filter(
      (c): c is TerraformResource =>
        (c as Partial<TerraformResource>).terraformResourceType === ACCESS_POLICY_TYPE,
    );
}

function duplicateAccessPolicyErrors(stack: TerraformStack): string[] {
  const seen = new Map<string, TerraformResource>();
  const errors: string[] = [];
  for (const policy of accessPolicies(stack)) {
    const args = policy as unknown as { keyVaultIdInput?: string; objectIdInput?: string };
    const key = JSON.stringify(resolveIn(stack, [args.keyVaultIdInput, args.objectIdInput]));
    const first = seen.get(key);
    if (!first) {
      seen.set(key, policy);
      continue;
    }
    errors.push(
      new TransferValidationError(
        policy.node.path,
        "object_id",
        resolveIn(stack, args.objectIdInput),
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
