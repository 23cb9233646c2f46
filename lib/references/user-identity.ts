import { DataAzurermUserAssignedIdentity, UserAssignedIdentity } from "../core/azurerm";
import { TerraformProvider, TerraformStack, Token } from "../core/cdk";
import { Construct, IConstruct } from "constructs";
import { USER_ASSIGNED_IDENTITY_ID, resourceIdRule } from "../arm/resource-ids";
import { ResourceLookup } from "../azapi/resource-lookup";
import {
  check,
  expectConstructOf,
  expectProvider,
  expectShape,
  expectStack,
} from "../validation/check";

/** A user-assigned managed identity that pipelines can act as. */
export interface IUserIdentity {
  /** ARM resource ID of the identity. */
  readonly identityId: string;
  /** Principal (object) ID, for access policies and role assignments. */
  readonly principalId: string;
  /** Tenant of the identity, for Key Vault access policies. */
  readonly tenantId: string;
  /**
   * A stable key that tells identities apart within one app (one grant per identity).
   * @default derived from identityId
   */
  readonly identityKey?: string;
  /**
   * The stack that holds this identity's grants on vaults and on targets given by ID or URL,
   * when pipelines in several stacks share it: each (target, identity) is granted once in the
   * app, there, and the consumers' stacks depend on it. (Grants on a secret or container that
   * the app declares live in that target's stack.)
   * @default the stack that declares the identity (its azurerm resource or data source, or the `UserIdentity.fromIdentityId` construct)
   */
  readonly grantsStack?: TerraformStack;
  /**
   * True when the identity's access is granted outside this app (by a platform team): the
   * library makes no grant for it, and an info annotation on each pipeline lists exactly what
   * must be granted.
   * @default false
   */
  readonly grantsManagedElsewhere?: boolean;
}

/** How the grants of a user-assigned identity are placed. */
export interface UserIdentityRefOptions {
  /**
   * The stack that holds the identity's grants shared by several stacks.
   * @default the stack that declares the identity
   */
  readonly grantsStack?: TerraformStack;
  /**
   * The identity's access is granted outside this app: make no grant, list what to grant.
   * @default false
   */
  readonly grantsManagedElsewhere?: boolean;
}

/** Options for importing a user-assigned identity by ID. */
export interface UserIdentityIdOptions extends UserIdentityRefOptions {
  /**
   * Principal (object) ID, when you know it.
   * @default read at plan time with data.azapi_resource (properties.principalId)
   */
  readonly principalId?: string;
  /**
   * Tenant ID, when you know it.
   * @default read at plan time with data.azapi_resource (properties.tenantId)
   */
  readonly tenantId?: string;
  /**
   * azapi provider for the lookup.
   * @default the stack's default azapi provider
   */
  readonly provider?: TerraformProvider;
}

/** Ways to refer to a user-assigned identity, owned or not. */
export class UserIdentity {
  /** An identity defined in this app with azurerm's `UserAssignedIdentity`. */
  public static fromUserAssignedIdentity(
    identity: UserAssignedIdentity,
    options: UserIdentityRefOptions = {},
  ): IUserIdentity {
    return identityRef("UserIdentity.fromUserAssignedIdentity", identity, options);
  }

  /** An identity read with azurerm's `DataAzurermUserAssignedIdentity`. */
  public static fromDataUserAssignedIdentity(
    identity: DataAzurermUserAssignedIdentity,
    options: UserIdentityRefOptions = {},
  ): IUserIdentity {
    return identityRef("UserIdentity.fromDataUserAssignedIdentity", identity, options);
  }

  /** An identity made elsewhere, by ARM resource ID (validated unless it is a token). */
  public static fromIdentityId(
    scope: Construct,
    id: string,
    identityId: string,
    options: UserIdentityIdOptions = {},
  ): IUserIdentity {
    return new ExistingUserIdentity(scope, id, identityId, options);
  }

  private constructor() {}
}

function identityRef(
  factory: string,
  identity: UserAssignedIdentity | DataAzurermUserAssignedIdentity,
  options: UserIdentityRefOptions,
): IUserIdentity {
  expectConstructOf(
    factory,
    "identity",
    identity,
    "azurerm_user_assigned_identity",
    "pass an azurerm user-assigned identity of this app, or use UserIdentity.fromIdentityId",
  );
  options = refOptions(identity, options);
  return {
    identityId: identity.id,
    principalId: identity.principalId,
    tenantId: identity.tenantId,
    identityKey: identity.node.path,
    grantsStack: options.grantsStack ?? TerraformStack.of(identity),
    grantsManagedElsewhere: options.grantsManagedElsewhere,
  };
}

class ExistingUserIdentity extends Construct implements IUserIdentity {
  public readonly identityId: string;
  public readonly identityKey?: string;
  public readonly grantsStack?: TerraformStack;
  public readonly grantsManagedElsewhere?: boolean;
  private readonly lookup: ResourceLookup;
  private readonly options: UserIdentityIdOptions;

  public constructor(
    scope: Construct,
    id: string,
    identityId: string,
    options: UserIdentityIdOptions,
  ) {
    super(scope, id);
    expectShape(this, "identityId", identityId, "string");
    options = refOptions(this, options);
    for (const member of ["principalId", "tenantId"] as const) {
      expectShape(this, member, options[member], "string", false);
    }
    expectProvider(this, "provider", options.provider);
    this.options = options;
    this.identityId = check(
      this,
      "identityId",
      identityId,
      resourceIdRule(USER_ASSIGNED_IDENTITY_ID),
    );
    this.identityKey = Token.isUnresolved(identityId) ? this.node.path : identityId.toLowerCase();
    this.grantsStack = options.grantsStack ?? TerraformStack.of(this);
    this.grantsManagedElsewhere = options.grantsManagedElsewhere;
    this.lookup = new ResourceLookup(
      this,
      "Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31",
      identityId,
      { principal_id: "properties.principalId", tenant_id: "properties.tenantId" },
      options.provider,
    );
  }

  public get principalId(): string {
    return this.options.principalId ?? this.lookup.value("principal_id");
  }

  public get tenantId(): string {
    return this.options.tenantId ?? this.lookup.value("tenant_id");
  }
}

/**
 * The options of a reference, checked: from a config, grantsManagedElsewhere "false" is a
 * truthy string, and would silently drop every grant.
 */
function refOptions<T extends UserIdentityRefOptions>(scope: IConstruct, options: T): T {
  const checked = options ?? ({} as T);
  expectShape(scope, "options", checked, "object");
  expectShape(scope, "grantsManagedElsewhere", checked.grantsManagedElsewhere, "boolean", false);
  expectStack(scope, "grantsStack", checked.grantsStack);
  return checked;
}
