import { TerraformResource, TerraformStack } from "../core/cdk";
import { IConstruct } from "constructs";
import { Ledger, stackLedger } from "../private/ledger";
import { appStacks } from "../private/tree-facts";
import { resolveIn } from "../private/resolve";
import { TransferValidationError } from "../validation/error";

/** Terraform type of azurerm's access policy, by which policies are found (not instanceof). */
const ACCESS_POLICY_TYPE = "azurerm_key_vault_access_policy";

/**
 * azurerm rejects two access policies for one object in one vault (the second overwrites the
 * first, and destroying either removes both), also when the two are in different stacks. The
 * library makes one per (vault, principal) in the app; this synth-time check, registered on
 * each stack that has one of ours, catches the rest, such as a hand-written policy beside ours.
 */
export function watchForDuplicateAccessPolicies(scope: IConstruct): void {
  const held = stackLedger(scope);
  if (!held.firstInStack(WATCHED)) return;
  const stack = held.stack;
  stack.node.addValidation({ validate: () => duplicateAccessPolicyErrors(stack) });
}

/** Fact of a stack whose access policies are checked. */
const WATCHED = "validation|access-policies";

/** Whether the stack of `policy` runs the check itself. */
function watched(policy: TerraformResource): boolean {
  return Ledger.of(policy).knownStack(policy)?.hasFact(WATCHED) === true;
}

/**
 * ARM IDs and object IDs (GUIDs) compare without case, so a literal is lower-cased; a Terraform
 * expression (`${azurerm_user_assigned_identity.x.principal_id}`) names case-sensitive
 * addresses and is kept as written.
 */
function literalLowerCase(value: unknown): unknown {
  return typeof value === "string" && !value.includes("${") ? value.toLowerCase() : value;
}

/** Name of the whole-app fact: the duplicate access policies, by the stack that reports them. */
const DUPLICATES = "access-policies|duplicates";

/**
 * The errors of `stack`'s check, from the duplicates of the whole app, found once per synth:
 * the check is registered on every stack that has a policy of ours, and each would otherwise
 * read every policy of the app.
 */
function duplicateAccessPolicyErrors(stack: TerraformStack): string[] {
  const ledger = Ledger.of(stack);
  return ledger.appFact(DUPLICATES, () => duplicatesByReporter(ledger, stack)).get(stack) ?? [];
}

/**
 * Access policies of the app that repeat an earlier one (same vault and object, as each
 * policy's stack resolves them: literal IDs match across stacks, references within one), each
 * under the stack that reports it: the repeating policy's stack, or the first policy's stack
 * when the repeating one's stack does not run the check. Policies are found stack by stack in
 * construct order, by their Terraform type, so that one made with another copy of the azurerm
 * bindings than ours counts too.
 */
function duplicatesByReporter(ledger: Ledger, scope: IConstruct): Map<TerraformStack, string[]> {
  const seen = new Map<string, TerraformResource>();
  const errors = new Map<TerraformStack, string[]>();
  for (const own of appStacks(scope)) {
    // The policies of a stack are mostly in one or two vaults: resolve each vault ID once.
    const vaults = new Map<unknown, unknown>();
    for (const element of ledger.treeFactsOf(own).ofType(ACCESS_POLICY_TYPE)) {
      const policy = element as TerraformResource;
      const args = policy as unknown as { keyVaultIdInput?: string; objectIdInput?: string };
      if (!vaults.has(args.keyVaultIdInput)) {
        vaults.set(args.keyVaultIdInput, literalLowerCase(resolveIn(own, args.keyVaultIdInput)));
      }
      const resolved = JSON.stringify([
        vaults.get(args.keyVaultIdInput),
        literalLowerCase(resolveIn(own, args.objectIdInput)),
      ]);
      // A Terraform expression names a resource of its own stack: equal text elsewhere is another one.
      const key = resolved.includes("${") ? `${own.node.path}|${resolved}` : resolved;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, policy);
        continue;
      }
      const reporter = watched(policy) ? own : TerraformStack.of(first);
      const message = new TransferValidationError(
        policy.node.path,
        "object_id",
        resolveIn(reporter, args.objectIdInput),
        {
          problem: `already has an access policy in the same vault, made by ${first.node.path}`,
          rule: "one azurerm_key_vault_access_policy per (key_vault_id, object_id); azurerm keeps only one",
          fix: "merge the permissions into one policy, or let the pipelines share the library's policy",
        },
      ).message;
      const reported = errors.get(reporter);
      if (reported) reported.push(message);
      else errors.set(reporter, [message]);
    }
  }
  return errors;
}
