import { IConstruct } from "constructs";
import { describeValue } from "../validation/error";
import { fail } from "../validation/check";
import { NetworkPosture } from "./network-posture";

// A network posture passed to a storage account or vault reference, as configs give it.

/**
 * A posture given to a reference: a NetworkPosture (by shape, as another copy of the library
 * may have made it), not a plain object of its settings, which has none of its behaviour.
 */
export function expectPosture(
  scope: IConstruct,
  subject: string,
  posture: NetworkPosture | undefined,
): void {
  if (posture === undefined || posture === null) return;
  const candidate = posture as Partial<NetworkPosture>;
  if (typeof candidate._acknowledged === "function" && typeof candidate.describe === "function") {
    return;
  }
  const plain = typeof posture === "object" && !Array.isArray(posture);
  fail(scope, subject, posture, {
    problem: plain ? "is a plain object, not a NetworkPosture" : "is not a NetworkPosture",
    rule: "a posture is made by NetworkPosture.of({ ... }) or NetworkPosture.open(), which check its settings",
    fix: plain
      ? `wrap it: NetworkPosture.of(${describeValue(posture)})`
      : "pass NetworkPosture.of({ publicNetworkAccessEnabled, defaultAction, trustedServicesBypass })",
  });
}
