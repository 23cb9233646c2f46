import { createHash } from "node:crypto";
import { TerraformResource, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { Ledger } from "../private/ledger";
import { GrantPrincipal } from "./principal";

/** Stack-level construct that holds grants of identities shared by several pipelines. */
export const SHARED_GRANTS_ID = "AcrTransferSharedGrants";

/**
 * Makes a grant once per (kind, target, principal) in the principal's owner's stack. A
 * pipeline's own system-assigned identity gets its grant under the pipeline, with the kind as
 * ID (a second grant of the same kind, made with its grant methods, gets a derived ID); a shared user-assigned identity gets it under one stack-level construct, and any other
 * principal under its owner, at an ID derived from the target and the principal, so adding or
 * removing consumers never moves it.
 */
export function grantOnce<T extends TerraformResource>(
  principal: GrantPrincipal,
  kind: string,
  targetKey: string,
  make: (scope: Construct, id: string) => T,
): T {
  const owner = principal.owner;
  const key = `${kind}|${targetKey}|${principal._key}`;
  const ledger = Ledger.of(owner);
  return ledger.once(Ledger.stackKey(owner, key), () => {
    const id = `${kind}${createHash("sha256").update(key).digest("hex").slice(0, 12)}`;
    // A pipeline's first grant of a kind keeps the kind as ID; later ones are told apart by target.
    if (!principal._idByTarget) return make(owner, owner.node.tryFindChild(kind) ? id : kind);
    if (!principal.shared) return make(owner, id);
    const stack = TerraformStack.of(owner);
    const home = ledger.once(
      Ledger.stackKey(owner, SHARED_GRANTS_ID),
      () => new Construct(stack, SHARED_GRANTS_ID),
    );
    return make(home, id);
  });
}
