import { CUSTOM_EXPORT_ROLE, KEY_VAULT_SECRETS_USER } from "../arm/roles";
import { TransferSide } from "../arm/options";
import { SynthesizedInput, toSynthesized } from "./synthesized-input";
import { readTransferModel } from "./read-transfer-model";
import {
  ContainerKey,
  Grant,
  Need,
  TransferPipelineModel,
  describePrincipal,
} from "./transfer-model";

/** Options of {@link checkTransferConformance}. */
export interface ConformanceOptions {
  /**
   * Report SAS-token pipelines whose secret is given only by URI (so the library could not
   * grant read on it: `SasTokenSecret.fromSecretUri` without `keyVault`) and that hold no
   * grant on it. Set false when you grant those outside the stack.
   * @default true
   */
  readonly reportUngrantedUriSecrets?: boolean;
  /**
   * Principal (object) IDs of user-assigned identities, by identity resource ID, for identities
   * whose principal the JSON does not tie to them (`UserIdentity.fromIdentityId(..., { principalId })`).
   * @default {}
   */
  readonly principalIds?: Readonly<Record<string, string>>;
}

/**
 * Checks that every ACR Transfer pipeline in synthesized JSON is granted exactly what its
 * storage access mode needs, and that every run waits for its pipeline's grants. Returns one
 * human-readable line per violation; empty when the stack conforms.
 *
 * - SasToken mode: its acting principal holds exactly one grant on the secret's vault: an
 *   `azurerm_key_vault_access_policy` with secret_permissions exactly ["Get"] and no key,
 *   certificate or storage permissions, or an `azurerm_role_assignment` of Key Vault Secrets
 *   User scoped to `<vault ID>/secrets/<name>`.
 * - ManagedIdentity mode: exactly one `azurerm_role_assignment` scoped to
 *   `.../blobServices/default/containers/<container>`, of Storage Blob Data Contributor (export,
 *   and import with DeleteSourceBlobOnSuccess) or Storage Blob Data Reader (other imports).
 * - No grant beyond these for a principal that acts for a pipeline (grants a principal shares
 *   between pipelines count once), and none for a pipeline's system-assigned identity when its
 *   user-assigned identity acts.
 * - Each `pipelineRuns` resource lists, in depends_on, every grant of the pipeline its
 *   `pipelineResourceId` refers to.
 *
 * How principals are told apart is documented on `readTransferModel`; vaults, secrets and
 * containers on `StackKeys`.
 */
export function checkTransferConformance(
  synthesized: SynthesizedInput,
  options: ConformanceOptions = {},
): string[] {
  const model = readTransferModel(toSynthesized(synthesized), options.principalIds ?? {});
  const violations = model.pipelines.flatMap((p) => p.problems);
  const grantsOfPipeline = new Map<string, Grant[]>();
  const grantsByPrincipal = groupBy(model.grants, (g) => g.principal);

  for (const [principal, pipelines] of groupBy(model.pipelines, (p) => p.principal)) {
    if (principal === undefined) continue;
    const held = grantsByPrincipal.get(principal) ?? [];
    const used = new Set<Grant>();
    for (const pipeline of pipelines) {
      const covering = pipeline.needs.flatMap((need) => {
        const found = coveringGrants(need, held);
        violations.push(...needViolations(pipeline, need, found, pipelines, options));
        return found;
      });
      covering.forEach((g) => used.add(g));
      grantsOfPipeline.set(pipeline.address, covering);
    }
    const labels = pipelines.map((p) => p.address).join(", ");
    for (const grant of held.filter((g) => !used.has(g))) {
      violations.push(
        `${grant.address} gives ${describePrincipal(principal)} ${grant.description}, which none of ` +
          `the pipelines it acts for (${labels}) needs; remove it`,
      );
    }
  }

  for (const pipeline of model.pipelines) {
    if (pipeline.principal === pipeline.systemPrincipal) continue;
    for (const grant of grantsByPrincipal.get(pipeline.systemPrincipal) ?? []) {
      violations.push(
        `${grant.address} gives ${describePrincipal(pipeline.systemPrincipal)} ${grant.description}, ` +
          "but that identity does not act for the pipeline (its user-assigned identity does); remove it",
      );
    }
  }

  for (const run of model.runs) {
    for (const grant of grantsOfPipeline.get(run.pipeline ?? "") ?? []) {
      if (run.dependsOn.includes(grant.address)) continue;
      violations.push(
        `${run.label} runs ${run.pipeline} but its depends_on lacks ${grant.address}, so Terraform ` +
          "may start the run before the grant exists; add the grant to depends_on",
      );
    }
  }
  return [...new Set(violations)];
}

/** The grants among `held` that serve `need` (including wrong ones, which needViolations reports). */
function coveringGrants(need: Need, held: readonly Grant[]): Grant[] {
  return held.filter(({ target }) => {
    if (need.kind === "container") {
      return (
        target.kind === "role" &&
        target.scope.kind === "container" &&
        sameContainer(target.scope.container, need.container)
      );
    }
    // A secret the check cannot place in a vault is served by any Key Vault grant (it cannot tell).
    const sameVault = (vault: string) => need.vault === undefined || vault === need.vault;
    if (target.kind === "access-policy") return sameVault(target.vault);
    const scope = target.scope;
    if (scope.kind === "vault") return sameVault(scope.vault);
    return (
      scope.kind === "secret" &&
      sameVault(scope.vault) &&
      (need.vault === undefined || scope.secret === need.secret)
    );
  });
}

function needViolations(
  pipeline: TransferPipelineModel,
  need: Need,
  covering: readonly Grant[],
  sharing: readonly TransferPipelineModel[],
  options: ConformanceOptions,
): string[] {
  const who = describePrincipal(pipeline.principal!);
  if (need.kind === "container") return containerViolations(pipeline, need, covering, sharing, who);
  if (covering.length === 0) {
    if (need.byUri && options.reportUngrantedUriSecrets === false) return [];
    const where = need.vault === undefined ? "" : ` in vault ${need.vault}`;
    return [
      `${pipeline.label} reads its SAS token from ${need.uri}${where}, but no grant lets ${who} read it; ` +
        `expected one azurerm_key_vault_access_policy with secret_permissions ["Get"] on the vault, ` +
        `or one "${KEY_VAULT_SECRETS_USER}" role assignment scoped to the secret` +
        (need.byUri
          ? " (give SasTokenSecret.fromSecretUri a keyVault so the library makes it)"
          : ""),
    ];
  }
  const counted = covering.length > 1 && need.vault !== undefined;
  const violations = counted ? [duplicates(pipeline, covering, `read on ${need.uri}`)] : [];
  for (const grant of covering) {
    const target = grant.target;
    if (target.kind === "access-policy" && !target.readOnly) {
      violations.push(
        `${grant.address} is ${grant.description}; a pipeline needs exactly secret_permissions ["Get"] and nothing else`,
      );
    }
    if (target.kind === "role" && target.role !== KEY_VAULT_SECRETS_USER) {
      violations.push(
        `${grant.address} gives the wrong role "${target.role}" for ${pipeline.label}; expected "${KEY_VAULT_SECRETS_USER}"`,
      );
    }
    if (target.kind === "role" && target.scope.kind === "vault") {
      violations.push(
        `${grant.address} is scoped to the whole vault; scope it to the one secret (<vault ID>/secrets/<name>)`,
      );
    }
  }
  return violations;
}

function containerViolations(
  pipeline: TransferPipelineModel,
  need: Extract<Need, { kind: "container" }>,
  covering: readonly Grant[],
  sharing: readonly TransferPipelineModel[],
  who: string,
): string[] {
  // The custom export role does what Contributor does for an export, without delete.
  const roleOf = (g: Grant) =>
    g.target.kind !== "role"
      ? ""
      : g.target.role === CUSTOM_EXPORT_ROLE && pipeline.side === TransferSide.EXPORT
        ? need.role
        : g.target.role;
  const exact = covering.filter((g) => roleOf(g) === need.role);
  const neededHere = new Set(
    sharing
      .flatMap((p) => p.needs)
      .flatMap((n) =>
        n.kind === "container" && sameContainer(n.container, need.container) ? [n.role] : [],
      ),
  );
  const violations = covering
    .filter((g) => !neededHere.has(roleOf(g)))
    .map(
      (g) =>
        `${g.address} gives the wrong role "${roleOf(g)}" on ${need.uri} for ${pipeline.label}; expected "${need.role}"`,
    );
  if (exact.length === 0 && violations.length === 0) {
    violations.push(
      `${pipeline.label} uses managed identity, but ${who} has no "${need.role}" role assignment ` +
        `scoped to its container ${need.uri} (.../blobServices/default/containers/<name>)`,
    );
  }
  if (exact.length > 1)
    violations.push(duplicates(pipeline, exact, `"${need.role}" on ${need.uri}`));
  return violations;
}

function duplicates(
  pipeline: TransferPipelineModel,
  grants: readonly Grant[],
  what: string,
): string {
  return (
    `${pipeline.label} is granted ${what} ${grants.length} times (${grants.map((g) => g.address).join(", ")}); ` +
    "expected exactly one grant"
  );
}

function sameContainer(a: ContainerKey, b: ContainerKey): boolean {
  return (
    a.name === b.name &&
    (a.account === undefined || b.account === undefined || a.account === b.account)
  );
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
