import { IConstruct } from "constructs";
import { WarningId } from "../arm/warning-ids";
import { PlacedSuppression, findSuppression } from "./suppression-metadata";

/** A warning waiting for synth: the construct it is on, its ID and its message. */
export interface PendingWarning {
  /** The construct the warning is on. */
  readonly scope: IConstruct;
  /** Its ID. */
  readonly id: WarningId;
  /** What is wrong and what to do, without the ID and the acceptance hint. */
  readonly message: string;
}

/**
 * A warning that stands, once for every construct it stands on with the same ID and message (a
 * stack of 4,000 pipelines on one vault would otherwise print the same warning 4,000 times).
 */
export interface StandingWarning {
  /** The first construct it stands on, where it is written, with its ID and message. */
  readonly first: PendingWarning;
  /** Paths of the other constructs it stands on, in the order they were recorded. */
  readonly others: string[];
}

/** What one suppression acknowledged: the suppression, and the constructs it covered. */
export interface Acknowledgement {
  /** The suppression, with the construct it was added to. */
  readonly suppression: PlacedSuppression;
  /** Paths of the constructs whose warning it covered. */
  readonly paths: Set<string>;
}

/** The warnings of one emission: those that stand, and those an acknowledgement covers. */
export interface SortedWarnings {
  /** Warnings no suppression covers, in the order they were first recorded. */
  readonly standing: StandingWarning[];
  /** One entry per suppression that covered at least one warning. */
  readonly acknowledged: Acknowledgement[];
}

/**
 * The warnings of one stack until its synth, and the checks that warn once the tree is complete.
 * Sorting them at synth, not when they are recorded, lets a suppression added after the
 * construct (the usual order) or on any ancestor count.
 */
export class StackWarnings {
  private pending: PendingWarning[] = [];
  private checks: (() => void)[] = [];

  /** Keeps `warning` until the stack's warnings are emitted. */
  public record(warning: PendingWarning): void {
    this.pending.push(warning);
  }

  /** Runs `check` once, when the warnings are next emitted, before they are sorted. */
  public beforeEmit(check: () => void): void {
    this.checks.push(check);
  }

  /**
   * Runs the checks registered so far, then sorts every pending warning into standing or
   * acknowledged; nothing stays pending, so a second synth emits nothing twice.
   */
  public take(): SortedWarnings {
    const checks = this.checks;
    this.checks = [];
    checks.forEach((check) => check());
    const pending = this.pending;
    this.pending = [];
    const standing = new Map<string, StandingWarning>();
    const acknowledged = new Map<string, Acknowledgement>();
    for (const warning of pending) {
      const suppression = findSuppression(warning.scope, warning.id);
      if (!suppression) {
        const same = `${warning.id}\n${warning.message}`;
        const known = standing.get(same);
        if (known) known.others.push(warning.scope.node.path);
        else standing.set(same, { first: warning, others: [] });
        continue;
      }
      const key = `${suppression.scope.node.path}\n${suppression.ruleId}`;
      const known = acknowledged.get(key) ?? { suppression, paths: new Set<string>() };
      known.paths.add(warning.scope.node.path);
      acknowledged.set(key, known);
    }
    return { standing: [...standing.values()], acknowledged: [...acknowledged.values()] };
  }
}

/**
 * The one line an acknowledgement leaves for the review: the ID, how many, the reason (its line
 * breaks become spaces).
 */
export function acknowledgementNote(acknowledgement: Acknowledgement): string {
  const { suppression, paths } = acknowledgement;
  const reason = suppression.reason.replace(/\s*[\n\r\u2028\u2029]\s*/g, " ");
  return `[${suppression.ruleId}] acknowledged on ${paths.size} construct(s): ${reason}`;
}
