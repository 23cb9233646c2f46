import { LocalBackend, TerraformStack } from "../core/cdk";

/**
 * The CDK core's local backend, with the state file where the default puts it,
 * `terraform.<stack>.tfstate` at the project's root, but named by a path relative to the
 * stack's folder (`cdktf.out/stacks/<stack>`, where Terraform runs): the default writes the
 * absolute path of the machine that synthesized, so the synthesized stack differs between
 * machines and CI. Assumes the synth output folder sits at the project's root (`cdktf.out`, the
 * default). Swap it for a remote backend when a team shares the stack.
 *
 * @example
 * class TransferStack extends TerraformStack {
 *   constructor(scope: Construct, id: string) {
 *     super(scope, id);
 *     new RelativeLocalBackend(this);
 *   }
 * }
 */
export class RelativeLocalBackend extends LocalBackend {
  /** The state file's path as written into the stack: `../../../terraform.<stack>.tfstate`. */
  public readonly statePath: string;

  /** Sets the local backend of `stack` (a stack has one backend). */
  public constructor(stack: TerraformStack) {
    const statePath = `../../../terraform.${stack.node.id}.tfstate`;
    super(stack, { path: statePath });
    this.statePath = statePath;
  }
}
