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

/** What a stack's ledger tells the app's ledger of the synths it takes part in. */
export interface SynthSignals {
  /** The aspects of `stack` begin (an aspect on the stack reaches it before its constructs). */
  _aspectsBegin(stack: TerraformStack): void;
  /** The validations of `stack` begin (a validation on the stack runs before its constructs'). */
  _validationsBegin(stack: TerraformStack): void;
  /** The tree facts of `stack`: of the current synth (see SynthPass), else read afresh. */
  treeFactsOf(stack: TerraformStack): TreeFacts;
}

/**
 * What one stack holds in the app's ledger: facts registered once per stack, the newest azapi
 * release its resources need, the vault-wide access policies the library made there, typed
 * slots of other layers (the deployer scan's registration), and the stack's tree facts of the
 * current synth (read once per synth, see SynthPass).
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

  /** Tells `synths` when the aspects and the validations of `stack` begin. */
  public constructor(
    public readonly stack: TerraformStack,
    private readonly synths: SynthSignals,
  ) {
    Aspects.of(stack).add(new AspectsBegin(stack, synths));
    stack.node.addValidation({
      validate: () => {
        synths._validationsBegin(stack);
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

  /** The stack's tree facts: read once per synth, afresh outside one. */
  public treeFacts(): TreeFacts {
    return this.synths.treeFactsOf(this.stack);
  }
}

/** Tells the app's ledger when a synth invokes the aspects of a stack. */
class AspectsBegin implements IAspect {
  public constructor(
    private readonly stack: TerraformStack,
    private readonly synths: SynthSignals,
  ) {}

  /** Signals on reaching the stack (aspects reach the stack before its constructs). */
  public visit(node: IConstruct): void {
    if (node === this.stack) this.synths._aspectsBegin(this.stack);
  }
}
