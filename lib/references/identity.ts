import { DataAzurermUserAssignedIdentity } from "@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import { USER_ASSIGNED_IDENTITY_ID, resourceIdRule } from "../arm/resource-ids";
import { ResourceLookup } from "../private/resource-lookup";
import { check } from "../validation/check";

/** A user-assigned managed identity that pipelines can act as. */
export interface IUserIdentity {
  /** ARM resource ID of the identity. */
  readonly identityId: string;
  /** Principal (object) ID, for access policies and role assignments. */
  readonly principalId: string;
  /** Tenant of the identity, for Key Vault access policies. */
  readonly tenantId: string;
  /** A stable key that tells identities apart within one app (one grant per identity). */
  readonly identityKey: string;
}

/** Options for importing a user-assigned identity by ID. */
export interface UserIdentityImportOptions {
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
  public static fromUserAssignedIdentity(identity: UserAssignedIdentity): IUserIdentity {
    return identityRef(identity);
  }

  /** An identity read with azurerm's `DataAzurermUserAssignedIdentity`. */
  public static fromDataUserAssignedIdentity(
    identity: DataAzurermUserAssignedIdentity,
  ): IUserIdentity {
    return identityRef(identity);
  }

  /** An identity made elsewhere, by ARM resource ID (validated unless it is a token). */
  public static fromIdentityId(
    scope: Construct,
    id: string,
    identityId: string,
    options: UserIdentityImportOptions = {},
  ): IUserIdentity {
    return new ImportedUserIdentity(scope, id, identityId, options);
  }

  private constructor() {}
}

function identityRef(
  identity: UserAssignedIdentity | DataAzurermUserAssignedIdentity,
): IUserIdentity {
  return {
    identityId: identity.id,
    principalId: identity.principalId,
    tenantId: identity.tenantId,
    identityKey: identity.node.path,
  };
}

class ImportedUserIdentity extends Construct implements IUserIdentity {
  public readonly identityId: string;
  public readonly identityKey: string;
  private readonly lookup: ResourceLookup;

  public constructor(
    scope: Construct,
    id: string,
    identityId: string,
    private readonly options: UserIdentityImportOptions,
  ) {
    super(scope, id);
    this.identityId = check(
      this,
      "identityId",
      identityId,
      resourceIdRule(USER_ASSIGNED_IDENTITY_ID),
    );
    this.identityKey = Token.isUnresolved(identityId) ? this.node.path : identityId.toLowerCase();
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

/** Which managed identities a pipeline has. */
export enum PipelineIdentityType {
  /** An identity Azure creates with the pipeline and deletes with it. */
  SYSTEM_ASSIGNED = "SystemAssigned",
  /** One user-assigned identity. */
  USER_ASSIGNED = "UserAssigned",
  /** Both; the user-assigned identity is the one that acts (as in Microsoft's templates). */
  SYSTEM_AND_USER_ASSIGNED = "SystemAssigned, UserAssigned",
}

/** The managed identity of a pipeline. */
export class PipelineIdentity {
  /** A system-assigned identity (the default). */
  public static systemAssigned(): PipelineIdentity {
    return new PipelineIdentity(PipelineIdentityType.SYSTEM_ASSIGNED);
  }

  /** A user-assigned identity: it acts for the pipeline, and can be shared by many pipelines. */
  public static userAssigned(identity: IUserIdentity): PipelineIdentity {
    return new PipelineIdentity(PipelineIdentityType.USER_ASSIGNED, identity);
  }

  /** Both kinds; the user-assigned identity acts for the pipeline. */
  public static systemAndUserAssigned(identity: IUserIdentity): PipelineIdentity {
    return new PipelineIdentity(PipelineIdentityType.SYSTEM_AND_USER_ASSIGNED, identity);
  }

  private constructor(
    /** The identity type sent to Azure. */
    public readonly type: PipelineIdentityType,
    /** The user-assigned identity, if any. */
    public readonly userIdentity?: IUserIdentity,
  ) {}
}
