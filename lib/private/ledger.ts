import { TerraformStack } from "../core/cdk";
import { Construct, IConstruct } from "constructs";

/** Construct ID of the ledger under the app's root. */
const LEDGER_ID = "AcrTransferLedger";
/** Version of the entries' layout, so two copies of the library can share one ledger. */
const LEDGER_FORMAT = 1;

/**
 * What the library has claimed in one app: names per registry, grants per (target, principal),
 * checks registered once. It lives as a construct under the app's root and is found through the
 * construct tree, not a module-level map, so it sees every stack of the app and is shared by two
 * copies of the library loaded side by side.
 */
export class Ledger extends Construct {
  /** The ledger of the app `scope` belongs to, made on first use. */
  public static of(scope: IConstruct): Ledger {
    const root = scope.node.root;
    const found = root.node.tryFindChild(LEDGER_ID) as Ledger | undefined;
    if (found && (found as Partial<Ledger>).format === LEDGER_FORMAT) return found;
    if (found) throw new Error(`${LEDGER_ID}: another copy of cdktf-acr-transfer made it`);
    return new Ledger(root as Construct, LEDGER_ID);
  }

  /** Layout version of `entries`. */
  public readonly format = LEDGER_FORMAT;
  /** Everything claimed, by key. */
  public readonly entries = new Map<string, unknown>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /** The key `key` scoped to the stack of `scope`: a claim that holds within one stack. */
  public static stackKey(scope: IConstruct, key: string): string {
    return `${TerraformStack.of(scope).node.path}|${key}`;
  }

  /** What is registered under `key`, or what `create` makes and registers there. */
  public once<T>(key: string, create: () => T): T {
    if (!this.entries.has(key)) this.entries.set(key, create());
    return this.entries.get(key) as T;
  }

  /** The path of the first claimant of `key`, or undefined after claiming it for `claimant`. */
  public claim(key: string, claimant: IConstruct): string | undefined {
    const first = this.entries.get(key);
    if (typeof first === "string") return first;
    this.entries.set(key, claimant.node.path);
    return undefined;
  }
}
