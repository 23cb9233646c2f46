import { AnnotationMetadataEntryType, TerraformStack } from "../core/cdk";
import { IConstruct } from "constructs";
import { Ledger } from "../private/ledger";
import { DeployerRight } from "./deployer-right";
import { scanDeployerRights } from "./scan";

/** Ledger key of a stack whose deployer rights are noted at synth. */
const WATCHED = "deployer|rights";

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
    return scanDeployerRights(stack);
  }

  /** The rights as the stack's synth-time note writes them: one line per right. */
  public static describe(rights: DeployerRight[]): string {
    const lines = rights.map(
      (r) =>
        `- ${r.role} on ${r.scope}: ${r.task} (${r.permissions.join(", ")})` +
        (r.note ? `; ${r.note}` : ""),
    );
    return [
      "the identity that runs `cdktf deploy` for this stack needs (see docs/networking.md):",
      ...lines,
    ].join("\n");
  }

  /**
   * Makes the stack of `scope` note its deployer's rights when it is synthesized with its
   * validations (as `cdktf synth` does), once per stack.
   * @internal
   */
  public static _watch(scope: IConstruct): void {
    const stack = TerraformStack.of(scope);
    Ledger.of(stack).once(Ledger.stackKey(stack, WATCHED), () => {
      stack.node.addValidation({ validate: () => noteDeployerRights(stack) });
      return true;
    });
  }

  private constructor() {}
}

/**
 * Adds the info annotation, after every construct exists; reports no error. A stack synthesized
 * twice keeps one note; a changed stack gets the new one. The annotation carries no stack trace,
 * which would write local paths into cdktf.out.
 */
function noteDeployerRights(stack: TerraformStack): string[] {
  const rights = DeployerRights.of(stack);
  if (rights.length === 0) return [];
  const note = DeployerRights.describe(rights);
  const noted = stack.node.metadata.some(
    (m) => m.type === AnnotationMetadataEntryType.INFO && m.data === note,
  );
  if (!noted) stack.node.addMetadata(AnnotationMetadataEntryType.INFO, note);
  return [];
}
