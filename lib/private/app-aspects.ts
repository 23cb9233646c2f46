import { Aspects, TerraformStack } from "../core/cdk";
import { IConstruct } from "constructs";
import { stackLedger } from "./ledger";

/**
 * Marks policy packs across copies of the library (a plain `Symbol.for` key, not a class), so
 * that a pack added above a stack is found whichever copy made it.
 */
export const POLICY_PACK_MARK = Symbol.for("cdktf-acr-transfer.TransferPolicyPack");

/** Fact of a stack whose policy packs are checked. */
const WATCHED = "policy|packs-above-stack";

/**
 * Makes the stack of `scope` fail its validation when a policy pack was added with
 * `Aspects.of(app).add(pack)` (or to any other scope above the stack): cdktf 0.21 runs aspects
 * from each stack down, so that pack would check nothing, silently. Once per stack.
 */
export function refusePolicyPacksAboveStack(scope: IConstruct): void {
  const held = stackLedger(scope);
  if (!held.firstInStack(WATCHED)) return;
  const stack = held.stack;
  stack.node.addValidation({ validate: () => packsAboveStack(stack) });
}

/** One error per pack added above `stack` that the stack itself does not have. */
function packsAboveStack(stack: TerraformStack): string[] {
  const own = Aspects.of(stack).all;
  return stack.node.scopes
    .filter((scope) => scope !== stack)
    .flatMap((scope) =>
      Aspects.of(scope)
        .all.filter((aspect) => POLICY_PACK_MARK in aspect && !own.includes(aspect))
        .map(() => {
          const where = scope.node.path === "" ? "app" : scope.node.path;
          return (
            `a TransferPolicyPack was added with Aspects.of(${where}).add(pack), which cdktf 0.21 ` +
            `never runs on stack ${stack.node.path}, so no policy checked it. rule: cdktf runs aspects ` +
            `from each stack down; an aspect added above the stacks is never invoked. fix: call ` +
            `pack.applyTo(${where}) instead, once every stack exists`
          );
        }),
    );
}
