import { createHash } from "node:crypto";
import { TerraformResource, TerraformStack } from "../core/cdk";
import { Construct, IConstruct } from "constructs";
import { Ledger } from "../private/ledger";
import { resolveIn } from "../private/resolve";
import { fail } from "../validation/check";
import { GrantPrincipal } from "./principal";

/** Stack-level construct that holds grants of identities shared by several pipelines. */
export const SHARED_GRANTS_ID = "AcrTransferSharedGrants";

/** What a grant is for. */
export interface GrantTarget {
  /** Kind of grant, the start of its construct ID (e.g. `SecretReadPolicy`). */
  readonly kind: string;
  /** A key of the target (and role) that tells targets apart within the app. */
  readonly key: string;
  /**
   * The construct that declares the target in this app (a new secret or container): shared
   * grants on it live in its stack.
   * @default none: the target is only referred to (by ID, URI or URL)
   */
  readonly declaredBy?: IConstruct;
}

/** A shared grant the ledger holds, and the stack it lives in. */
interface SharedGrant {
  readonly resource: TerraformResource;
  readonly home: TerraformStack;
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
  const key = `${target.kind}|${target.key}|${principal._key}`;
  const id = `${target.kind}${createHash("sha256").update(key).digest("hex").slice(0, 12)}`;
  const ledger = Ledger.of(owner);
  if (!principal.shared) {
    return ledger.once(key, () =>
      // A pipeline's first grant of a kind keeps the kind as ID; later ones are told apart by target.
      make(owner, principal._idByTarget || owner.node.tryFindChild(target.kind) ? id : target.kind),
    );
  }
  if (principal._sharing.managedElsewhere) return undefined;
  const named = target.declaredBy
    ? TerraformStack.of(target.declaredBy)
    : principal._sharing.grantsStack;
  const home = named ?? TerraformStack.of(owner);
  const shared = ledger.once<SharedGrant>(key, () => {
    const scope = home.node.tryFindChild(SHARED_GRANTS_ID) ?? new Construct(home, SHARED_GRANTS_ID);
    return { resource: make(scope as Construct, id), home };
  });
  if (shared.home !== home) refuseSecondHome(principal, shared, named);
  return shared.resource as T;
}

function refuseSecondHome(
  principal: GrantPrincipal,
  shared: SharedGrant,
  named?: TerraformStack,
): never {
  const owner = principal.owner;
  const where = named
    ? `its references name two stacks for its grants, ${shared.home.node.path} and ${named.node.path}`
    : `the stack for its grants is unknown, and ${shared.home.node.path} already holds ${shared.resource.node.path}`;
  return fail(owner, "identity", resolveIn(owner, principal._sharing.identityId), {
    problem: `is shared by pipelines in several stacks, but ${where}`,
    rule: "a shared identity's grant on a target is made once in the app, in one stack that does not change as consumers come and go",
    fix: "refer to the identity once (e.g. UserIdentity.fromIdentityId in a platform stack) and pass that reference to every stack, or give every reference the same grantsStack",
  });
}
