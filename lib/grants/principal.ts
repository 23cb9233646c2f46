import { TerraformStack } from "../core/cdk";
import { Construct, IConstruct } from "constructs";
import { guidRule } from "../arm/resource-ids";
import { check, fail } from "../validation/check";
import { TransferValidationError } from "../validation/error";
import { IUserIdentity } from "../references/user-identity";
import { keyOf } from "../private/keys";
import { expectShape, refuseSecret } from "../validation/check";

/** Where the grants of a principal are declared. */
enum GrantHome {
  /** Under the stack's AcrTransferSharedGrants construct, one per (target, principal). */
  SHARED = "shared",
  /** Under the owner, with the grant kind as ID (a pipeline's own system-assigned identity). */
  OWNER = "owner",
  /** Under the owner, with an ID derived from the target (any number of targets). */
  OWNER_BY_TARGET = "ownerByTarget",
}

/** What grants need to know of a shared user-assigned identity. */
interface SharedIdentityFacts {
  /** Its ARM ID, for messages. */
  readonly identityId?: string;
  /** The stack that holds its grants on targets the app does not declare. */
  readonly grantsStack?: TerraformStack;
  /** Its grants are made outside the app. */
  readonly managedElsewhere: boolean;
}

/**
 * An identity that secrets and containers grant access to (`secret.grantRead(principal)`,
 * `container.grantBlobAccess(principal, ...)`), and the construct its grants are declared for.
 * Every pipeline offers its acting identity as `pipeline.grantPrincipal`.
 */
export class GrantPrincipal {
  /**
   * A user-assigned identity, which many pipelines may share: its grants are made once per
   * (target, identity) in the stack of `consumer`, under one stack-level construct at an address
   * derived from the target and the identity, so adding or removing consumers never moves them.
   */
  public static fromUserIdentity(consumer: Construct, identity: IUserIdentity): GrantPrincipal {
    expectOwner("GrantPrincipal.fromUserIdentity", "consumer", consumer);
    expectShape(consumer, "identity", identity, "object", true, IDENTITY_FIX);
    for (const member of ["identityId", "principalId", "tenantId"] as const) {
      expectShape(consumer, `identity.${member}`, identity[member], "string", true, IDENTITY_FIX);
    }
    const key = keyOf(consumer, identity.identityKey, identity.identityId);
    return new GrantPrincipal(
      identity.principalId,
      identity.tenantId,
      consumer,
      key,
      GrantHome.SHARED,
      {
        identityId: identity.identityId,
        grantsStack: identity.grantsStack,
        managedElsewhere: identity.grantsManagedElsewhere === true,
      },
    );
  }

  /**
   * Any principal by object ID (a service principal, another team's identity): its grants are
   * declared under `owner`, one per target.
   */
  public static fromPrincipalId(
    owner: Construct,
    principalId: string,
    tenantId: string,
  ): GrantPrincipal {
    expectOwner("GrantPrincipal.fromPrincipalId", "owner", owner);
    expectShape(owner, "principalId", principalId, "string");
    expectShape(owner, "tenantId", tenantId, "string");
    check(owner, "principalId", principalId, guidRule("a principal's object ID"));
    check(owner, "tenantId", tenantId, guidRule("a tenant ID"));
    const key = `${owner.node.path}|${keyOf(owner, undefined, principalId)}`;
    return new GrantPrincipal(principalId, tenantId, owner, key, GrantHome.OWNER_BY_TARGET);
  }

  /**
   * A pipeline's own system-assigned identity: its grants are declared under the pipeline.
   * @internal
   */
  public static _ofSystemIdentity(
    pipeline: Construct,
    principalId: string,
    tenantId: string,
  ): GrantPrincipal {
    return new GrantPrincipal(principalId, tenantId, pipeline, pipeline.node.path, GrantHome.OWNER);
  }

  private constructor(
    /** Principal (object) ID. */
    public readonly principalId: string,
    /** Tenant ID, for Key Vault access policies. */
    public readonly tenantId: string,
    /** The construct the grants are made for; its stack holds them. */
    public readonly owner: Construct,
    private readonly key: string,
    private readonly home: GrantHome,
    private readonly sharing: SharedIdentityFacts = { managedElsewhere: false },
  ) {
    // Both are written into grants as literals: a token pasted into either would sit in cdktf.out.
    refuseSecret(owner, "principalId", principalId);
    refuseSecret(owner, "tenantId", tenantId);
  }

  /** True when several pipelines may share the identity (a user-assigned identity). */
  public get shared(): boolean {
    return this.home === GrantHome.SHARED;
  }

  /**
   * A key that tells principals apart within one app, so each grant is made once.
   * @internal
   */
  public get _key(): string {
    return this.key;
  }

  /**
   * How a shared identity's grants are placed: its ID, the stack named for them, and whether
   * they are managed outside the app.
   * @internal
   */
  public get _sharing(): SharedIdentityFacts {
    return this.sharing;
  }

  /**
   * Whether the grant's construct ID is derived from the target (else it is the grant kind).
   * @internal
   */
  public get _idByTarget(): boolean {
    return this.home !== GrantHome.OWNER;
  }
}

const IDENTITY_FIX =
  "pass UserIdentity.fromIdentityId(...) or UserIdentity.fromUserAssignedIdentity(...)";

/** A factory's owner must be a construct of the app: errors and grants are placed under it. */
function expectOwner(factory: string, subject: string, owner: unknown): void {
  if ((owner as Partial<Construct> | undefined)?.node !== undefined) return;
  throw new TransferValidationError(factory, subject, owner, {
    problem: "is not a construct",
    rule: "grants are declared under a construct of the app, which errors name",
    fix: "pass the construct that uses the grant (a pipeline, or the stack)",
  });
}

/**
 * The principal a grant method of `target` received, checked for callers the types do not
 * reach (JavaScript, configs).
 */
export function expectPrincipal(target: IConstruct, principal: GrantPrincipal): void {
  const candidate = principal as Partial<GrantPrincipal> | undefined;
  if (candidate?.owner?.node !== undefined && typeof candidate._key === "string") return;
  fail(target, "principal", principal, {
    problem: "is not a GrantPrincipal",
    rule: "grants go to a GrantPrincipal: a pipeline's grantPrincipal, or one made by GrantPrincipal.fromUserIdentity or fromPrincipalId",
    fix: "pass pipeline.grantPrincipal, GrantPrincipal.fromUserIdentity(...) or GrantPrincipal.fromPrincipalId(...)",
  });
}
