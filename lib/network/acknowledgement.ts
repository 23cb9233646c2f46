import { IConstruct } from "constructs";
import { reasonRule } from "../arm/reasons";
import { check, expectShape } from "../validation/check";
import { NetworkRestrictionAcknowledgement } from "./network-posture";

/** The prop that carries an acknowledgement, as messages name it. */
const SUBJECT = "acknowledgeNetworkRestriction";

/**
 * An acknowledgement as given, checked: it needs a reason that says which network path admits
 * ACR Transfer, since the reason is all a reviewer sees of it.
 */
export function checkAcknowledgement(
  scope: IConstruct,
  acknowledgement: NetworkRestrictionAcknowledgement | undefined,
): NetworkRestrictionAcknowledgement | undefined {
  if (acknowledgement === undefined) return undefined;
  const fix = "say which network path admits ACR Transfer and the run that verified it";
  expectShape(scope, SUBJECT, acknowledgement, "object", true, `pass { reason }: ${fix}`);
  expectShape(scope, `${SUBJECT}.reason`, acknowledgement.reason, "string", true, fix);
  check(
    scope,
    `${SUBJECT}.reason`,
    acknowledgement.reason,
    reasonRule("an acknowledged network restriction, whose reason is shown at every synth,", fix),
  );
  return acknowledgement;
}
