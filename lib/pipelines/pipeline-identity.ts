import { Construct } from "constructs";
import { AzapiResource } from "../azapi/resource";
import { GrantPrincipal } from "../grants/principal";
import { IUserIdentity } from "../references/user-identity";

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
    /**
     * The identity type sent to Azure.
     * @jsii suppress JSII5018 named as in ARM's identity.type; Go exports it as Type
     */
    public readonly type: PipelineIdentityType,
    /**
     * The user-assigned identity.
     * @default none (system-assigned only)
     */
    public readonly userIdentity?: IUserIdentity,
  ) {}

  /**
   * The identity that acts for `pipeline`: the user-assigned one when there is one (as in
   * Microsoft's templates), else the system-assigned identity of its `resource`.
   * @internal
   */
  public _actingPrincipal(pipeline: Construct, resource: AzapiResource): GrantPrincipal {
    const user = this.type !== PipelineIdentityType.SYSTEM_ASSIGNED ? this.userIdentity : undefined;
    if (user) return GrantPrincipal.fromUserIdentity(pipeline, user);
    return GrantPrincipal._ofSystemIdentity(
      pipeline,
      resource.identityPrincipalId,
      resource.identityTenantId,
    );
  }
}
