import { TerraformProvider, TerraformStack, Token } from "../core/cdk";
import { IConstruct } from "constructs";

/** Terraform type of azapi providers, by which they are found (users may bring another binding). */
const AZAPI_PROVIDER_TYPE = "azapi";

/**
 * The azapi provider the resources of `scope` use: `explicit`, else the stack's azapi provider
 * block without alias; undefined when the stack declares none.
 */
export function azapiProviderOf(
  scope: IConstruct,
  explicit?: TerraformProvider,
): TerraformProvider | undefined {
  if (explicit) return explicit;
  return TerraformStack.of(scope)
    .node.findAll()
    .find(
      (c): c is TerraformProvider =>
        (c as Partial<TerraformProvider>).terraformResourceType === AZAPI_PROVIDER_TYPE &&
        (c as TerraformProvider).alias === undefined,
    );
}

/**
 * The `environment` (cloud) a provider is configured with, when it is a literal; undefined when
 * it is not set (azapi then reads ARM_ENVIRONMENT at apply time) or only known at apply time.
 */
export function providerEnvironment(provider: TerraformProvider | undefined): string | undefined {
  const environment = (provider as { environment?: unknown } | undefined)?.environment;
  return typeof environment === "string" && !Token.isUnresolved(environment)
    ? environment
    : undefined;
}
