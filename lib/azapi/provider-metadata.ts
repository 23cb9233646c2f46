import { TerraformMetaArguments } from "../core/cdk";

/** Registry source of the azapi provider. */
export const AZAPI_PROVIDER_SOURCE = "Azure/azapi";

/**
 * The azapi version constraint of a stack whose api-versions need nothing newer than 2.8, the
 * first release whose embedded schemas know api-version 2025-06-01-preview (the default).
 * Stacks on newer api-versions need more (2026-01-01-preview 2.9, 2026-03-01-preview 2.11):
 * AzapiProvider writes azapiVersionConstraintOf(stack), which raises it.
 */
export const AZAPI_PROVIDER_VERSION_CONSTRAINT = "~> 2.8";

/** Generator metadata cdktf records for every azapi resource and data source. */
export const AZAPI_GENERATOR_METADATA = {
  providerName: "azapi",
  providerVersionConstraint: AZAPI_PROVIDER_VERSION_CONSTRAINT,
} as const;

/** The base-class config every azapi resource and data source passes to cdktf. */
export function azapiElementConfig(terraformResourceType: string, config: TerraformMetaArguments) {
  // A config that is missing (JavaScript, JSON) is reported by the element itself, with its path.
  const meta: TerraformMetaArguments = config ?? {};
  return {
    terraformResourceType,
    terraformGeneratorMetadata: AZAPI_GENERATOR_METADATA,
    provider: meta.provider,
    dependsOn: meta.dependsOn,
    count: meta.count,
    lifecycle: meta.lifecycle,
    forEach: meta.forEach,
  };
}
