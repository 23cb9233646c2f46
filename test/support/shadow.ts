import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** ../shared/tools/terraform-shadow.mjs: Terraform's validate and plan without providers. */
export const SHADOW = resolve(__dirname, "../../../shared/tools/terraform-shadow.mjs");

/** Whether Terraform itself is on PATH (or at $TERRAFORM). */
export const HAS_TERRAFORM = (() => {
  try {
    execFileSync(process.env.TERRAFORM ?? "terraform", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Empty when Terraform can run; else why its tests are skipped, for their titles. */
export const TERRAFORM_SKIP = HAS_TERRAFORM ? "" : " (skipped: terraform is not on PATH)";

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

/**
 * What Terraform itself makes of a configuration's outputs: `file` (main.tf or main.tf.json)
 * with `content`, evaluated by `terraform plan` with no provider.
 */
export function evaluateOutputs(file: string, content: string): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), "acr-tf-"));
  try {
    writeFileSync(join(dir, file), content);
    const tf = process.env.TERRAFORM ?? "terraform";
    const env = { ...process.env, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "" };
    const run = (args: string[]) => execFileSync(tf, args, { cwd: dir, env, stdio: "pipe" });
    run(["init", "-input=false", "-no-color"]);
    run(["plan", "-input=false", "-no-color", "-out=plan"]);
    const shown = JSON.parse(run(["show", "-json", "plan"]).toString());
    return Object.fromEntries(
      Object.entries<any>(shown.planned_values.outputs).map(([k, v]) => [k, v.value]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
