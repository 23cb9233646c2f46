/**
 * The attribute schema of `azapi_resource` (azapi v2.12.0, `internal/services/azapi_resource.go`
 * Schema, `internal/retry/schema.go`, the framework's timeouts block), as Terraform JSON must
 * write it: what `terraform validate` refuses before azapi looks at the body.
 *
 * - `body`, `response_export_values`, `replace_triggers_external_values`: dynamic; `body` an
 *   object (azapi's DynamicIsNotStringValidator refuses a JSON string).
 * - `identity`: a list block (JSON array of objects) with `type` (SystemAssigned, UserAssigned,
 *   "SystemAssigned, UserAssigned" or None) and `identity_ids` (user-assigned identity IDs, only
 *   with a type that includes UserAssigned); `principal_id` and `tenant_id` are computed.
 * - `retry`: a single nested attribute (JSON object), `error_message_regex` required (at least
 *   one, unique), `interval_seconds` 1-120, `max_interval_seconds` 1-300.
 * - `timeouts`: a single block (JSON object) of `create`, `update`, `read`, `delete` durations.
 * - `id` and `output` are computed; `type` is required; `parent_id` too (but for resource groups).
 */

const ARGUMENTS = new Set([
  "name",
  "parent_id",
  "type",
  "location",
  "body",
  "sensitive_body",
  "sensitive_body_version",
  "ignore_body_changes",
  "replace_triggers_external_values",
  "replace_triggers_refs",
  "ignore_casing",
  "ignore_missing_property",
  "ignore_null_property",
  "list_unique_id_property",
  "ignore_other_items_in_list",
  "response_export_values",
  "locks",
  "schema_validation_enabled",
  "tags",
  "retry",
  "create_headers",
  "create_query_parameters",
  "update_headers",
  "update_query_parameters",
  "delete_headers",
  "delete_query_parameters",
  "read_headers",
  "read_query_parameters",
  "identity",
  "timeouts",
]);
const META_ARGUMENTS = new Set([
  "depends_on",
  "count",
  "for_each",
  "provider",
  "lifecycle",
  "provisioner",
  "connection",
]);
const IDENTITY_TYPES = ["SystemAssigned", "UserAssigned", "SystemAssigned, UserAssigned", "None"];
const USER_ASSIGNED_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i;
const DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function known(value: unknown): boolean {
  return !(typeof value === "string" && value.includes("${"));
}

function identityErrors(identity: unknown): string[] {
  if (!Array.isArray(identity)) return ["identity: a list block is written as a JSON array"];
  return identity.flatMap((block, i) => {
    if (!isObject(block)) return [`identity[${i}]: a block is a JSON object`];
    const errors = Object.keys(block)
      .filter((k) => !["type", "identity_ids"].includes(k))
      .map((k) => `identity[${i}].${k}: not an argument (principal_id and tenant_id are computed)`);
    if (!IDENTITY_TYPES.includes(String(block.type)))
      errors.push(
        `identity[${i}].type "${String(block.type)}" is not one of ${IDENTITY_TYPES.join(" | ")}`,
      );
    const ids = block.identity_ids;
    if (ids === undefined) return errors;
    if (!Array.isArray(ids)) return [...errors, `identity[${i}].identity_ids: a list`];
    if (ids.length > 0 && !String(block.type).includes("UserAssigned"))
      errors.push(
        `identity[${i}]: identity_ids can only be specified when type includes UserAssigned`,
      );
    for (const id of ids) {
      if (typeof id !== "string") errors.push(`identity[${i}].identity_ids: strings only`);
      else if (known(id) && !USER_ASSIGNED_ID.test(id))
        errors.push(`identity[${i}].identity_ids: "${id}" is not a user-assigned identity ID`);
    }
    return errors;
  });
}

function retryErrors(retry: unknown): string[] {
  if (!isObject(retry)) return ["retry: a single nested attribute is written as a JSON object"];
  const allowed = [
    "error_message_regex",
    "interval_seconds",
    "max_interval_seconds",
    "multiplier",
    "randomization_factor",
  ];
  const errors = Object.keys(retry)
    .filter((k) => !allowed.includes(k))
    .map((k) => `retry.${k}: not an attribute`);
  const patterns = retry.error_message_regex;
  if (!Array.isArray(patterns) || patterns.length === 0) {
    errors.push("retry.error_message_regex: required, a list of at least one regular expression");
  } else {
    if (new Set(patterns).size !== patterns.length)
      errors.push("retry.error_message_regex: values must be unique");
    for (const p of patterns) {
      try {
        new RegExp(String(p));
      } catch {
        errors.push(`retry.error_message_regex: "${String(p)}" is not a regular expression`);
      }
    }
  }
  const range = (key: string, max: number) => {
    const v = retry[key];
    if (v !== undefined && (!Number.isInteger(v) || (v as number) < 1 || (v as number) > max))
      errors.push(`retry.${key}: a whole number from 1 to ${max}`);
  };
  range("interval_seconds", 120);
  range("max_interval_seconds", 300);
  return errors;
}

function timeoutsErrors(timeouts: unknown): string[] {
  if (!isObject(timeouts)) return ["timeouts: a single block is written as a JSON object"];
  return Object.entries(timeouts).flatMap(([k, v]) => {
    if (!["create", "update", "read", "delete"].includes(k))
      return [`timeouts.${k}: not an attribute`];
    return typeof v === "string" && (!known(v) || DURATION.test(v))
      ? []
      : [`timeouts.${k}: "${String(v)}" is not a duration such as "30m"`];
  });
}

/** What `terraform validate` refuses in one `azapi_resource` block of synthesized JSON. */
export function azapiAttributeErrors(config: Record<string, unknown>): string[] {
  const errors = Object.keys(config)
    .filter((k) => !ARGUMENTS.has(k) && !META_ARGUMENTS.has(k))
    .map(
      (k) =>
        `${k}: not an argument of azapi_resource${k === "id" || k === "output" ? " (computed)" : ""}`,
    );
  if (typeof config.type !== "string") errors.push("type: required");
  const resourceGroup = String(config.type)
    .toLowerCase()
    .startsWith("microsoft.resources/resourcegroups@");
  if (config.parent_id === undefined && !resourceGroup) errors.push("parent_id: required");
  if (config.body !== undefined && !isObject(config.body))
    errors.push("body: an object (azapi refuses a JSON string)");
  if (config.identity !== undefined) errors.push(...identityErrors(config.identity));
  if (config.retry !== undefined) errors.push(...retryErrors(config.retry));
  if (config.timeouts !== undefined) errors.push(...timeoutsErrors(config.timeouts));
  return errors;
}
