import { readReferenceJson } from "./reference";

/**
 * What the azapi provider (2.x) checks before it sends an `azapi_resource`: the body against the
 * bicep types it embeds for `type@api-version` (../shared/reference/azure/bicep-types/), with the
 * provider's own semantics, read from Azure/terraform-provider-azapi v2.12.0:
 *
 * - `internal/services/resource.go` schemaValidate: the body plus `name`, `location` and `tags`
 *   when set and `identity` as `{ type, userAssignedIdentities: { <id>: null } }` is validated;
 *   errors "`location` is required" and "`tags` is required" are dropped; a type@api-version
 *   the provider does not embed is refused.
 * - `internal/azure/types/*.go` Validate: null and unknown values pass; an object property that
 *   is read-only (and not required) may not be set; a property the type does not list is refused
 *   unless the type has additionalProperties; a required, writable property must be present
 *   (except `name` at the top); string length and pattern, literal values, unions (any element
 *   matches), arrays item by item.
 *
 * Values the configuration only knows at apply time (strings holding `${...}` in synthesized
 * JSON) are unknown at validate time, as in Terraform: they pass, but count as present.
 */

/** One node of a bicep-types file. */
type BicepType = Record<string, any>;

const READ_ONLY = 2;
const REQUIRED = 1;

interface TypeFile {
  readonly types: BicepType[];
}

const files = new Map<string, TypeFile>();

function typeFile(apiVersion: string): TypeFile {
  let file = files.get(apiVersion);
  if (!file) {
    const types = readReferenceJson(`azure/bicep-types/${apiVersion}.json`) as unknown;
    file = { types: types as BicepType[] };
    files.set(apiVersion, file);
  }
  return file;
}

function deref(file: TypeFile, ref: { $ref: string }): BicepType {
  return file.types[Number(ref.$ref.replace("#/", ""))];
}

/** The `ResourceType` azapi embeds for `type@api-version`, or why there is none. */
export function embeddedResourceType(
  azureType: string,
  apiVersion: string,
): { file: TypeFile; resource: BicepType } | { error: string } {
  const index = readReferenceJson("azure/bicep-types/index.json") as Record<string, any>;
  const versions = index.resources[azureType];
  if (!versions) return { error: `resource type ${azureType} is not in the reference types` };
  const entry = versions[apiVersion];
  if (!entry) {
    return {
      error:
        `the argument "type"'s api-version is invalid. The supported versions are ` +
        `[${Object.keys(versions).join(", ")}]`,
    };
  }
  const file = typeFile(apiVersion);
  return { file, resource: deref(file, { $ref: entry.ref }) };
}

/** Whether the value is only known at apply time (a Terraform expression). */
function unknown(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  return typeof value;
}

/** azapi's Validate for one type node; paths are written as azapi writes them ("properties.target.uri"). */
export function validateType(
  file: TypeFile,
  type: BicepType,
  value: unknown,
  path: string,
): string[] {
  if (value === undefined || value === null || unknown(value)) return [];
  const at = path.replace(/^\./, "");
  switch (type.$type) {
    case "ResourceType":
      return validateType(file, deref(file, type.body), value, path);
    case "ObjectType":
      return validateObject(file, type, value, path);
    case "ArrayType": {
      if (!Array.isArray(value))
        return [`\`${at}\` is invalid, expect \`array\` but got ${kindOf(value)}`];
      return value.flatMap((item, i) =>
        validateType(file, deref(file, type.itemType), item, `${path}.${i}`),
      );
    }
    case "StringType": {
      if (typeof value !== "string")
        return [`\`${at}\` is invalid, expect \`string\` but got ${kindOf(value)}`];
      if (type.minLength !== undefined && value.length < type.minLength)
        return [`\`${at}\` is invalid, string length is less than ${type.minLength}`];
      if (type.maxLength !== undefined && value.length > type.maxLength)
        return [`\`${at}\` is invalid, string length is greater than ${type.maxLength}`];
      if (type.pattern && !new RegExp(type.pattern).test(value))
        return [`\`${at}\` is invalid, string does not match pattern ${type.pattern}`];
      return [];
    }
    case "StringLiteralType":
      return value === type.value
        ? []
        : [`\`${at}\` is invalid, expect \`${type.value}\` but got \`${String(value)}\``];
    case "UnionType": {
      const elements: BicepType[] = type.elements.map((e: { $ref: string }) => deref(file, e));
      if (elements.some((e) => validateType(file, e, value, path).length === 0)) return [];
      const literals = elements.filter((e) => e.$type === "StringLiteralType").map((e) => e.value);
      return [
        `\`${at}\`'s value \`${String(value)}\` is invalid. The supported values are [${literals.join(", ")}]`,
      ];
    }
    default:
      return [`\`${at}\` has a type this validator does not know: ${type.$type}`];
  }
}

function validateObject(file: TypeFile, type: BicepType, value: unknown, path: string): string[] {
  const at = path.replace(/^\./, "");
  if (kindOf(value) !== "object")
    return [`\`${at}\` is invalid, expect \`object\` but got ${kindOf(value)}`];
  const body = value as Record<string, unknown>;
  const properties: Record<string, { type: { $ref: string }; flags: number }> =
    type.properties ?? {};
  const errors: string[] = [];
  for (const [key, inner] of Object.entries(body)) {
    const property = properties[key];
    const where = `${path}.${key}`.replace(/^\./, "");
    if (property) {
      if (property.flags & READ_ONLY) {
        if (!(property.flags & REQUIRED))
          errors.push(`\`${where}\` is not expected here, it's read only`);
        continue;
      }
      errors.push(...validateType(file, deref(file, property.type), inner, `${path}.${key}`));
    } else if (type.additionalProperties) {
      errors.push(
        ...validateType(file, deref(file, type.additionalProperties), inner, `${path}.${key}`),
      );
    } else {
      errors.push(`\`${where}\` is not expected here`);
    }
  }
  for (const [key, property] of Object.entries(properties)) {
    if (!(property.flags & REQUIRED) || property.flags & READ_ONLY) continue;
    if (key in body) continue;
    if (path === "" && key === "name") continue;
    errors.push(
      `\`${`${path}.${key}`.replace(/^\./, "")}\` is required, but no definition was found`,
    );
  }
  return errors;
}

/** The identity block as azapi puts it into the body it validates. */
function identityBody(identity: Record<string, any>): Record<string, unknown> {
  const ids: string[] = identity.identity_ids ?? [];
  return ids.length === 0
    ? { type: identity.type }
    : {
        type: identity.type,
        userAssignedIdentities: Object.fromEntries(ids.map((id) => [id, null])),
      };
}

/**
 * azapi's schema validation of one `azapi_resource` block of synthesized JSON: the errors it
 * reports at `terraform validate`, as azapi words them (empty when the body passes). A block
 * with `schema_validation_enabled = false` is not validated by azapi, and returns none.
 */
export function azapiBodyErrors(config: Record<string, any>): string[] {
  if (config.schema_validation_enabled === false) return [];
  const [azureType, apiVersion] = String(config.type).split("@");
  const found = embeddedResourceType(azureType, apiVersion);
  if ("error" in found) return [found.error];
  if (config.body !== undefined && kindOf(config.body) !== "object") {
    return [`the argument "body" is invalid: expect an object, got ${kindOf(config.body)}`];
  }
  const identity = Array.isArray(config.identity) ? config.identity[0] : undefined;
  const body = {
    ...(config.body ?? {}),
    name: config.name ?? null,
    ...(config.location !== undefined ? { location: config.location } : {}),
    ...(config.tags !== undefined ? { tags: config.tags } : {}),
    ...(identity ? { identity: identityBody(identity) } : {}),
  };
  return validateType(found.file, found.resource, body, "").filter(
    (e) => !e.includes("`location` is required") && !e.includes("`tags` is required"),
  );
}
