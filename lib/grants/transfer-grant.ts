import { ITerraformDependable, TerraformResource } from "../core/cdk";
import { sameStackDependables } from "../private/ordering";

/**
 * Access granted to a principal on a secret or a container: the access policy or role
 * assignment that runs wait for, or nothing when the target cannot be granted here (an
 * annotation on the target then says what to grant by hand).
 */
export class TransferGrant {
  /** A grant the library made: `resource` is the access policy or role assignment. */
  public static of(resource: TerraformResource, description: string): TransferGrant {
    return new TransferGrant(description, resource);
  }

  /** No grant was made here; `description` says what must be granted elsewhere. */
  public static none(description: string): TransferGrant {
    return new TransferGrant(description);
  }

  private constructor(
    /** What is granted, or must be granted elsewhere, in words. */
    public readonly description: string,
    /**
     * The access policy or role assignment.
     * @default none: nothing was granted here
     */
    public readonly resource?: TerraformResource,
  ) {}

  /** What dependents wait for: the grant's resource, or nothing. */
  public get dependables(): ITerraformDependable[] {
    return this.resource ? [this.resource] : [];
  }

  /**
   * Makes each of `dependents` wait for the grant: `depends_on` within one stack; across
   * stacks, a dependency of the dependent's stack on the grant's (depends_on may only name
   * resources of its own stack), which `cdktf deploy` applies in order.
   */
  public applyBefore(...dependents: TerraformResource[]): void {
    const resource = this.resource;
    if (!resource) return;
    for (const dependent of dependents) {
      if (sameStackDependables(dependent, [resource]).length === 0) continue;
      dependent.dependsOn = [...(dependent.dependsOn ?? []), resource.fqn];
    }
  }
}
