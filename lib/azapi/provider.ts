import { TerraformProvider } from "../core/cdk";
import { Construct } from "constructs";
import { AttributeSpec, toHclAttributes, toJsonAttributes } from "./attributes";
import {
  AZAPI_GENERATOR_METADATA,
  AZAPI_PROVIDER_SOURCE,
  AZAPI_PROVIDER_VERSION_CONSTRAINT,
} from "./provider-metadata";
import { azapiVersionConstraintOf } from "./required-version";
import { expectEnum, expectShape } from "../validation/check";

/** The Azure cloud an azapi provider talks to. */
export enum AzapiEnvironment {
  /** Azure public cloud. */
  PUBLIC = "public",
  /** Azure US Government. */
  US_GOVERNMENT = "usgovernment",
  /** Azure operated by 21Vianet (China). */
  CHINA = "china",
}

/** Configuration of the azapi provider (a subset of its arguments, names as in its docs). */
export interface AzapiProviderConfig {
  /**
   * Alias, to use two azapi providers (two clouds or subscriptions) in one stack.
   * @default no alias
   */
  readonly alias?: string;
  /**
   * The cloud environment.
   * @default the provider's default, AzapiEnvironment.PUBLIC
   */
  readonly environment?: AzapiEnvironment;
  /**
   * Subscription ID.
   * @default ARM_SUBSCRIPTION_ID or the Azure CLI's default subscription
   */
  readonly subscriptionId?: string;
  /**
   * Tenant ID.
   * @default ARM_TENANT_ID or the Azure CLI's tenant
   */
  readonly tenantId?: string;
  /**
   * Client (application) ID of a service principal or managed identity.
   * @default ARM_CLIENT_ID
   */
  readonly clientId?: string;
  /**
   * Allow authentication through the Azure CLI.
   * @default true (the provider's default)
   */
  readonly useCli?: boolean;
  /**
   * Allow managed identity authentication.
   * @default false (the provider's default)
   */
  readonly useMsi?: boolean;
  /**
   * Allow OpenID Connect (workload identity federation) authentication.
   * @default false (the provider's default)
   */
  readonly useOidc?: boolean;
  /**
   * Location given to resources that set none.
   * @default no default location
   */
  readonly defaultLocation?: string;
  /**
   * Do not register resource providers automatically.
   * @default false (the provider's default)
   */
  readonly skipProviderRegistration?: boolean;
  /**
   * Ask ARM to check requests (preflight validation) during plan.
   * @default false (the provider's default)
   */
  readonly enablePreflight?: boolean;
}

const SPEC: AttributeSpec = {
  alias: "string",
  environment: "string",
  subscription_id: "string",
  tenant_id: "string",
  client_id: "string",
  use_cli: "boolean",
  use_msi: "boolean",
  use_oidc: "boolean",
  default_location: "string",
  skip_provider_registration: "boolean",
  enable_preflight: "boolean",
};

/**
 * The azapi provider (Azure/azapi, 2.x). Constructs never create one; your stack does. It
 * writes `required_providers` with the constraint the stack's api-versions need
 * (azapiVersionConstraintOf): `~> 2.8`, raised for api-versions that newer azapi releases embed.
 */
export class AzapiProvider extends TerraformProvider {
  /** Terraform's name for this provider type. */
  public static readonly tfResourceType = "azapi";
  /** Registry source of the provider. */
  public static readonly SOURCE = AZAPI_PROVIDER_SOURCE;
  /** Version constraint the stack pins. */
  public static readonly VERSION_CONSTRAINT = AZAPI_PROVIDER_VERSION_CONSTRAINT;

  private readonly config: AzapiProviderConfig;
  private _alias?: string;

  /** Declares an azapi provider block in the stack. */
  public constructor(scope: Construct, id: string, config: AzapiProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: AzapiProvider.tfResourceType,
      terraformGeneratorMetadata: {
        ...AZAPI_GENERATOR_METADATA,
        providerVersionConstraint: azapiVersionConstraintOf(scope),
      },
      terraformProviderSource: AZAPI_PROVIDER_SOURCE,
    });
    this.config = expectShape(this, "config", config ?? {}, "object");
    this._alias = expectShape(this, "alias", this.config.alias ?? undefined, "string", false);
    expectEnum(
      this,
      "environment",
      this.config.environment,
      AzapiEnvironment,
      "AzapiEnvironment",
      false,
    );
  }

  /** The cloud this provider talks to, when set; pipelines check their location against it. */
  public get environment(): AzapiEnvironment | undefined {
    return this.config.environment;
  }

  /** The provider alias; resources that use this provider refer to `azapi.<alias>`. */
  public override get alias(): string | undefined {
    return this._alias;
  }

  public override set alias(value: string | undefined) {
    this._alias = value;
  }

  private values(): Record<string, unknown> {
    const c = this.config;
    return {
      alias: this.alias,
      environment: c.environment,
      subscription_id: c.subscriptionId,
      tenant_id: c.tenantId,
      client_id: c.clientId,
      use_cli: c.useCli,
      use_msi: c.useMsi,
      use_oidc: c.useOidc,
      default_location: c.defaultLocation,
      skip_provider_registration: c.skipProviderRegistration,
      enable_preflight: c.enablePreflight,
    };
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return toJsonAttributes(this.values());
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return toHclAttributes(SPEC, this.values());
  }
}
