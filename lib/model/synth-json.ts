import { invokeAspects, TerraformStack } from "../core/cdk";

/** Options of {@link synthJson}. */
export interface SynthJsonOptions {
  /**
   * Run the stack's validations first (throwing on the first error), as
   * `Testing.synth(stack, true)` does.
   * @default false, as in `Testing.synth(stack)`
   */
  readonly runValidations?: boolean;
}

/**
 * The stack's Terraform JSON with cdktf's `"//"` metadata removed at every depth and keys
 * sorted, indented by two spaces: the same bytes as cdktf's `Testing.synth(stack)`, in time
 * linear in the size of the output (plus sorting each object's keys), where `Testing.synth`
 * copies every object once per key and so grows with the square of the number of resources.
 */
export function synthJson(stack: TerraformStack, options: SynthJsonOptions = {}): string {
  invokeAspects(stack);
  if (options.runValidations) stack.runAllValidations();
  return stableJson(stack.toTerraform());
}

const METADATA_KEY = "//";
const SPACE = "  ";
function indent(level: number): string {
  return "\n" + SPACE.repeat(level);
}

/** Whether JSON leaves the value out of objects (and writes null for it in arrays). */
function isAbsent(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/**
 * `json-stable-stringify(value, { space: 2 })` of `value` with every `"//"` key dropped, which
 * is what `Testing.synth` prints: keys in code-unit order, `undefined` members left out,
 * `null` for absent array items, and empty containers written across two lines.
 */
function stableJson(value: unknown, level = 0): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = indent(level + 1);
  let out = "";
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out +=
        (i === 0 ? inner : "," + inner) + (isAbsent(item) ? "null" : stableJson(item, level + 1));
    }
    return "[" + out + indent(level) + "]";
  }
  const record = value as Record<string, unknown>;
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (key === METADATA_KEY || isAbsent(member)) continue;
    out +=
      (first ? inner : "," + inner) + JSON.stringify(key) + ": " + stableJson(member, level + 1);
    first = false;
  }
  return "{" + out + indent(level) + "}";
}
