import {
  AnnotationMetadataEntryType,
  Annotations,
  Aspects,
  IAspect,
  TerraformStack,
} from "../core/cdk";
import { IConstruct } from "constructs";
import { redactSecrets } from "../arm/secret-text";
import { WarningId } from "../arm/warning-ids";
import { stackLedger } from "./ledger";
import { StackSlot } from "./stack-ledger";
import { StackWarnings, acknowledgementNote } from "./stack-warnings";
import { acceptanceHint } from "./suppression-metadata";

/**
 * The one way the library annotates a construct: every warning and note passes through
 * `redactSecrets` as a whole, so no SAS signature or storage key reaches `cdktf synth` output, the
 * manifest or a CI log. The architecture test refuses `Annotations.of` and annotation metadata
 * anywhere else in lib/.
 */

/**
 * A warning on `scope`, with its ID (TransferWarningIds): `[<id>] <message>. To accept it here:
 * ...`. In a stack it is written at synth, by the stack's aspect, so that a
 * `TransferSuppressions.add(construct, id, reason)` on `scope` or an ancestor, added before or
 * after, acknowledges it: it is then not written, and the suppression leaves one info note.
 * Outside any stack it is written at once. No stack trace, so cdktf.out stays the same.
 */
export function warn(scope: IConstruct, id: WarningId, message: string): void {
  if (!scope.node.scopes.some((s) => TerraformStack.isStack(s))) {
    annotateWithoutTrace(scope, AnnotationMetadataEntryType.WARN, warningText(id, message, []));
    return;
  }
  stackLedger(scope).slot(WARNINGS).record({ scope, id, message });
}

/** How many other constructs a warning that stands on several names; the rest are counted. */
const SHOWN_OTHERS = 3;

/**
 * The text of a warning: `[<id>] <message>.`, the other constructs it stands on (`others`, by
 * path) if any, and how to accept it.
 */
function warningText(id: WarningId, message: string, others: readonly string[]): string {
  const more = others.length - SHOWN_OTHERS;
  const alsoOn =
    others.length === 0
      ? ""
      : ` The same warning stands on ${others.length} other construct(s): ` +
        others.slice(0, SHOWN_OTHERS).join(", ") +
        (more > 0 ? ` and ${more} more.` : ".");
  return `[${id}] ${message.replace(/\.$/, "")}.${alsoOn} ${acceptanceHint(id)}`;
}

/**
 * Runs `check` once, at the synth of the stack `scope` is in, before its warnings are written: a
 * check that needs the whole tree warns from there (a construct or aspect added later would
 * not be seen by an aspect of its own that ran first).
 */
export function checkBeforeWarnings(scope: IConstruct, check: () => void): void {
  stackLedger(scope).slot(WARNINGS).beforeEmit(check);
}

/** An info note on `scope`. */
export function inform(scope: IConstruct, message: string): void {
  Annotations.of(scope).addInfo(redactSecrets(message));
}

/**
 * An annotation of `type` without a stack trace: the manifest then names no folder of the
 * machine, and the same app gives the same manifest.json.
 */
export function annotateWithoutTrace(
  scope: IConstruct,
  type: AnnotationMetadataEntryType,
  message: string,
): void {
  scope.node.addMetadata(type, redactSecrets(message), { stackTrace: false });
}

/** A stack's pending warnings; the first use adds the aspect that writes them. */
const WARNINGS = new StackSlot("warnings", (stack) => {
  Aspects.of(stack).add(new WarningEmitter(stack));
  return new StackWarnings();
});

/**
 * Writes a stack's pending warnings when a synth's aspects reach the stack: each standing one
 * once, on the first construct it stands on, naming the others, and one info note per suppression that acknowledged any, on the
 * construct it was added to (or on the stack, when it was added above it: cdktf keeps only the
 * annotations of a stack's own constructs).
 */
class WarningEmitter implements IAspect {
  public constructor(private readonly stack: TerraformStack) {}

  /** Emits on reaching the stack; every other construct is passed over. */
  public visit(node: IConstruct): void {
    if (node !== this.stack) return;
    const { standing, acknowledged } = stackLedger(this.stack).slot(WARNINGS).take();
    for (const { first, others } of standing) {
      const text = warningText(first.id, first.message, others);
      annotateWithoutTrace(first.scope, AnnotationMetadataEntryType.WARN, text);
    }
    for (const acknowledgement of acknowledged) {
      const placed = acknowledgement.suppression.scope;
      const on = placed.node.scopes.includes(this.stack) ? placed : this.stack;
      annotateWithoutTrace(
        on,
        AnnotationMetadataEntryType.INFO,
        acknowledgementNote(acknowledgement),
      );
    }
  }
}
