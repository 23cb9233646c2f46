import { inform } from "../private/annotations";
import { resolveIn } from "../private/resolve";
import { GrantPrincipal } from "./principal";
import { TransferGrant } from "./transfer-grant";

/**
 * The grant a principal whose grants are managed outside the app needs, as an empty grant and
 * an info annotation on its owner that says exactly what to grant: principal, permission and
 * scope (Terraform expressions where they are only known at apply time).
 */
export function grantedElsewhere(
  principal: GrantPrincipal,
  what: string,
  scope: string,
): TransferGrant {
  const owner = principal.owner;
  const shown = (value: string | undefined) => String(resolveIn(owner, value));
  const description = `${what} on ${shown(scope)}`;
  inform(
    owner,
    `the grants of identity ${shown(principal._sharing.identityId)} are managed elsewhere; grant its ` +
      `principal ${shown(principal.principalId)} ${description} before runs start`,
  );
  return TransferGrant.none(description);
}
