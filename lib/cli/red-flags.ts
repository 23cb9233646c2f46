import { asRecord } from "../private/records";
import { stringList } from "../model/json-values";
import { readAccessPolicy, readRoleAssignment } from "../model/read-grants";
import { PlannedChange, PlanModel } from "../model/read-plan";
import { isRunType, readRun } from "../model/read-runs";
import { transferSideOfType } from "../arm/resource-types";
import { StackKeys } from "../model/stack-keys";
import { TerraformBlock } from "../model/terraform-json";
import { Grant } from "../model/transfer-model";
import { StackNames } from "./names";
import { RedFlag } from "./review";

const GRANT_READERS: Readonly<
  Record<string, (keys: StackKeys, address: string, block: TerraformBlock) => Grant>
> = {
  azurerm_key_vault_access_policy: readAccessPolicy,
  azurerm_role_assignment: readRoleAssignment,
};
const SECRET_TYPE = "azurerm_key_vault_secret";
/**
 * Plan values are resolved: there are no references to follow, so the model's readers work on
 * them with keys over an empty document.
 */
const PLAN_KEYS = new StackKeys({}, {});

/**
 * What a reviewer must not miss in a plan: runs that will run or re-run (created, replaced, or
 * their forceUpdateTag changed or unknown until apply), pipelines replaced or destroyed, grants
 * removed (deleted, replaced, or an access policy losing secret permissions), and secrets
 * whose write-only version changes (Terraform then writes the new token).
 */
export function redFlags(plan: PlanModel): RedFlag[] {
  return plan.changes.flatMap((change) => {
    if (change.mode !== "managed") return [];
    const summary = summarize(change);
    return summary === undefined
      ? []
      : [{ ...summary, address: change.address, actions: change.actions.join(", ") }];
  });
}

type Summary = Omit<RedFlag, "address" | "actions"> | undefined;

function summarize(change: PlannedChange): Summary {
  if (change.type === "azapi_resource") {
    const armType = change.after.type ?? change.before.type;
    if (isRunType(armType)) return runFlag(change);
    const side = transferSideOfType(armType);
    if (side) return pipelineFlag(change, `${side} pipeline "${nameOf(change)}"`);
  }
  const readGrant = GRANT_READERS[change.type];
  if (readGrant) return grantFlag(change, readGrant(PLAN_KEYS, change.address, change.before));
  if (change.type === SECRET_TYPE) return secretFlag(change);
  return undefined;
}

function runFlag(change: PlannedChange): Summary {
  const before = readRun(PLAN_KEYS, change.address, change.before);
  const after = readRun(PLAN_KEYS, change.address, change.after);
  const run = `run "${nameOf(change)}"`;
  const what = [
    after.artifacts.length > 0 ? `${after.artifacts.length} artifact(s)` : undefined,
    after.blob !== undefined ? `blob ${after.blob}` : undefined,
  ].filter((part) => part !== undefined);
  const detail = what.length > 0 ? ` (${what.join(", ")})` : "";
  if (isReplace(change)) {
    return { kind: "run", summary: `${run} re-runs: it is replaced${reason(change)}${detail}` };
  }
  if (change.actions.includes("create")) {
    return { kind: "run", summary: `${run} runs: it is created${detail}` };
  }
  if (!change.actions.includes("update")) return undefined;
  const unknownBody = change.afterUnknown.body;
  const unknownTag = asRecord(asRecord(unknownBody).properties).forceUpdateTag;
  if (unknownBody === true || unknownTag === true) {
    return {
      kind: "run",
      summary: `${run} may re-run: its forceUpdateTag is known only after apply${detail}`,
    };
  }
  if (before.rerunToken === after.rerunToken) return undefined;
  const from = JSON.stringify(before.rerunToken ?? null);
  const to = JSON.stringify(after.rerunToken ?? null);
  return { kind: "run", summary: `${run} re-runs: forceUpdateTag ${from} → ${to}${detail}` };
}

function pipelineFlag(change: PlannedChange, pipeline: string): Summary {
  if (isReplace(change)) {
    return {
      kind: "pipeline",
      summary: `${pipeline} is replaced${reason(change)}: it is deleted and created again, with a new system-assigned identity if it has one`,
    };
  }
  if (change.actions.includes("delete")) {
    return { kind: "pipeline", summary: `${pipeline} is destroyed` };
  }
  return undefined;
}

function grantFlag(change: PlannedChange, held: Grant): Summary {
  const grant = describeGrant(held);
  if (isReplace(change)) {
    return {
      kind: "grant",
      summary: `${grant} is replaced${reason(change)}: removed, then made again; runs may fail until the new grant propagates`,
    };
  }
  if (change.actions.includes("delete")) return { kind: "grant", summary: `${grant} is removed` };
  if (!change.actions.includes("update")) return undefined;
  const after = new Set(stringList(change.after.secret_permissions));
  const lost = stringList(change.before.secret_permissions).filter((p) => !after.has(p));
  return lost.length > 0
    ? { kind: "grant", summary: `${grant} loses secret permissions ${lost.join(", ")}` }
    : undefined;
}

function secretFlag(change: PlannedChange): Summary {
  const before = change.before.value_wo_version;
  const after = change.after.value_wo_version;
  if (!change.actions.includes("update") && !isReplace(change)) return undefined;
  if (before === after) return undefined;
  return {
    kind: "secret",
    summary: `secret "${nameOf(change)}" changes its write-only version ${String(before ?? "none")} → ${String(after ?? "none")}: Terraform writes a new token value`,
  };
}

function describeGrant(grant: Grant): string {
  const target = grant.target;
  if (target.kind === "role")
    return `role assignment "${target.role}" on ${StackNames.scope(grant)}`;
  const permissions = target.secretPermissions.join(", ") || "none";
  return `access policy (secrets ${permissions}) on vault ${target.vault}`;
}

function isReplace(change: PlannedChange): boolean {
  return change.actions.includes("create") && change.actions.includes("delete");
}

function reason(change: PlannedChange): string {
  const paths = change.replacePaths.map((p) => (Array.isArray(p) ? p.join(".") : String(p)));
  if (paths.length > 0) return ` (${paths.join(", ")} changed)`;
  return change.actionReason ? ` (${change.actionReason})` : "";
}

function nameOf(change: PlannedChange): string {
  return String(change.after.name ?? change.before.name ?? change.address);
}
