import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack } from "cdktf";
import { AzapiEnvironment, AzapiProvider, AzureCloud } from "../../lib";
import { EXAMPLE_SUBSCRIPTION_ID } from "./azure-ids";

/** The two providers every example stack declares. */
export interface ExampleProviders {
  /** The azapi provider: pipelines and runs. */
  readonly azapi: AzapiProvider;
  /** The azurerm provider: containers, secrets, grants. */
  readonly azurerm: AzurermProvider;
}

/** Where the providers point. */
export interface ExampleProviderOptions {
  /**
   * The cloud, written into both providers' `environment`.
   * @default unset: the providers' own default, the public cloud
   */
  readonly cloud?: AzureCloud;
  /**
   * Provider alias; resources then name the providers explicitly.
   * @default no alias (the stack's default providers)
   */
  readonly alias?: string;
  /**
   * Microsoft Entra tenant, written into both providers' `tenant_id`.
   * @default unset: the tenant of the signed-in credentials
   */
  readonly tenantId?: string;
  /**
   * Subscription, written into both providers' `subscription_id`.
   * @default EXAMPLE_SUBSCRIPTION_ID
   */
  readonly subscriptionId?: string;
}

const AZAPI_ENVIRONMENTS: Readonly<Record<AzureCloud, AzapiEnvironment>> = {
  [AzureCloud.PUBLIC]: AzapiEnvironment.PUBLIC,
  [AzureCloud.US_GOVERNMENT]: AzapiEnvironment.US_GOVERNMENT,
  [AzureCloud.CHINA]: AzapiEnvironment.CHINA,
};

/** Declares an azapi and an azurerm provider on the example subscription. */
export function addProviders(
  stack: TerraformStack,
  options: ExampleProviderOptions = {},
): ExampleProviders {
  const { cloud, alias, tenantId } = options;
  const subscriptionId = options.subscriptionId ?? EXAMPLE_SUBSCRIPTION_ID;
  const suffix = alias ? `-${alias}` : "";
  return {
    azapi: new AzapiProvider(stack, `azapi${suffix}`, {
      alias,
      environment: cloud && AZAPI_ENVIRONMENTS[cloud],
      subscriptionId,
      tenantId,
    }),
    azurerm: new AzurermProvider(stack, `azurerm${suffix}`, {
      alias,
      environment: cloud,
      subscriptionId,
      tenantId,
      features: [{}],
    }),
  };
}
