import { asRecord } from "../private/records";
import { TerraformBlock } from "./terraform-json";

/**
 * One entry of `resource_changes` in Terraform's JSON plan (`terraform show -json <planfile>`,
 * https://developer.hashicorp.com/terraform/internals/json-format#plan-representation).
 */
export interface PlannedChange {
  /** Full address, e.g. `azapi_resource.Run` or `module.x.azapi_resource.Run[0]`. */
  readonly address: string;
  /** Resource type, e.g. `azapi_resource`. */
  readonly type: string;
  /** "managed" or "data". */
  readonly mode: string;
  /**
   * `change.actions`: ["no-op"], ["create"], ["read"], ["update"], ["delete", "create"],
   * ["create", "delete"], ["delete"] or ["forget"].
   */
  readonly actions: readonly string[];
  /** `change.before`: the values in state ({} when created). */
  readonly before: TerraformBlock;
  /** `change.after`: the planned values ({} when deleted); unknown values are absent. */
  readonly after: TerraformBlock;
  /** `change.after_unknown`: the same shape as after, `true` where a value is known only after apply. */
  readonly afterUnknown: Record<string, unknown>;
  /** `action_reason`, e.g. "replace_because_cannot_update". */
  readonly actionReason?: string;
  /** `change.replace_paths`: the attribute paths that force a replacement. */
  readonly replacePaths: readonly unknown[];
  /** Whether `change.importing` is set: the resource is imported into state by this plan. */
  readonly importing: boolean;
  /** `previous_address`: the address it is moved from, when a `moved` block moves it. */
  readonly previousAddress?: string;
}

/** A JSON plan, parsed: what the review reads. */
export interface PlanModel {
  /** `format_version`. */
  readonly formatVersion: string;
  /** Every resource change, in plan order. */
  readonly changes: readonly PlannedChange[];
  /** Addresses of the resources in the plan's configuration and changes, to tell its stack. */
  readonly addresses: ReadonlySet<string>;
}

/**
 * Reads the output of `terraform show -json <planfile>`. Throws when the document is not a JSON
 * plan (no `format_version`, or neither `planned_values` nor `resource_changes`).
 */
export function readPlan(doc: unknown): PlanModel {
  const plan = asRecord(doc);
  if (
    typeof plan.format_version !== "string" ||
    (plan.planned_values === undefined && plan.resource_changes === undefined)
  ) {
    throw new Error(
      "is not a Terraform JSON plan (expected format_version and planned_values or resource_changes, as written by `terraform show -json <planfile>`)",
    );
  }
  const changes = (Array.isArray(plan.resource_changes) ? plan.resource_changes : []).map(
    (entry): PlannedChange => {
      const rc = asRecord(entry);
      const change = asRecord(rc.change);
      return {
        address: typeof rc.address === "string" ? rc.address : "",
        type: typeof rc.type === "string" ? rc.type : "",
        mode: typeof rc.mode === "string" ? rc.mode : "managed",
        actions: Array.isArray(change.actions) ? change.actions.map(String) : [],
        before: asRecord(change.before),
        after: asRecord(change.after),
        afterUnknown: asRecord(change.after_unknown),
        actionReason: typeof rc.action_reason === "string" ? rc.action_reason : undefined,
        replacePaths: Array.isArray(change.replace_paths) ? change.replace_paths : [],
        importing: change.importing !== undefined && change.importing !== null,
        previousAddress: typeof rc.previous_address === "string" ? rc.previous_address : undefined,
      };
    },
  );
  const configured = asRecord(asRecord(plan.configuration).root_module).resources;
  const configAddresses = (Array.isArray(configured) ? configured : [])
    .map((r) => asRecord(r).address)
    .filter((a): a is string => typeof a === "string");
  return {
    formatVersion: plan.format_version,
    changes,
    addresses: new Set([...changes.map((c) => baseAddress(c.address)), ...configAddresses]),
  };
}

/** An address without its module path and instance key: `module.m.x.y["k"]` is `x.y`. */
export function baseAddress(address: string): string {
  const withoutKey = address.replace(/\[[^\]]*\]$/, "");
  const parts = withoutKey.split(".");
  while (parts[0] === "module" && parts.length > 2) parts.splice(0, 2);
  return parts.join(".");
}
