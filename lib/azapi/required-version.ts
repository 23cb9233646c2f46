import { Lazy } from "../core/cdk";
import { IConstruct } from "constructs";
import { stackLedger } from "../private/ledger";
import { AZAPI_BASELINE_VERSION, azapiVersionConstraint, newerVersion } from "./embedded-schemas";

/** Records that the stack of `scope` needs azapi `floor` (a release such as "2.11.0") or later. */
export function requireAzapiVersion(scope: IConstruct, floor: string): void {
  const held = stackLedger(scope);
  held.azapiFloor = newerVersion(held.azapiFloor ?? AZAPI_BASELINE_VERSION, floor);
}

/**
 * The azapi version constraint the stack of `scope` needs: `~> 2.8`, raised to the newest floor
 * its azapi resources ask for (`~> 2.11` when one uses api-version 2026-03-01-preview). A token,
 * resolved at synth, so resources added after the call count; AzapiProvider writes it into
 * `required_providers`. With your own azapi provider binding, write it yourself:
 * `stack.addOverride("terraform.required_providers.azapi.version", azapiVersionConstraintOf(stack))`.
 */
export function azapiVersionConstraintOf(scope: IConstruct): string {
  const held = stackLedger(scope);
  return Lazy.stringValue({
    produce: () => azapiVersionConstraint(held.azapiFloor ?? AZAPI_BASELINE_VERSION),
  });
}
