import { ITerraformDependable, TerraformStack } from "../core/cdk";
import { Construct, IConstruct } from "constructs";

/**
 * Orders `dependent` after each of `dependables` and returns those it may name in depends_on:
 * the ones in its own stack. Terraform's depends_on only takes whole addresses of the same
 * configuration, so for a dependable in another stack the dependent's stack depends on that
 * stack instead, and `cdktf deploy` applies them in that order.
 */
export function sameStackDependables(
  dependent: IConstruct,
  dependables: readonly ITerraformDependable[],
): ITerraformDependable[] {
  const stack = TerraformStack.of(dependent);
  return dependables.filter((dependable) => {
    if (!Construct.isConstruct(dependable)) return true;
    const home = TerraformStack.of(dependable);
    if (home === stack) return true;
    stack.addDependency(home);
    return false;
  });
}
