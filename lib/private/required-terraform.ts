import { inform } from "./annotations";
import { TerraformStack } from "../core/cdk";
import { IConstruct } from "constructs";
import { stackLedger } from "./ledger";

/** Terraform's first release with write-only arguments (`value_wo`). */
export const WRITE_ONLY_TERRAFORM = ">= 1.11";

/** What a stack's terraform block overrides hold, as far as this file reads them. */
interface TerraformOverrides {
  readonly terraform?: { readonly required_version?: unknown };
}

/**
 * Makes the stack of `scope` declare `required_version` (once per stack), so that older
 * Terraform refuses the configuration at init instead of failing at plan. A stack that already
 * sets its own required_version keeps it, with an info note saying what it must admit.
 */
export function requireTerraformVersion(scope: IConstruct, constraint: string, why: string): void {
  const held = stackLedger(scope);
  if (!held.firstInStack(`required_version|${constraint}`)) return;
  const stack = held.stack;
  const own = (stack as unknown as { rawOverrides: TerraformOverrides }).rawOverrides.terraform
    ?.required_version;
  if (own !== undefined) {
    inform(
      stack,
      `this stack sets required_version ${JSON.stringify(own)}; ${why}, so it must admit only Terraform ${constraint}`,
    );
    return;
  }
  stack.addOverride("terraform.required_version", constraint);
  renderRequiredVersionInHcl(stack, constraint);
}

/**
 * cdktf 0.21's HCL renderer writes the terraform block's plain attributes by index
 * (`0 = "required_version"`), which is not valid for Terraform. This wraps the stack's HCL
 * rendering to write `required_version = "<constraint>"` there; when cdktf renders it right,
 * the pattern does not occur and nothing changes.
 */
function renderRequiredVersionInHcl(stack: TerraformStack, constraint: string): void {
  const render = stack.toHclTerraform.bind(stack);
  stack.toHclTerraform = () => {
    const rendered = render();
    const hcl = String(rendered.hcl).replace(
      /^(\s*)\d+ = "required_version"$/m,
      (_line, indent: string) => `${indent}required_version = ${JSON.stringify(constraint)}`,
    );
    return { ...rendered, hcl };
  };
}
