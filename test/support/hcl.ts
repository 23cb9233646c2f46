import { parse } from "@cdktf/hcl2json";
import { TerraformStack, Testing } from "cdktf";

/** What `cdktf synth --hcl` writes for a stack, parsed back by Terraform's own HCL parser (wasm). */
export async function synthHclParsed(stack: TerraformStack): Promise<Record<string, any>> {
  return parse("main.tf", Testing.synthHcl(stack));
}

/** The `body` of every azapi_resource, by name, from synthesized JSON. */
export function jsonBodies(stack: TerraformStack): Record<string, unknown> {
  const synth = JSON.parse(Testing.synth(stack));
  return Object.fromEntries(
    Object.entries<any>(synth.resource?.azapi_resource ?? {}).map(([name, r]) => [name, r.body]),
  );
}

/** The `body` of every azapi_resource, by name, from parsed HCL. */
export function hclBodies(parsed: Record<string, any>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries<any>(parsed.resource?.azapi_resource ?? {}).map(([name, [r]]) => [name, r.body]),
  );
}
