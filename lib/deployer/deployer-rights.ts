import { TerraformStack } from "../core/cdk";
import { DeployerRight } from "./deployer-right";
import {
  DeployerRegistration,
  describeDeployerRights,
  summarizeDeployerRights,
} from "./stack-registration";

/**
 * What the identity that runs `cdktf deploy` needs, beyond what the pipelines are granted:
 * rights on registries, vaults, storage accounts and identities, at the narrowest scope, read
 * from what each stack declares. Every stack with a pipeline, run, secret or container of the
 * library notes them at synth (with validations, as `cdktf synth` runs it) in one short info
 * annotation; `DeployerRights.of(stack)` returns them in full at any time.
 */
export class DeployerRights {
  /** The rights the deployer of `stack` needs, in a fixed order (see `DeployerTask`). */
  public static of(stack: TerraformStack): DeployerRight[] {
    return DeployerRegistration.scan(stack);
  }

  /** The rights in full: one line per right, with its task, permissions and notes. */
  public static describe(rights: DeployerRight[]): string {
    return describeDeployerRights(rights);
  }

  /**
   * The rights as the stack's synth-time note writes them, short enough to read in the output
   * of `cdktf synth`: one line per role, with the type and name of its first three scopes and
   * how many more.
   */
  public static summarize(rights: DeployerRight[]): string {
    return summarizeDeployerRights(rights);
  }

  private constructor() {}
}
