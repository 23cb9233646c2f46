import { booleanToHclTerraform, numberToHclTerraform } from "../core/cdk";
import {
  escapeTemplateLiterals,
  hclQuotedContent,
  isSingleToken,
  mapStrings,
} from "../private/terraform-strings";

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

/**
 * Terraform JSON: every set argument, a single block written as an object. Literal text is
 * escaped for Terraform's templates (`$${`, `%%{`); cdktf tokens stay references.
 */
export function toJsonAttributes(values: AttributeValues): Record<string, unknown> {
  return mapStrings(withoutUndefined(values), escapeTemplateLiterals) as Record<string, unknown>;
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

/**
 * HCL: every set argument with the type information cdktf's HCL renderer needs. Strings, lists
 * and maps go through the renderer's `any` path as finished HCL (see hclStrings), because its
 * string path writes values with quotes, backslashes or newlines unescaped (a value could close
 * its string and add attributes) and leaves templates to be evaluated.
 */
export function toHclAttributes(
  spec: AttributeSpec,
  values: AttributeValues,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(withoutUndefined(values) as Record<string, unknown>)) {
    out[name] = hclAttribute(spec[name] ?? "dynamic", value);
  }
  return out;
}

function hclAttribute(kind: AttributeKind, value: unknown): Record<string, unknown> {
  switch (kind) {
    case "number":
      return simple(numberToHclTerraform(value), "number");
    case "boolean":
      return simple(booleanToHclTerraform(value), "boolean");
    case "string":
    case "stringList":
    case "stringMap":
    case "dynamic":
    case "object":
      return { value: hclStrings(value), isBlock: false, type: "any", storageClassType: "any" };
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
 * Every string as cdktf's `any` renderer must receive it to write it unchanged: a lone token as
 * it is (a reference); otherwise the escaped content of an HCL quoted string, which the renderer
 * wraps in quotes when it holds `${` (a reference or an escaped template) and takes as finished
 * HCL when it starts with a quote. A rerun token "1" thus stays the string "1", not the number.
 */
function hclStrings(value: unknown): unknown {
  return mapStrings(value, (text) => {
    if (isSingleToken(text)) return text;
    const content = hclQuotedContent(text);
    return content.includes("${") ? content : `"${content}"`;
  });
}

function simple(value: unknown, storageClassType: string): Record<string, unknown> {
  return { value, isBlock: false, type: "simple", storageClassType };
}

function toHclBlockBody(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
    out[name] = hclAttribute(typeof inner === "number" ? "number" : "dynamic", inner);
  }
  return out;
}
