import { TerraformStack } from "../core/cdk";
import { DeployerRight } from "./deployer-right";
import { DeployerRegistration, describeDeployerRights } from "./stack-registration";

/**
 * What the identity that runs `cdktf deploy` needs, beyond what the pipelines are granted:
 * rights on registries, vaults, storage accounts and identities, at the narrowest scope, read
 * from what each stack declares. Every stack with a pipeline, run, secret or container of the
 * library notes them at synth (with validations, as `cdktf synth` runs it) in one info
 * annotation; `DeployerRights.of(stack)` returns them at any time.
 */
export class DeployerRights {
  /** The rights the deployer of `stack` needs, in a fixed order (see `DeployerTask`). */
  public static of(stack: TerraformStack): DeployerRight[] {
    return DeployerRegistration.scan(stack);
  }

  /** The rights as the stack's synth-time note writes them: one line per right. */
  public static describe(rights: DeployerRight[]): string {
    return describeDeployerRights(rights);
  }

  private constructor() {}
}
