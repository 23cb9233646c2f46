import { TerraformDataSource, TerraformMetaArguments } from "../core/cdk";
import { Construct } from "constructs";
import { azapiElementConfig } from "./provider-metadata";

/** `data.azapi_client_config`: who the azapi provider is signed in as. */
export class DataAzapiClientConfig extends TerraformDataSource {
  /** Terraform's name for this data source type. */
  public static readonly tfResourceType = "azapi_client_config";

  /** Declares a `data.azapi_client_config`. */
  public constructor(scope: Construct, id: string, config: TerraformMetaArguments = {}) {
    super(scope, id, azapiElementConfig(DataAzapiClientConfig.tfResourceType, config));
  }

  /** Tenant ID of the signed-in principal. */
  public get tenantId(): string {
    return this.getStringAttribute("tenant_id");
  }

  /** Subscription ID the provider uses. */
  public get subscriptionId(): string {
    return this.getStringAttribute("subscription_id");
  }

  /** `/subscriptions/<id>` of the subscription the provider uses. */
  public get subscriptionResourceId(): string {
    return this.getStringAttribute("subscription_resource_id");
  }

  /** Object ID of the signed-in principal. */
  public get objectId(): string {
    return this.getStringAttribute("object_id");
  }
}
