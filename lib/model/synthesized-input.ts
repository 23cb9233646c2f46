import { TerraformStack } from "../core/cdk";
import { synthJson } from "./synth-json";
import { SynthesizedTerraform } from "./terraform-json";

/** What the matchers and the conformance check accept: a stack, its JSON, or the JSON parsed. */
export type SynthesizedInput = TerraformStack | string | object;

/** Parses the input: synthesizes a stack with synthJson, parses a string, passes objects through. */
export function toSynthesized(input: SynthesizedInput): SynthesizedTerraform {
  if (TerraformStack.isStack(input)) return JSON.parse(synthJson(input));
  if (typeof input === "string") return JSON.parse(input);
  if (input !== null && typeof input === "object") return input as SynthesizedTerraform;
  throw new TypeError(
    `expected a TerraformStack or synthesized Terraform JSON, received ${typeof input}`,
  );
}
