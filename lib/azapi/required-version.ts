import { Lazy, TerraformStack } from "../core/cdk";
import { IConstruct } from "constructs";
import { AZAPI_BASELINE_VERSION, azapiVersionConstraint, newerVersion } from "./embedded-schemas";

/** The newest floor any azapi resource of a stack has asked for. */
const floors = new WeakMap<TerraformStack, string>();

/** Records that the stack of `scope` needs azapi `floor` (a release such as "2.11.0") or later. */
export function requireAzapiVersion(scope: IConstruct, floor: string): void {
  const stack = TerraformStack.of(scope);
  floors.set(stack, newerVersion(floors.get(stack) ?? AZAPI_BASELINE_VERSION, floor));
}

/**
 * The azapi version constraint the stack of `scope` needs: `~> 2.8`, raised to the newest floor
 * its azapi resources ask for (`~> 2.11` when one uses api-version 2026-03-01-preview). A token,
 * resolved at synth, so resources added after the call count; AzapiProvider writes it into
 * `required_providers`. With your own azapi provider binding, write it yourself:
 * `stack.addOverride("terraform.required_providers.azapi.version", azapiVersionConstraintOf(stack))`.
 */
export function azapiVersionConstraintOf(scope: IConstruct): string {
  const stack = TerraformStack.of(scope);
  return Lazy.stringValue({
    produce: () => azapiVersionConstraint(floors.get(stack) ?? AZAPI_BASELINE_VERSION),
  });
}
