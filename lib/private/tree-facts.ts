import { TerraformProvider, TerraformStack } from "../core/cdk";
import { IConstruct } from "constructs";

/**
 * What one walk of a stack's tree finds: every construct, and its Terraform elements
 * (resources, data sources, providers) by Terraform type, in construct order. Whole-tree
 * questions (the stack's default azapi provider, the network rules that name an account, every
 * access policy, the app's secrets) are answered from it rather than by walking the tree once
 * per construct that asks.
 */
export class TreeFacts {
  /** Walks `stack` once. */
  public static read(stack: TerraformStack): TreeFacts {
    return new TreeFacts(stack, stack.node.findAll());
  }

  /** Terraform elements by Terraform type, in construct order. */
  private readonly byType = new Map<string, IConstruct[]>();
  /** Every Terraform element, in construct order. */
  public readonly elements: readonly IConstruct[];

  private constructor(
    /** The stack walked. */
    public readonly stack: TerraformStack,
    /** Every construct of the stack, the stack first, in construct order. */
    public readonly constructs: readonly IConstruct[],
  ) {
    const elements: IConstruct[] = [];
    for (const construct of constructs) {
      const type = (construct as { terraformResourceType?: unknown }).terraformResourceType;
      if (typeof type !== "string") continue;
      elements.push(construct);
      const list = this.byType.get(type);
      if (list) list.push(construct);
      else this.byType.set(type, [construct]);
    }
    this.elements = elements;
  }

  /**
   * Whether `other` found the same constructs, in the same order: everything these facts hold
   * (the elements, and the constructs whole-app facts read, such as the library's secrets).
   */
  public sameTree(other: TreeFacts): boolean {
    return (
      this.constructs.length === other.constructs.length &&
      this.constructs.every((construct, i) => construct === other.constructs[i])
    );
  }

  /** The elements of one Terraform type (e.g. "azurerm_key_vault_access_policy"). */
  public ofType(type: string): readonly IConstruct[] {
    return this.byType.get(type) ?? [];
  }

  /** The stack's provider of a Terraform type without alias (its default), if it declares one. */
  public defaultProvider(type: string): TerraformProvider | undefined {
    return this.ofType(type).find(
      (c): c is TerraformProvider => (c as Partial<TerraformProvider>).alias === undefined,
    );
  }
}

/** The stacks of the app `scope` belongs to, in construct order, found without entering them. */
export function appStacks(scope: IConstruct): TerraformStack[] {
  const stacks: TerraformStack[] = [];
  const visit = (construct: IConstruct): void => {
    if (TerraformStack.isStack(construct)) stacks.push(construct);
    else construct.node.children.forEach(visit);
  };
  visit(scope.node.root);
  return stacks;
}
