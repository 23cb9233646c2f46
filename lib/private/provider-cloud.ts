import { TerraformProvider, Token } from "../core/cdk";
import { IConstruct } from "constructs";
import { stackLedger } from "./ledger";

/** Terraform type of azapi providers, by which they are found (users may bring another binding). */
export const AZAPI_PROVIDER_TYPE = "azapi";
/** Terraform type of azurerm providers. */
export const AZURERM_PROVIDER_TYPE = "azurerm";

/**
 * The provider of Terraform type `type` ("azapi", "azurerm") the resources of `scope` use:
 * `explicit`, else the stack's provider block of that type without alias (looked up in the
 * stack's tree facts, read once per synth); undefined when the stack declares none.
 */
export function providerOf(
  scope: IConstruct,
  type: string,
  explicit?: TerraformProvider,
): TerraformProvider | undefined {
  if (explicit) return explicit;
  return stackLedger(scope).treeFacts().defaultProvider(type);
}

/**
 * The `environment` (cloud) a provider is configured with, when it is a literal; undefined when
 * it is not set (the provider then talks to the public cloud, unless ARM_ENVIRONMENT says
 * otherwise at apply time) or only known at apply time.
 */
export function providerEnvironment(provider: TerraformProvider | undefined): string | undefined {
  const environment = (provider as { environment?: unknown } | undefined)?.environment;
  return typeof environment === "string" && !Token.isUnresolved(environment)
    ? environment
    : undefined;
}

/** Whether a provider's `environment` is set to a value known only at apply time. */
export function environmentIsToken(provider: TerraformProvider): boolean {
  const environment = (provider as { environment?: unknown }).environment;
  return environment !== undefined && environment !== null && Token.isUnresolved(environment);
}
