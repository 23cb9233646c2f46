import { asRecord } from "../private/records";
import { stringList } from "../model/json-values";
import { readAccessPolicy, readRoleAssignment } from "../model/read-grants";
import { PlannedChange, PlanModel } from "../model/read-plan";
import { isRunType } from "../arm/resource-types";
import { readRun } from "../model/read-runs";
import { transferSideOfType } from "../arm/resource-types";
import { StackKeys } from "../model/stack-keys";
import { TerraformBlock } from "../model/terraform-json";
import { Grant } from "../model/transfer-model";
import { StackNames } from "./names";
import { RedFlag } from "./review";

const GRANT_READERS: ReadonlyMap<
  string,
  (keys: StackKeys, address: string, block: TerraformBlock) => Grant
> = new Map([
  ["azurerm_key_vault_access_policy", readAccessPolicy],
  ["azurerm_role_assignment", readRoleAssignment],
]);
const SECRET_TYPE = "azurerm_key_vault_secret";
/**
 * Plan values are resolved: there are no references to follow, so the model's readers work on
 * them with keys over an empty document.
 */
const PLAN_KEYS = new StackKeys({}, {});

/**
 * What a plan does to one resource, from every action list Terraform writes: create, update,
 * delete, replace (["delete", "create"], or ["create", "delete"] for create_before_destroy),
 * read, no-op, forget (a `removed` block: out of state, left in Azure); anything else is
 * "unknown" and flagged for a human. Imports and moves keep their action list.
 */
export type PlanAction =
  "create" | "update" | "delete" | "replace" | "read" | "no-op" | "forget" | "unknown";

/** The action of an action list. */
export function planAction(actions: readonly string[]): PlanAction {
  const set = new Set(actions);
  if (actions.length === 2 && set.has("create") && set.has("delete")) return "replace";
  if (actions.length !== 1) return "unknown";
  const [action] = actions;
  return action === "create" ||
    action === "update" ||
    action === "delete" ||
    action === "read" ||
    action === "no-op" ||
    action === "forget"
    ? action
    : "unknown";
}

/**
 * What a reviewer must not miss in a plan: runs that will run or re-run (created, replaced, or
 * their forceUpdateTag changed or unknown until apply) and runs whose state says they failed
 * (with the service's pipelineRunErrorMessage), pipelines replaced, destroyed or
 * forgotten, grants removed or forgotten (deleted, replaced, or an access policy losing secret
 * permissions), secrets whose write-only version changes or that are deleted, and any action
 * list this version does not know on one of those resources.
 */
export function redFlags(plan: PlanModel): RedFlag[] {
  return plan.changes.flatMap((change) => {
    if (change.mode !== "managed") return [];
    const summary = summarize(change, planAction(change.actions));
    return summary === undefined
      ? []
      : [{ ...summary, address: change.address, actions: describeActions(change) }];
  });
}

type Summary = Omit<RedFlag, "address" | "actions"> | undefined;

function summarize(change: PlannedChange, action: PlanAction): Summary {
  if (change.type === "azapi_resource") {
    const armType = change.after.type ?? change.before.type;
    if (isRunType(armType)) return unknownAction("run", action) ?? runFlag(change, action);
    const side = transferSideOfType(armType);
    if (side) {
      const pipeline = `${side} pipeline "${nameOf(change)}"`;
      return unknownAction("pipeline", action) ?? pipelineFlag(change, action, pipeline);
    }
  }
  const readGrant = GRANT_READERS.get(change.type);
  if (readGrant) {
    const held = readGrant(PLAN_KEYS, change.address, change.before);
    return unknownAction("grant", action) ?? grantFlag(change, action, held);
  }
  if (change.type === SECRET_TYPE)
    return unknownAction("secret", action) ?? secretFlag(change, action);
  return undefined;
}

function unknownAction(kind: string, action: PlanAction): Summary {
  return action === "unknown"
    ? {
        kind,
        summary: `the plan's action list is not one Terraform documents: review this ${kind} by hand`,
      }
    : undefined;
}

/**
 * A run's flag, and when its state says it failed, the service's error: with what the plan does
 * about it, or how to re-run it when the plan does nothing.
 */
function runFlag(change: PlannedChange, action: PlanAction): Summary {
  const failure = failedRun(change);
  const flag = plannedRunFlag(change, action);
  if (!failure) return flag;
  if (flag) return { ...flag, summary: `${flag.summary}; it ${failure}` };
  return {
    kind: "run",
    summary:
      `run "${nameOf(change)}" ${failure}; this plan does not re-run it (give it a new ` +
      `rerunToken, or terraform apply -replace=${change.address})`,
  };
}

/** "failed when last applied: <error>" when the run's state says Failed, else undefined. */
function failedRun(change: PlannedChange): string | undefined {
  const output = asRecord(change.before.output);
  if (output.status !== "Failed") return undefined;
  const message = typeof output.error_message === "string" ? output.error_message : "";
  return `failed when last applied: ${message || "the service gave no message"}`;
}

function plannedRunFlag(change: PlannedChange, action: PlanAction): Summary {
  const before = readRun(PLAN_KEYS, change.address, change.before);
  const after = readRun(PLAN_KEYS, change.address, change.after);
  const run = `run "${nameOf(change)}"`;
  const what = [
    after.artifacts.length > 0 ? `${after.artifacts.length} artifact(s)` : undefined,
    after.blob !== undefined ? `blob ${after.blob}` : undefined,
  ].filter((part) => part !== undefined);
  const detail = what.length > 0 ? ` (${what.join(", ")})` : "";
  if (action === "replace") {
    return { kind: "run", summary: `${run} re-runs: it is replaced${reason(change)}${detail}` };
  }
  if (action === "create") return { kind: "run", summary: `${run} runs: it is created${detail}` };
  if (action !== "update") return undefined;
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

function pipelineFlag(change: PlannedChange, action: PlanAction, pipeline: string): Summary {
  if (action === "replace") {
    return {
      kind: "pipeline",
      summary: `${pipeline} is replaced${reason(change)}: ${replaceOrder(change, "it is deleted and created again", "a new one is created before the old one is deleted (create_before_destroy)")}, with a new system-assigned identity if it has one`,
    };
  }
  if (action === "delete") return { kind: "pipeline", summary: `${pipeline} is destroyed` };
  if (action === "forget") {
    return {
      kind: "pipeline",
      summary: `${pipeline} is forgotten: Terraform stops managing it, and it stays in Azure`,
    };
  }
  return undefined;
}

function grantFlag(change: PlannedChange, action: PlanAction, held: Grant): Summary {
  const grant = describeGrant(held);
  if (action === "replace") {
    return {
      kind: "grant",
      summary: `${grant} is replaced${reason(change)}: ${replaceOrder(change, "removed, then made again", "made again, then the old one removed (create_before_destroy)")}; runs may fail until the new grant propagates`,
    };
  }
  if (action === "delete") return { kind: "grant", summary: `${grant} is removed` };
  if (action === "forget") {
    return {
      kind: "grant",
      summary: `${grant} is forgotten: Terraform stops managing it, and it stays in Azure`,
    };
  }
  if (action !== "update") return undefined;
  const after = new Set(stringList(change.after.secret_permissions));
  const lost = stringList(change.before.secret_permissions).filter((p) => !after.has(p));
  return lost.length > 0
    ? { kind: "grant", summary: `${grant} loses secret permissions ${lost.join(", ")}` }
    : undefined;
}

function secretFlag(change: PlannedChange, action: PlanAction): Summary {
  const secret = `secret "${nameOf(change)}"`;
  if (action === "delete") {
    return { kind: "secret", summary: `${secret} is deleted: pipelines that read it fail` };
  }
  if (action !== "update" && action !== "replace") return undefined;
  const before = change.before.value_wo_version;
  const after = change.after.value_wo_version;
  if (before === after) return undefined;
  return {
    kind: "secret",
    summary: `${secret} changes its write-only version ${String(before ?? "none")} → ${String(after ?? "none")}: Terraform writes a new token value`,
  };
}

function describeGrant(grant: Grant): string {
  const target = grant.target;
  if (target.kind === "role")
    return `role assignment "${target.role}" on ${StackNames.scope(grant)}`;
  const permissions = target.secretPermissions.join(", ") || "none";
  return `access policy (secrets ${permissions}) on vault ${target.vault}`;
}

/** The order of a replacement, as the action list tells it. */
function replaceOrder(change: PlannedChange, deleteFirst: string, createFirst: string): string {
  return change.actions[0] === "create" ? createFirst : deleteFirst;
}

/** The action list as the flag shows it, with the import or move the plan also does. */
function describeActions(change: PlannedChange): string {
  const notes = [
    change.importing ? "import" : undefined,
    change.previousAddress !== undefined ? `moved from ${change.previousAddress}` : undefined,
  ].filter((n) => n !== undefined);
  const actions = change.actions.join(", ");
  return notes.length > 0 ? `${actions}; ${notes.join("; ")}` : actions;
}

function reason(change: PlannedChange): string {
  const paths = change.replacePaths.map((p) =>
    Array.isArray(p) ? p.map(pathStep).join(".") : pathStep(p),
  );
  if (paths.length > 0) return ` (${paths.join(", ")} changed)`;
  return change.actionReason ? ` (${change.actionReason})` : "";
}

/** One step of a replace path: a name or an index; anything else as JSON. */
function pathStep(step: unknown): string {
  return typeof step === "string" || typeof step === "number" ? String(step) : JSON.stringify(step);
}

function nameOf(change: PlannedChange): string {
  const name = change.after.name ?? change.before.name;
  return typeof name === "string" ? name : change.address;
}
