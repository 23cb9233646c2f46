/**
 * What the azapi provider (2.x) sends for an `azapi_resource` block, and what it makes of the
 * service's answer: read from Azure/terraform-provider-azapi v2.12.0.
 *
 * - Sending (`internal/services/azapi_resource.go` CreateUpdate, expandBody): the body, plus
 *   `location` and `tags` when set, plus the identity block as
 *   `{ type, userAssignedIdentities: { <id>: {} } }`.
 * - Reading (Read): the state's body is `utils.UpdateObject(config body, response)` (keys the
 *   configuration does not have are dropped; a key the response lacks keeps the configured value
 *   while `ignore_missing_property` is true, the default; strings compare exactly unless
 *   `ignore_casing`); a response `location` that differs from the configured one (lower case, no
 *   spaces) replaces it; the identity block is read back with `FlattenIdentity` (type matched
 *   ignoring case, identity IDs re-parsed) and planned equal when the type is the same and the
 *   IDs are the same ignoring case and order (`IdentityIDsSemanticallyEqual`).
 */

type Json = unknown;
type JsonObject = Record<string, Json>;

function isObject(value: Json): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The request body azapi sends for a block of synthesized JSON (expandBody). */
export function azapiRequestBody(config: JsonObject): JsonObject {
  const body: JsonObject = { ...((config.body as JsonObject | undefined) ?? {}) };
  if (body.location === undefined && config.location) body.location = config.location;
  if (body.tags === undefined && isObject(config.tags) && Object.keys(config.tags).length > 0)
    body.tags = config.tags;
  const identity = Array.isArray(config.identity) ? (config.identity[0] as JsonObject) : undefined;
  if (body.identity === undefined && identity) {
    const ids = (identity.identity_ids as string[] | undefined) ?? [];
    body.identity = {
      type: identity.type,
      ...(ids.length > 0
        ? { userAssignedIdentities: Object.fromEntries(ids.map((id) => [id, {}])) }
        : {}),
    };
  }
  return body;
}

interface UpdateOptions {
  readonly ignoreCasing: boolean;
  readonly ignoreMissingProperty: boolean;
  readonly ignoreNullProperty: boolean;
}

function deepEqual(a: Json, b: Json): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}

function isZero(value: Json): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  return value === "" || value === 0 || value === false;
}

const nameOf = (item: Json) => (isObject(item) && typeof item.name === "string" ? item.name : "");

/** utils.UpdateObject: `old` shaped as the configuration, with the values of `next`. */
export function updateObject(old: Json, next: Json, options: UpdateOptions): Json {
  if (deepEqual(old, next)) return old;
  if (isObject(old) && isObject(next)) {
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(old)) {
      if (value === null && options.ignoreNullProperty) out[key] = null;
      else if (next[key] !== null && next[key] !== undefined)
        out[key] = updateObject(value, next[key], options);
      else if (options.ignoreMissingProperty || isZero(value)) out[key] = value;
    }
    return out;
  }
  if (Array.isArray(old) && Array.isArray(next)) {
    if (old.length === 0 || next.length === 0) return next;
    if (nameOf(old[0]) === "" || nameOf(next[0]) === "") {
      if (old.length !== next.length) return next;
      return old.map((item, i) => updateObject(item, next[i], options));
    }
    const used = next.map(() => false);
    const out: Json[] = [];
    for (const item of old) {
      let index = next.findIndex((n, i) => !used[i] && deepEqual(item, n));
      if (index < 0) index = next.findIndex((n, i) => !used[i] && nameOf(n) === nameOf(item));
      if (index >= 0) {
        used[index] = true;
        out.push(updateObject(item, next[index], options));
      }
    }
    next.forEach((n, i) => used[i] || out.push(n));
    return out;
  }
  if (typeof old === "string" && typeof next === "string") {
    if (options.ignoreCasing && old.toLowerCase() === next.toLowerCase()) return old;
    if (
      options.ignoreMissingProperty &&
      (/^\*+$/.test(next) || next === "<redacted>" || next === "")
    )
      return old;
  }
  return next;
}

/** FlattenIdentity's type: "SystemAssigned, UserAssigned" when it lists both, else by case-folded name. */
function flattenedType(type: string): string {
  if (type.includes(",")) return "SystemAssigned, UserAssigned";
  const known = ["UserAssigned", "SystemAssigned"].find(
    (t) => t.toLowerCase() === type.toLowerCase(),
  );
  return known ?? "None";
}

const IDENTITY_ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/([^/]+)$/i;

function identityDiffs(config: JsonObject, response: JsonObject): string[] {
  const configured = Array.isArray(config.identity)
    ? (config.identity[0] as JsonObject)
    : undefined;
  const answered = isObject(response.identity) ? response.identity : undefined;
  const answeredType = answered ? flattenedType(String(answered.type)) : undefined;
  if (!configured) {
    return answered && answeredType !== "None"
      ? [`identity: the service reports ${answeredType}, the configuration has none`]
      : [];
  }
  if (!answered) {
    return configured.type === "None" ? [] : ["identity: the service reports none"];
  }
  const diffs: string[] = [];
  if (answeredType !== configured.type)
    diffs.push(
      `identity.type: configured "${String(configured.type)}", read back "${answeredType}"`,
    );
  const readIds = Object.keys((answered.userAssignedIdentities as JsonObject | undefined) ?? {})
    .map((id) => IDENTITY_ID.exec(id))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(
      (m) =>
        `/subscriptions/${m[1]}/resourceGroups/${m[2]}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${m[3]}`,
    );
  const norm = (ids: string[]) =>
    ids
      .map((id) => id.toLowerCase())
      .sort()
      .join("\n");
  const configuredIds = (configured.identity_ids as string[] | undefined) ?? [];
  if (norm(readIds) !== norm(configuredIds))
    diffs.push(
      `identity.identity_ids: configured ${JSON.stringify(configuredIds)}, read back ${JSON.stringify(readIds)}`,
    );
  return diffs;
}

function bodyDiffs(path: string, planned: Json, state: Json): string[] {
  if (deepEqual(planned, state)) return [];
  if (isObject(planned) && isObject(state)) {
    const keys = [...new Set([...Object.keys(planned), ...Object.keys(state)])];
    return keys.flatMap((k) => bodyDiffs(`${path}.${k}`, planned[k], state[k]));
  }
  return [`${path}: configured ${JSON.stringify(planned)}, read back ${JSON.stringify(state)}`];
}

/**
 * Replays azapi's read of `response` (the service's GET body) over one `azapi_resource` block
 * of synthesized JSON, and returns the differences the next plan would show (empty: no diff).
 */
export function planDiffAfterRead(config: JsonObject, response: JsonObject): string[] {
  const body = (config.body as JsonObject | undefined) ?? {};
  const state = updateObject(body, response, {
    ignoreCasing: config.ignore_casing === true,
    ignoreMissingProperty: config.ignore_missing_property !== false,
    ignoreNullProperty: config.ignore_null_property === true,
  });
  const diffs = bodyDiffs("body", body, state);
  const norm = (l: Json) =>
    String(l ?? "")
      .toLowerCase()
      .replace(/ /g, "");
  if (typeof response.location === "string" && norm(response.location) !== norm(config.location))
    diffs.push(
      `location: configured ${JSON.stringify(config.location)}, read back "${response.location}"`,
    );
  if (body.identity === undefined) diffs.push(...identityDiffs(config, response));
  return diffs;
}
