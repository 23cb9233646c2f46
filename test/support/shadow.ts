import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

/** ../shared/tools/terraform-shadow.mjs: Terraform's validate and plan without providers. */
export const SHADOW = resolve(__dirname, "../../../shared/tools/terraform-shadow.mjs");

const HAS_TERRAFORM = (() => {
  try {
    execFileSync(process.env.TERRAFORM ?? "terraform", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Empty when terraform-shadow can run; else why its tests are skipped, for their titles. */
export const SHADOW_SKIP = !existsSync(SHADOW)
  ? ` (skipped: ${SHADOW} is absent; CI has it)`
  : !HAS_TERRAFORM
    ? " (skipped: terraform is not on PATH)"
    : "";

/** Runs terraform-shadow on a folder of stacks; returns its last line. */
export function runShadow(dir: string): string {
  const out = execFileSync("node", [SHADOW, dir], { encoding: "utf8" });
  return out.trim().split("\n").pop() ?? "";
}
