import { AnnotationMetadataEntryType, TerraformStack } from "../core/cdk";
import { IConstruct } from "constructs";
import { annotateWithoutTrace } from "../private/annotations";
import { Ledger, stackLedger } from "../private/ledger";
import { StackSlot } from "../private/stack-ledger";
import { DeployerRight } from "./deployer-right";
import { SecretVault, scanDeployerRights } from "./scan";
import { TreeFacts } from "../private/tree-facts";

/** The stack's slot for its registration, made (and the note registered) on first use. */
const REGISTRATION = new StackSlot("deployer|rights", (stack) => new DeployerRegistration(stack));

/**
 * The deployer scan of one stack, registered once per stack in the app's ledger by the first
 * pipeline, run, secret or container of the library made in it. It notes the rights at synth
 * (with validations, as `cdktf synth` runs them) and keeps what a secret's vault says that its
 * resource does not: the access model and the firewall.
 */
export class DeployerRegistration {
  /** The registration of the stack of `scope`, made (and its note registered) on first use. */
  public static of(scope: IConstruct): DeployerRegistration {
    return stackLedger(scope).slot(REGISTRATION);
  }

  /**
   * The rights the deployer of `stack` needs, in a fixed order (see `DeployerTask`); registers
   * nothing.
   */
  public static scan(stack: TerraformStack): DeployerRight[] {
    return DeployerRegistration.scanWith(stack, TreeFacts.read(stack));
  }

  /** The scan of `stack` from its tree facts `facts`, with the vaults its registration knows. */
  private static scanWith(stack: TerraformStack, facts: TreeFacts): DeployerRight[] {
    const vaults = Ledger.of(stack).knownStack(stack)?.slotIfMade(REGISTRATION)?.vaults;
    return scanDeployerRights(facts, (secret) => vaults?.get(secret.node.path));
  }

  /** The vault of each secret resource the library declares, by the resource's path. */
  private readonly vaults = new Map<string, SecretVault>();

  /** @internal */
  public constructor(stack: TerraformStack) {
    stack.node.addValidation({
      validate: () =>
        noteDeployerRights(
          stack,
          DeployerRegistration.scanWith(stack, stackLedger(stack).treeFacts()),
        ),
    });
  }

  /** Records the vault `secret` (an `azurerm_key_vault_secret`) is written to. */
  public secretIn(secret: IConstruct, vault: SecretVault): void {
    this.vaults.set(secret.node.path, vault);
  }
}

/** The rights in full: one line per right, with its task, permissions and notes. */
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

/** How many scopes a line of the synth-time note names; the rest are counted. */
const SHOWN_SCOPES = 3;

/**
 * The rights as the synth-time note writes them: one line per role, in the order of the rights,
 * with the short names of its first SHOWN_SCOPES scopes and how many more (a landing zone of
 * fifty registries gets one line for their transfer role, not fifty).
 */
export function summarizeDeployerRights(rights: DeployerRight[]): string {
  const scopesByRole = new Map<string, Set<string>>();
  for (const { role, scope } of rights) {
    const scopes = scopesByRole.get(role) ?? new Set<string>();
    scopesByRole.set(role, scopes.add(shortScope(scope)));
  }
  const lines = [...scopesByRole].map(([role, scopes]) => {
    const shown = [...scopes].slice(0, SHOWN_SCOPES).join(", ");
    const more = scopes.size - SHOWN_SCOPES;
    return `- ${role} on ${shown}${more > 0 ? ` and ${more} more` : ""}`;
  });
  return [
    "the identity that runs `cdktf deploy` for this stack needs (DeployerRights.describe(DeployerRights.of(stack)) gives the actions and notes; see docs/networking.md):",
    ...lines,
  ].join("\n");
}

/**
 * A scope as a short note shows it: an ARM ID's last type and name (`registries/myregistry`),
 * a Terraform expression's resource (`azurerm_storage_account.TransferStorage`).
 */
function shortScope(scope: string): string {
  if (scope.startsWith("/")) return scope.split("/").filter(Boolean).slice(-2).join("/");
  return /^\$\{([^}]+)\.id\}$/.exec(scope)?.[1] ?? scope;
}

/**
 * Adds the info annotation, after every construct exists; reports no error. A stack synthesized
 * twice keeps one note; a changed stack gets the new one. The annotation carries no stack trace,
 * which would write local paths into cdktf.out.
 */
function noteDeployerRights(stack: TerraformStack, rights: DeployerRight[]): string[] {
  if (rights.length === 0) return [];
  const note = summarizeDeployerRights(rights);
  const noted = stack.node.metadata.some(
    (m) => m.type === AnnotationMetadataEntryType.INFO && m.data === note,
  );
  if (!noted) annotateWithoutTrace(stack, AnnotationMetadataEntryType.INFO, note);
  return [];
}
