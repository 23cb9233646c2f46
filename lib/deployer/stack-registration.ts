import { AnnotationMetadataEntryType, TerraformStack } from "../core/cdk";
import { IConstruct } from "constructs";
import { Ledger } from "../private/ledger";
import { DeployerRight } from "./deployer-right";
import { SecretVault, scanDeployerRights } from "./scan";

/** Ledger key of a stack whose deployer rights are noted at synth. */
const REGISTERED = "deployer|rights";

/**
 * The deployer scan of one stack, registered once per stack in the app's ledger by the first
 * pipeline, run, secret or container of the library made in it. It notes the rights at synth
 * (with validations, as `cdktf synth` runs them) and keeps what a secret's vault says that its
 * resource does not: the access model and the firewall.
 */
export class DeployerRegistration {
  /** The registration of the stack of `scope`, made (and its note registered) on first use. */
  public static of(scope: IConstruct): DeployerRegistration {
    const stack = TerraformStack.of(scope);
    return Ledger.of(stack).once(
      Ledger.stackKey(stack, REGISTERED),
      () => new DeployerRegistration(stack),
    );
  }

  /**
   * The rights the deployer of `stack` needs, in a fixed order (see `DeployerTask`); registers
   * nothing.
   */
  public static scan(stack: TerraformStack): DeployerRight[] {
    const entry = Ledger.of(stack).entries.get(Ledger.stackKey(stack, REGISTERED));
    const vaults = (entry as DeployerRegistration | undefined)?.vaults;
    return scanDeployerRights(stack, (secret) => vaults?.get(secret.node.path));
  }

  /** The vault of each secret resource the library declares, by the resource's path. */
  private readonly vaults = new Map<string, SecretVault>();

  private constructor(stack: TerraformStack) {
    stack.node.addValidation({ validate: () => noteDeployerRights(stack) });
  }

  /** Records the vault `secret` (an `azurerm_key_vault_secret`) is written to. */
  public secretIn(secret: IConstruct, vault: SecretVault): void {
    this.vaults.set(secret.node.path, vault);
  }
}

/** The rights as the stack's synth-time note writes them: one line per right. */
export function describeDeployerRights(rights: DeployerRight[]): string {
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
 * Adds the info annotation, after every construct exists; reports no error. A stack synthesized
 * twice keeps one note; a changed stack gets the new one. The annotation carries no stack trace,
 * which would write local paths into cdktf.out.
 */
function noteDeployerRights(stack: TerraformStack): string[] {
  const rights = DeployerRegistration.scan(stack);
  if (rights.length === 0) return [];
  const note = describeDeployerRights(rights);
  const noted = stack.node.metadata.some(
    (m) => m.type === AnnotationMetadataEntryType.INFO && m.data === note,
  );
  if (!noted) stack.node.addMetadata(AnnotationMetadataEntryType.INFO, note);
  return [];
}
