import * as cdktf from "cdktf";

/** How one Terraform argument is written; drives both JSON and HCL synthesis. */
export type AttributeKind =
  | "string"
  | "number"
  | "boolean"
  | "stringList"
  | "stringMap"
  | "dynamic"
  | "object"
  | "block"
  | "blockList";

/** The Terraform argument names of one resource, data source or provider, by kind. */
export type AttributeSpec = Readonly<Record<string, AttributeKind>>;

/** Values keyed by Terraform argument name (snake_case), undefined when unset. */
export type AttributeValues = Readonly<Record<string, unknown>>;

/** Terraform JSON: every set argument as it is; a single block is written as an object. */
export function toJsonAttributes(values: AttributeValues): Record<string, unknown> {
  return withoutUndefined(values) as Record<string, unknown>;
}

/** A copy of plain objects and arrays with every undefined member left out, at any depth. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== "object" || !isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value)) {
    if (inner !== undefined) out[name] = withoutUndefined(inner);
  }
  return out;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** HCL: every set argument with the type information cdktf's HCL renderer needs. */
export function toHclAttributes(
  spec: AttributeSpec,
  values: AttributeValues,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(toJsonAttributes(values))) {
    out[name] = hclAttribute(spec[name] ?? "dynamic", value);
  }
  return out;
}

function hclAttribute(kind: AttributeKind, value: unknown): Record<string, unknown> {
  switch (kind) {
    case "string":
      return simple(cdktf.stringToHclTerraform(value), "string");
    case "number":
      return simple(cdktf.numberToHclTerraform(value), "number");
    case "boolean":
      return simple(cdktf.booleanToHclTerraform(value), "boolean");
    case "stringList":
      return {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(value),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      };
    case "stringMap":
      return {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(value),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      };
    case "dynamic":
    case "object":
      return { value: quoteStrings(value), isBlock: false, type: "any", storageClassType: "any" };
    case "block":
      return {
        value: toHclBlockBody(value),
        isBlock: true,
        type: "struct",
        storageClassType: kind,
      };
    case "blockList":
      return {
        value: (value as Record<string, unknown>[]).map(toHclBlockBody),
        isBlock: true,
        type: "list",
        storageClassType: kind,
      };
  }
}

/**
 * cdktf's HCL renderer writes a string of an `any` value bare when it looks like a number or
 * starts with "[", "{" or a quote, and does not escape backslashes: a rerun token "1" would
 * become the number 1. Every literal string is therefore handed over as a finished HCL string
 * literal (which the renderer passes through); references ("${...}") are left to it. Template
 * sequences keep the meaning they have in the JSON output, where strings are templates too.
 */
function quoteStrings(value: unknown): unknown {
  if (typeof value === "string") {
    if (value.includes("${")) return value;
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return value.map(quoteStrings);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, quoteStrings(v)]));
  }
  return value;
}

function simple(value: unknown, storageClassType: string): Record<string, unknown> {
  return { value, isBlock: false, type: "simple", storageClassType };
}

function toHclBlockBody(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
    out[name] = Array.isArray(inner)
      ? hclAttribute("stringList", inner)
      : hclAttribute(typeof inner === "number" ? "number" : "string", inner);
  }
  return out;
}
