import { TerraformResource, TerraformStack } from "../core/cdk";
import { assertSameCore } from "../core/same-core";
import { Construct, IConstruct } from "constructs";
import { StackLedger, SynthSignals } from "./stack-ledger";
import { SynthPass } from "./synth-pass";
import { TreeFacts } from "./tree-facts";

/** Construct ID of the ledger under the app's root. */
const LEDGER_ID = "AcrTransferLedger";
/** Version of the ledger's layout, so two copies of the library can share one ledger. */
const LEDGER_FORMAT = 2;

/** A grant the ledger holds: the resource, and for a shared identity the stack it lives in. */
export interface LedgerGrant {
  /** The access policy or role assignment. */
  readonly resource: TerraformResource;
  /**
   * The stack of a shared identity's grant.
   * @default none: the grant lives under its owner
   */
  readonly home?: TerraformStack;
}

/** A storage account's lifecycle management policy: the resource, and its rules so far. */
export interface LedgerLifecyclePolicy {
  /** The `azurerm_storage_management_policy`. */
  readonly resource: TerraformResource;
  /** One rule per container: its name, the container, the days. */
  readonly rules: {
    readonly name: string;
    readonly containerName: string;
    readonly days: number;
  }[];
}

/**
 * The kinds of names the library claims, and what a name is unique in: ARM names ignore case,
 * Terraform output names do not.
 */
export enum NameKind {
  /** A container in a storage account. */
  CONTAINER = "container",
  /** A secret in a vault. */
  SECRET = "secret",
  /** An export pipeline in a registry. */
  EXPORT_PIPELINE = "exportPipelines",
  /** An import pipeline in a registry. */
  IMPORT_PIPELINE = "importPipelines",
  /** A pipeline run (export or import) in a registry. */
  PIPELINE_RUN = "pipelineRuns",
  /** A Terraform output in a stack. */
  OUTPUT = "output",
}

/**
 * What the library has claimed in one app, in typed slots: names per parent, grants per
 * (kind, target, principal), facts registered once per app, and per stack what `StackLedger`
 * holds. It lives as a construct under the app's root and is found through the construct tree,
 * not a module-level map, so it sees every stack of the app and is shared by two copies of the
 * library loaded side by side (of the same layout).
 */
export class Ledger extends Construct implements SynthSignals {
  /** The ledger of the app `scope` belongs to, made on first use. */
  public static of(scope: IConstruct): Ledger {
    const root = scope.node.root;
    const found = root.node.tryFindChild(LEDGER_ID) as Ledger | undefined;
    if (found && (found as Partial<Ledger>).format === LEDGER_FORMAT) return found;
    if (found) throw new Error(`${LEDGER_ID}: another copy of cdktf-acr-transfer made it`);
    assertSameCore(scope);
    return new Ledger(root as Construct, LEDGER_ID);
  }

  /** Layout version of the slots. */
  public readonly format = LEDGER_FORMAT;
  /** Claimed names: the claim's key, and the path of the construct that claimed it first. */
  private readonly names = new Map<string, string>();
  /** Grants made once in the app, by the key grant-once builds. */
  private readonly grants = new Map<string, LedgerGrant>();
  /** Facts registered once in the app. */
  private readonly facts = new Set<string>();
  /** Storage accounts' lifecycle management policies the library declares, by account key. */
  private readonly lifecyclePolicies = new Map<string, LedgerLifecyclePolicy>();
  /** What each stack holds. */
  private readonly stacks = new Map<TerraformStack, StackLedger>();
  /** The synth under way, if any (see SynthPass). */
  private pass?: SynthPass;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    // The app's own validation is the last step of app.synth(): that synth is over.
    scope.node.addValidation({
      validate: () => {
        this.pass = undefined;
        return [];
      },
    });
  }

  /**
   * Claims `name` of `kind` in the parent `parentKey` (a registry, storage account, vault or
   * stack key) for `claimant`; returns the path of the construct that claimed it first, if
   * another did. One scoping rule: a literal parent key (a lower-case ARM ID or URI, or a
   * construct path) names one thing across the app, so the claim holds across the app; a key
   * that is a Terraform expression names a resource of one stack, so the claim holds there.
   */
  public claimName(
    claimant: IConstruct,
    kind: NameKind,
    parentKey: string,
    name: string,
  ): string | undefined {
    const shown = kind === NameKind.OUTPUT ? name : name.toLowerCase();
    const parent = parentKey.includes("${")
      ? `${TerraformStack.of(claimant).node.path}|${parentKey}`
      : parentKey;
    const key = `${kind}|${parent}|${shown}`;
    const first = this.names.get(key);
    if (first !== undefined) return first;
    this.names.set(key, claimant.node.path);
    return undefined;
  }

  /** The grant held under `key`, or the one `make` makes and the ledger then holds. */
  public grant(key: string, make: () => LedgerGrant): LedgerGrant {
    const known = this.grants.get(key);
    if (known) return known;
    const made = make();
    this.grants.set(key, made);
    return made;
  }

  /**
   * The lifecycle management policy of the storage account `accountKey` (one per account in the
   * app), or the one `make` declares and the ledger then holds.
   */
  public lifecyclePolicy(
    accountKey: string,
    make: () => LedgerLifecyclePolicy,
  ): LedgerLifecyclePolicy {
    const known = this.lifecyclePolicies.get(accountKey);
    if (known) return known;
    const made = make();
    this.lifecyclePolicies.set(accountKey, made);
    return made;
  }

  /** True the first time `fact` is registered in the app, false after. */
  public firstInApp(fact: string): boolean {
    if (this.facts.has(fact)) return false;
    this.facts.add(fact);
    return true;
  }

  /** What the stack of `scope` holds, if anything was registered there. */
  public knownStack(scope: IConstruct): StackLedger | undefined {
    return this.stacks.get(TerraformStack.of(scope));
  }

  /** The tree facts of `stack`: read once in the current synth, afresh outside one. */
  public treeFactsOf(stack: TerraformStack): TreeFacts {
    return this.pass ? this.pass.factsOf(stack) : TreeFacts.read(stack);
  }

  /**
   * The whole-app fact `name`: computed by `compute` once in the current synth, afresh outside
   * one. `compute` reads the app's stacks through treeFactsOf.
   */
  public appFact<T>(name: string, compute: () => T): T {
    return this.pass ? this.pass.appFact(name, compute) : compute();
  }

  /** @internal */
  public _aspectsBegin(stack: TerraformStack): void {
    if (!this.pass?.aspectsBegin(stack)) {
      this.pass = new SynthPass();
      this.pass.aspectsBegin(stack);
    }
  }

  /** @internal */
  public _validationsBegin(stack: TerraformStack): void {
    if (!this.pass?.validationsBegin(stack)) {
      this.pass = new SynthPass();
      this.pass.validationsBegin(stack);
    }
  }

  /** What the stack of `scope` holds, made on first use. */
  public stack(scope: IConstruct): StackLedger {
    const stack = TerraformStack.of(scope);
    let held = this.stacks.get(stack);
    if (!held) {
      held = new StackLedger(stack, this);
      this.stacks.set(stack, held);
    }
    return held;
  }
}

/** What the stack of `scope` holds in its app's ledger. */
export function stackLedger(scope: IConstruct): StackLedger {
  return Ledger.of(scope).stack(scope);
}

/**
 * The one way the library claims a name: `name` of `kind` in the parent `parentKey`, for
 * `claimant`; the path of the construct that claimed it first, if another did (see
 * Ledger.claimName for the scoping rule).
 */
export function claimName(
  claimant: IConstruct,
  kind: NameKind,
  parentKey: string,
  name: string,
): string | undefined {
  return Ledger.of(claimant).claimName(claimant, kind, parentKey, name);
}
