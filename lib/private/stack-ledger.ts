import { Aspects, IAspect, TerraformResource, TerraformStack } from "../core/cdk";
import { IConstruct } from "constructs";
import { TreeFacts } from "./tree-facts";

/** An access policy that gives its principal Get on every secret of a vault. */
export interface VaultWideRead {
  /** The access policy. */
  readonly policy: TerraformResource;
  /** The vault, as its reference gives it. */
  readonly vault: { readonly keyVaultId: string; readonly dedicatedToTransfer?: boolean };
  /** The vault's key. */
  readonly vaultKey: string;
  /** Keys of the secrets the policy is made for. */
  readonly secretKeys: Set<string>;
}

/**
 * A typed place in every stack's ledger, declared once by the module that owns what it holds
 * (an immutable descriptor, not state): its name, and how its value is made for a stack.
 */
export class StackSlot<T> {
  /** A slot named `name` whose value `create` makes on first use in a stack. */
  public constructor(
    /** Unique among slots. */
    public readonly name: string,
    /** Makes the stack's value. */
    public readonly create: (stack: TerraformStack) => T,
  ) {}
}

/**
 * What one stack holds in the app's ledger: facts registered once per stack, the newest azapi
 * release its resources need, the vault-wide access policies the library made there, typed
 * slots of other layers (the deployer scan's registration), and the stack's tree facts of the
 * current synth.
 *
 * The tree facts are read once per synth pass, after the tree is complete: a validation on the
 * stack (which runs before those of its constructs) starts the pass, and an aspect on the stack
 * (which runs first in every synth) ends the previous one. Outside a pass they are read afresh
 * on each call, so a reader between constructs never sees an old tree.
 */
export class StackLedger {
  /** The newest azapi release the stack's resources need, e.g. "2.11.0"; none asked yet. */
  public azapiFloor?: string;
  /** Access policies of the stack that read every secret of their vault, by policy path. */
  public readonly vaultWideReads = new Map<string, VaultWideRead>();
  /** Facts registered once in the stack. */
  private readonly facts = new Set<string>();
  /** The values of typed slots, by slot name. */
  private readonly slots = new Map<string, unknown>();
  /** Whether validations of the current synth are running. */
  private inPass = false;
  /** The tree facts of the current pass, once read. */
  private passFacts?: TreeFacts;

  /** Registers the start and end of synth passes on `stack`. */
  public constructor(public readonly stack: TerraformStack) {
    Aspects.of(stack).add(new PassEnd(this));
    stack.node.addValidation({
      validate: () => {
        this.inPass = true;
        this.passFacts = undefined;
        return [];
      },
    });
  }

  /** True the first time `fact` is registered in this stack, false after. */
  public firstInStack(fact: string): boolean {
    if (this.facts.has(fact)) return false;
    this.facts.add(fact);
    return true;
  }

  /** The stack's value of `slot`, made on first use. */
  public slot<T>(slot: StackSlot<T>): T {
    if (!this.slots.has(slot.name)) this.slots.set(slot.name, slot.create(this.stack));
    return this.slots.get(slot.name) as T;
  }

  /** The stack's value of `slot` if it was made. */
  public slotIfMade<T>(slot: StackSlot<T>): T | undefined {
    return this.slots.get(slot.name) as T | undefined;
  }

  /** Whether `fact` was registered in this stack. */
  public hasFact(fact: string): boolean {
    return this.facts.has(fact);
  }

  /** The stack's tree facts: read once per synth pass, afresh outside one. */
  public treeFacts(): TreeFacts {
    if (!this.inPass) return TreeFacts.read(this.stack);
    this.passFacts ??= TreeFacts.read(this.stack);
    return this.passFacts;
  }

  /** Ends the pass: the next synth may run after the tree changed. @internal */
  public _endPass(): void {
    this.inPass = false;
    this.passFacts = undefined;
  }
}

/** Ends a stack's synth pass when a new synth invokes the stack's aspects. */
class PassEnd implements IAspect {
  public constructor(private readonly held: StackLedger) {}

  /** Ends the pass on reaching the stack (aspects reach the stack before its constructs). */
  public visit(node: IConstruct): void {
    if (node === this.held.stack) this.held._endPass();
  }
}
