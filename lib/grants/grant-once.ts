import { createHash } from "node:crypto";
import { TerraformResource, TerraformStack } from "../core/cdk";
import { Construct, IConstruct } from "constructs";
import { Ledger, LedgerGrant } from "../private/ledger";
import { resolveIn } from "../private/resolve";
import { fail } from "../validation/check";
import { GrantPrincipal } from "./principal";

/** Stack-level construct that holds grants of identities shared by several pipelines. */
export const SHARED_GRANTS_ID = "AcrTransferSharedGrants";

/** The kinds of grant the library makes; each is the start of its grants' construct IDs. */
export enum GrantKind {
  /** An access policy with Get on a vault's secrets. */
  SECRET_READ_POLICY = "SecretReadPolicy",
  /** Key Vault Secrets User on one secret. */
  SECRET_READ_ROLE = "SecretReadRole",
  /** A blob data role on one container. */
  CONTAINER_ACCESS_ROLE = "ContainerAccessRole",
}

/** What a grant is for. */
export interface GrantTarget {
  /** Kind of grant, the start of its construct ID. */
  readonly kind: GrantKind;
  /** A key of the target that tells targets apart within the app (see keyOf). */
  readonly key: string;
  /**
   * The role granted, when the kind grants more than one.
   * @default none: the kind's one role
   */
  readonly roleName?: string;
  /**
   * The construct that declares the target in this app (a new secret or container): shared
   * grants on it live in its stack.
   * @default none: the target is only referred to (by ID, URI or URL)
   */
  readonly declaredBy?: IConstruct;
}

/**
 * Makes a grant once per (kind, target, principal) in the app; returns undefined when the
 * principal's grants are managed outside the app.
 *
 * - A pipeline's own system-assigned identity gets its grant under the pipeline, with the kind
 *   as ID (a second grant of the same kind, made with its grant methods, gets a derived ID).
 * - A principal given by ID gets it under its owner, at an ID derived from the target.
 * - A shared user-assigned identity gets it once in the app, under the stack-level
 *   AcrTransferSharedGrants construct of one stack: the target's stack when the app declares
 *   the target, else the identity's `grantsStack` (by default the stack that declares the
 *   identity). Its ID is derived from the target and the identity, so adding or removing
 *   consumers, in this stack or others, never moves it.
 */
export function grantOnce<T extends TerraformResource>(
  principal: GrantPrincipal,
  target: GrantTarget,
  make: (scope: Construct, id: string) => T,
): T | undefined {
  const owner = principal.owner;
  const { key, id } = grantKey(target, principal);
  const ledger = Ledger.of(owner);
  if (!principal.shared) {
    return ledger.grant(key, () => ({
      // A pipeline's first grant of a kind keeps the kind as ID; later ones are told apart by target.
      resource: make(
        owner,
        principal._idByTarget || owner.node.tryFindChild(target.kind) ? id : target.kind,
      ),
    })).resource as T;
  }
  if (principal._sharing.managedElsewhere) return undefined;
  const named = target.declaredBy
    ? TerraformStack.of(target.declaredBy)
    : principal._sharing.grantsStack;
  const home = named ?? TerraformStack.of(owner);
  const shared = ledger.grant(key, () => {
    const scope = home.node.tryFindChild(SHARED_GRANTS_ID) ?? new Construct(home, SHARED_GRANTS_ID);
    return { resource: make(scope as Construct, id), home };
  });
  if (shared.home !== home) refuseSecondHome(principal, shared, named);
  return shared.resource as T;
}

/**
 * The one place a grant's ledger key and its derived construct ID are built: the key joins the
 * grant's kind, the target's key, the role (when the kind has several) and the principal's key; the ID is the kind and the first 12
 * hex digits of the key's SHA-256. The ID is part of the grant's resource address, so neither
 * may change.
 */
function grantKey(target: GrantTarget, principal: GrantPrincipal): { key: string; id: string } {
  const role = target.roleName === undefined ? "" : `|${target.roleName}`;
  const key = `${target.kind}|${target.key}${role}|${principal._key}`;
  return {
    key,
    id: `${target.kind}${createHash("sha256").update(key).digest("hex").slice(0, 12)}`,
  };
}

function refuseSecondHome(
  principal: GrantPrincipal,
  shared: LedgerGrant,
  named?: TerraformStack,
): never {
  const owner = principal.owner;
  const where = named
    ? `its references name two stacks for its grants, ${shared.home?.node.path} and ${named.node.path}`
    : `the stack for its grants is unknown, and ${shared.home?.node.path} already holds ${shared.resource.node.path}`;
  return fail(owner, "identity", resolveIn(owner, principal._sharing.identityId), {
    problem: `is shared by pipelines in several stacks, but ${where}`,
    rule: "a shared identity's grant on a target is made once in the app, in one stack that does not change as consumers come and go",
    fix: "refer to the identity once (e.g. UserIdentity.fromIdentityId in a platform stack) and pass that reference to every stack, or give every reference the same grantsStack",
  });
}
