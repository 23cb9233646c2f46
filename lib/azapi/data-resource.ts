import { TerraformDataSource, TerraformMetaArguments, Token } from "../core/cdk";
import { Construct } from "constructs";
import { AttributeSpec, toHclAttributes, toJsonAttributes } from "./attributes";
import { azapiElementConfig } from "./provider-metadata";
import { expectProps, expectShape } from "../validation/check";

/** Arguments of `data.azapi_resource` when reading a resource by its ID. */
export interface DataAzapiResourceConfig extends TerraformMetaArguments {
  /**
   * `<resource-type>@<api-version>`.
   * @jsii suppress JSII5018 named as in Terraform; Go exports it as Type
   */
  readonly type: string;
  /** ARM ID of the resource to read. */
  readonly resourceId: string;
  /**
   * Paths (list) or JMESPath queries (map) exported from the response into `output`.
   * @default nothing exported
   */
  readonly responseExportValues?: Record<string, string> | string[];
}

const SPEC: AttributeSpec = {
  type: "string",
  resource_id: "string",
  response_export_values: "dynamic",
};

/** `data.azapi_resource`: reads any ARM resource by ID. */
export class DataAzapiResource extends TerraformDataSource {
  /** Terraform's name for this data source type. */
  public static readonly tfResourceType = "azapi_resource";

  /** The arguments this data source was created with. */
  public readonly config: DataAzapiResourceConfig;

  /** Declares a `data.azapi_resource`. */
  public constructor(scope: Construct, id: string, config: DataAzapiResourceConfig) {
    super(scope, id, azapiElementConfig(DataAzapiResource.tfResourceType, config));
    expectProps(this, config, "DataAzapiResourceConfig");
    expectShape(this, "type", config.type, "string", true, 'pass "<resource type>@<api-version>"');
    this.config = config;
  }

  /** The resource's ARM ID. */
  public get id(): string {
    return this.getStringAttribute("id");
  }

  /** The resource's location. */
  public get location(): string {
    return this.getStringAttribute("location");
  }

  /** One value of `output`, by its key (map form) or dotted path (list form). */
  public outputValue(path: string): string {
    return Token.asString(this.interpolationForAttribute(`output.${path}`));
  }

  private values(): Record<string, unknown> {
    return {
      type: this.config.type,
      resource_id: this.config.resourceId,
      response_export_values: this.config.responseExportValues,
    };
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return toJsonAttributes(this.values());
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return toHclAttributes(SPEC, this.values());
  }
}
