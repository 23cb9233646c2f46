import { TerraformMetaArguments, TerraformResource, Token } from "../core/cdk";
import { Construct } from "constructs";
import { AttributeSpec, toHclAttributes, toJsonAttributes } from "./attributes";
import { azapiFloor } from "./embedded-schemas";
import { azapiElementConfig } from "./provider-metadata";
import { requireAzapiVersion } from "./required-version";
import { expectProps, expectShape } from "../validation/check";

/** The `identity` block of an azapi resource. */
export interface AzapiResourceIdentity {
  /**
   * "SystemAssigned", "UserAssigned", "SystemAssigned, UserAssigned" or "None".
   * @jsii suppress JSII5018 named as in Terraform; Go exports it as Type
   */
  readonly type: string;
  /**
   * User-assigned identity resource IDs.
   * @default none
   */
  readonly identityIds?: string[];
}

/** The `retry` object of an azapi resource: retry requests whose error matches a pattern. */
export interface AzapiResourceRetry {
  /** Go regular expressions matched against the error message; at least one. */
  readonly errorMessageRegex: string[];
  /**
   * Base wait between retries, 1-120 seconds.
   * @default 10 (the provider's default)
   */
  readonly intervalSeconds?: number;
  /**
   * Longest wait between retries, 1-300 seconds.
   * @default 180 (the provider's default)
   */
  readonly maxIntervalSeconds?: number;
}

/** The `timeouts` block: Go durations such as "30m" or "2h". */
export interface AzapiResourceTimeouts {
  /**
   * Create timeout.
   * @default 30m (the provider's default)
   */
  readonly create?: string;
  /**
   * Update timeout.
   * @default 30m (the provider's default)
   */
  readonly update?: string;
  /**
   * Read timeout.
   * @default 5m (the provider's default)
   */
  readonly read?: string;
  /**
   * Delete timeout.
   * @default 30m (the provider's default)
   * @jsii suppress JSII5018 named as in Terraform; Go exports it as Delete
   */
  readonly delete?: string;
}

/** Arguments of `azapi_resource` (azapi 2.x), named as in the provider's docs. */
export interface AzapiResourceConfig extends TerraformMetaArguments {
  /**
   * `<resource-type>@<api-version>`.
   * @jsii suppress JSII5018 named as in Terraform; Go exports it as Type
   */
  readonly type: string;
  /**
   * Resource name.
   * @default none (only for types whose name the provider derives)
   */
  readonly name?: string;
  /**
   * ID of the parent resource (the registry for ACR Transfer types).
   * @default none
   */
  readonly parentId?: string;
  /**
   * Azure location.
   * @default none (proxy resources such as pipeline runs have no location)
   */
  readonly location?: string;
  /**
   * Managed identity.
   * @default no identity block
   */
  readonly identity?: AzapiResourceIdentity;
  /**
   * Request body, as an object (never a JSON string).
   * @default {}
   */
  readonly body?: Record<string, unknown>;
  /**
   * Paths (list) or JMESPath queries (map) exported from the response into `output`.
   * @default nothing exported
   */
  readonly responseExportValues?: Record<string, string> | string[];
  /**
   * Validate `type` and `body` against the provider's embedded schemas.
   * @default true (the provider's default)
   */
  readonly schemaValidationEnabled?: boolean;
  /**
   * Ignore properties the service does not return, to suppress plan diffs.
   * @default true (the provider's default)
   */
  readonly ignoreMissingProperty?: boolean;
  /**
   * Values that force a replacement when they change.
   * @default none
   */
  readonly replaceTriggersExternalValues?: unknown;
  /**
   * Retry requests whose error message matches.
   * @default no retries
   */
  readonly retry?: AzapiResourceRetry;
  /**
   * ARM resource IDs locked while this resource is written.
   * @default none
   */
  readonly locks?: string[];
  /**
   * Operation timeouts.
   * @default the provider's defaults
   */
  readonly timeouts?: AzapiResourceTimeouts;
}

const SPEC: AttributeSpec = {
  type: "string",
  name: "string",
  parent_id: "string",
  location: "string",
  identity: "blockList",
  body: "dynamic",
  response_export_values: "dynamic",
  schema_validation_enabled: "boolean",
  ignore_missing_property: "boolean",
  replace_triggers_external_values: "dynamic",
  retry: "object",
  locks: "stringList",
  timeouts: "block",
};

/**
 * `azapi_resource`: manages any Azure Resource Manager resource through its REST API. An ACR
 * Transfer type raises the stack's azapi version constraint to the first release that embeds
 * its api-version (unless schema validation is off); see azapiVersionConstraintOf.
 */
export class AzapiResource extends TerraformResource {
  /** Terraform's name for this resource type. */
  public static readonly tfResourceType = "azapi_resource";

  /** The arguments this resource was created with. */
  public readonly config: AzapiResourceConfig;
  /**
   * String references to attributes, made once each: a reference is a token, and cdktf records
   * a stack trace for every token it makes, so a pipeline's ID read by many runs costs one.
   */
  private readonly references = new Map<string, string>();

  /** Declares an `azapi_resource`. */
  public constructor(scope: Construct, id: string, config: AzapiResourceConfig) {
    super(scope, id, {
      ...azapiElementConfig(AzapiResource.tfResourceType, config),
      provisioners: config?.provisioners,
      connection: config?.connection,
    });
    expectProps(this, config, "AzapiResourceConfig");
    expectShape(this, "type", config.type, "string", true, 'pass "<resource type>@<api-version>"');
    this.config = config;
    requireAzapiVersion(this, azapiFloor(config.type, config.schemaValidationEnabled));
  }

  /** The ARM resource ID. */
  public get id(): string {
    return this.reference("id");
  }

  /** `identity[0].principal_id`: the system-assigned identity's principal (object) ID. */
  public get identityPrincipalId(): string {
    return this.reference("identity[0].principal_id");
  }

  /** `identity[0].tenant_id`: the tenant of the system-assigned identity. */
  public get identityTenantId(): string {
    return this.reference("identity[0].tenant_id");
  }

  /** One value of `output`, by its key (map form) or dotted path (list form). */
  public outputValue(path: string): string {
    return this.reference(`output.${path}`);
  }

  /** One list value of `output`, by its key (map form) or dotted path (list form). */
  public outputList(path: string): string[] {
    return Token.asList(this.interpolationForAttribute(`output.${path}`));
  }

  /** The string reference to `attribute`, made on first use. */
  private reference(attribute: string): string {
    let made = this.references.get(attribute);
    if (made === undefined) {
      made = Token.asString(this.interpolationForAttribute(attribute));
      this.references.set(attribute, made);
    }
    return made;
  }

  private values(): Record<string, unknown> {
    const c = this.config;
    return {
      type: c.type,
      name: c.name,
      parent_id: c.parentId,
      location: c.location,
      identity: c.identity && [{ type: c.identity.type, identity_ids: c.identity.identityIds }],
      body: c.body,
      response_export_values: c.responseExportValues,
      schema_validation_enabled: c.schemaValidationEnabled,
      ignore_missing_property: c.ignoreMissingProperty,
      replace_triggers_external_values: c.replaceTriggersExternalValues,
      retry: c.retry && {
        error_message_regex: c.retry.errorMessageRegex,
        interval_seconds: c.retry.intervalSeconds,
        max_interval_seconds: c.retry.maxIntervalSeconds,
      },
      locks: c.locks,
      timeouts: c.timeouts,
    };
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return toJsonAttributes(this.values());
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    return toHclAttributes(SPEC, this.values());
  }
}
