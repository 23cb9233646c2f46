import { TerraformStack } from "../core/cdk";
import { TreeFacts } from "./tree-facts";

/**
 * One synth: of the whole app (`app.synth()`, `cdktf synth`) or of one stack (`Testing.synth`,
 * `synthJson`). While it lasts, every stack's tree facts are read once and every whole-app fact
 * (the app's access policies, the secrets of each vault) is computed once, however many stacks
 * ask: a check registered on each of S stacks that looked at all of them would otherwise cost
 * S times the app.
 *
 * A synth starts when a stack that already took part in the current one is synthesized again
 * (its aspects or its validations run a second time), and ends with the app's own validation,
 * the last step of `app.synth()`. A stack's facts are read again when its validations start,
 * after its aspects (which may add constructs); when its constructs are the same, the earlier
 * facts and every whole-app fact made from them are kept. A tree changed between single-stack
 * synths of two different stacks, with no `app.synth()` between them, is one synth to this
 * pass: the second sees the other stacks as the first read them.
 */
export class SynthPass {
  /** Stacks whose aspects ran in this synth. */
  private readonly aspectsRan = new Set<TerraformStack>();
  /** Stacks whose validations ran in this synth. */
  private readonly validated = new Set<TerraformStack>();
  /** Tree facts read in this synth, by stack. */
  private readonly facts = new Map<TerraformStack, TreeFacts>();
  /** Whole-app facts, by name. */
  private readonly appFacts = new Map<string, unknown>();

  /** Records that the aspects of `stack` begin; false when they already ran in this synth. */
  public aspectsBegin(stack: TerraformStack): boolean {
    if (this.aspectsRan.has(stack)) return false;
    this.aspectsRan.add(stack);
    return true;
  }

  /**
   * Records that the validations of `stack` begin, and reads its facts again if they were read
   * before its aspects ran; false when its validations already ran in this synth.
   */
  public validationsBegin(stack: TerraformStack): boolean {
    if (this.validated.has(stack)) return false;
    this.validated.add(stack);
    const earlier = this.facts.get(stack);
    if (earlier) {
      const now = TreeFacts.read(stack);
      if (!now.sameTree(earlier)) {
        this.facts.set(stack, now);
        this.appFacts.clear();
      }
    }
    return true;
  }

  /** The tree facts of `stack`, read once in this synth. */
  public factsOf(stack: TerraformStack): TreeFacts {
    let facts = this.facts.get(stack);
    if (!facts) {
      facts = TreeFacts.read(stack);
      this.facts.set(stack, facts);
    }
    return facts;
  }

  /** The whole-app fact `name`, computed by `compute` once in this synth. */
  public appFact<T>(name: string, compute: () => T): T {
    if (!this.appFacts.has(name)) this.appFacts.set(name, compute());
    return this.appFacts.get(name) as T;
  }
}
