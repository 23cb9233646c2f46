import { ContainerRegistry, DataAzurermContainerRegistry } from "../core/azurerm";
import { Token } from "../core/cdk";
import { Construct } from "constructs";
import { REGISTRY_ID, resourceIdRule } from "../arm/resource-ids";
import { check, expectConstructOf, expectShape } from "../validation/check";
import { Violation } from "../arm/violation";

/** ACR Transfer exists on Premium registries only; Azure refuses pipelines on the others. */
function premiumSku(sku: string): Violation | undefined {
  if (sku === "Premium") return undefined;
  return {
    problem: 'is not "Premium"',
    rule: "export and import pipelines exist only on Premium registries",
    fix: 'set sku = "Premium" on the registry (the case matters)',
  };
}

/** A container registry that pipelines and runs live in. */
export interface IRegistryRef {
  /** ARM resource ID of the registry (the parent of pipelines and runs). */
  readonly registryId: string;
  /**
   * Azure location, when known; pipelines default to it.
   * @default unknown: pipelines then need an explicit location
   */
  readonly location?: string;
  /**
   * False when the registry is known to disable export (azurerm `export_policy_enabled = false`).
   * @default unknown
   */
  readonly exportPolicyEnabled?: boolean;
  /**
   * A stable key that tells registries apart within one app (for duplicate-name checks).
   * @default derived from registryId
   */
  readonly registryKey?: string;
}

/** Options for importing a registry by ID. */
export interface RegistryIdOptions {
  /**
   * The registry's location, so pipelines need not repeat it.
   * @default unknown: each pipeline then needs `location`
   */
  readonly location?: string;
}

/** Ways to refer to a container registry, owned or not. */
export class RegistryRef {
  /** A registry made elsewhere, by ARM resource ID (validated unless it is a token). */
  public static fromRegistryId(
    scope: Construct,
    id: string,
    registryId: string,
    options: RegistryIdOptions = {},
  ): IRegistryRef {
    return new ExistingRegistry(scope, id, registryId, options);
  }

  /** A registry defined in this app with azurerm's `ContainerRegistry` (Premium: Transfer needs it). */
  public static fromContainerRegistry(registry: ContainerRegistry): IRegistryRef {
    expectConstructOf(
      "RegistryRef.fromContainerRegistry",
      "registry",
      registry,
      "azurerm_container_registry",
      "pass an azurerm ContainerRegistry of this app, or use RegistryRef.fromRegistryId",
    );
    const exportPolicy = registry.exportPolicyEnabledInput;
    // From a config, "false" is a truthy string that Terraform reads as false: refused, not guessed.
    if (typeof exportPolicy === "string") {
      expectShape(registry, "export_policy_enabled", exportPolicy, "boolean");
    }
    check(registry, "sku", registry.skuInput, premiumSku);
    return {
      registryId: registry.id,
      location: registry.locationInput,
      exportPolicyEnabled: typeof exportPolicy === "boolean" ? exportPolicy : undefined,
      registryKey: registry.node.path,
    };
  }

  /** A registry read with azurerm's `DataAzurermContainerRegistry` data source. */
  public static fromDataContainerRegistry(registry: DataAzurermContainerRegistry): IRegistryRef {
    expectConstructOf(
      "RegistryRef.fromDataContainerRegistry",
      "registry",
      registry,
      "azurerm_container_registry",
      "pass an azurerm DataAzurermContainerRegistry of this app, or use RegistryRef.fromRegistryId",
    );
    return {
      registryId: registry.id,
      location: registry.location,
      registryKey: registry.node.path,
    };
  }

  private constructor() {}
}

class ExistingRegistry extends Construct implements IRegistryRef {
  public readonly registryId: string;
  public readonly location?: string;
  public readonly registryKey: string;

  public constructor(scope: Construct, id: string, registryId: string, options: RegistryIdOptions) {
    super(scope, id);
    expectShape(this, "registryId", registryId, "string");
    this.registryId = check(this, "registryId", registryId, resourceIdRule(REGISTRY_ID));
    expectShape(this, "options", options, "object", false);
    expectShape(this, "location", options?.location, "string", false);
    this.location = options?.location ?? undefined;
    this.registryKey = Token.isUnresolved(registryId) ? this.node.path : registryId.toLowerCase();
  }
}
