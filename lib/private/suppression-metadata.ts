import { IConstruct } from "constructs";

/**
 * Suppressions as node metadata: how one is written on a construct and found from any construct
 * under it, and the sentence that tells a reader how to add one. Policy findings and library
 * warnings share them, so one `TransferSuppressions.add` accepts both.
 */

/**
 * Node metadata type of a suppression. A plain string, not a symbol or a class: a suppression
 * added with one copy of the library is honored by a pack from another copy.
 */
const SUPPRESSION_METADATA = "cdktf-acr-transfer/policy-suppression";

/** A suppression as recorded on a construct. */
export interface Suppression {
  /** The rule or warning it suppresses. */
  readonly ruleId: string;
  /** Why. */
  readonly reason: string;
}

/** A suppression, with the construct it was added to. */
export interface PlacedSuppression extends Suppression {
  /** The construct it was added to. */
  readonly scope: IConstruct;
}

/** Writes `suppression` on `scope`, without a stack trace (which would name local folders). */
export function markSuppression(scope: IConstruct, suppression: Suppression): void {
  scope.node.addMetadata(SUPPRESSION_METADATA, suppression, { stackTrace: false });
}

/** The suppressions added to `construct` itself. */
export function ownSuppressions(construct: IConstruct): Suppression[] {
  return construct.node.metadata
    .filter((entry) => entry.type === SUPPRESSION_METADATA)
    .map((entry) => entry.data as Suppression);
}

/** The suppression of `ruleId` on `construct` or its nearest ancestor that has one. */
export function findSuppression(
  construct: IConstruct,
  ruleId: string,
): PlacedSuppression | undefined {
  // Asked once per warning and per finding: walk up without copying the path or the metadata.
  for (let scope: IConstruct | undefined = construct; scope; scope = scope.node.scope) {
    for (const entry of scope.node.metadata) {
      if (entry.type !== SUPPRESSION_METADATA) continue;
      const suppression = entry.data as Suppression;
      if (suppression.ruleId === ruleId) return { ...suppression, scope };
    }
  }
  return undefined;
}

/** The last sentence of a finding or warning: how to accept it on the construct it names. */
export function acceptanceHint(ruleId: string): string {
  return `To accept it here: TransferSuppressions.add(construct, "${ruleId}", "<reason>")`;
}
