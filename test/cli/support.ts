import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { expect } from "vitest";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { App, TerraformStack } from "cdktf";
import { buildApp } from "../../examples/app";
import { addProviders } from "../../examples/shared/providers";
import { ExportOption, TransferPolicyPack, TransferRules } from "../../lib";
import { addPipeline } from "../policies/fixtures";

const ROOT = resolve(__dirname, "../..");
/** The built command (npm test builds dist/ first). */
export const BIN = join(ROOT, "dist", "cli", "main.js");
/** The plan fixtures. */
export const PLANS = join(__dirname, "plans");

/** What one run of the command printed, and its exit code. */
export interface CliRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

/** Runs `node dist/cli/main.js <args>` as a child process, as CI would. */
export function cli(...args: string[]): CliRun {
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: child.stdout, stderr: child.stderr, status: child.status };
}

/** Synthesizes every example into a fresh cdktf.out and returns its path. */
export function synthExamples(): string {
  const outdir = mkdtempSync(join(tmpdir(), "acr-review-"));
  buildApp(outdir).synth();
  return outdir;
}

/**
 * Synthesizes, into a fresh cdktf.out, an app whose one stack `team` has a policy warning that
 * stands: an export pipeline with ContinueOnErrors under a pack that warns on it, nothing
 * suppressed (the examples suppress or acknowledge all of theirs). Returns its path.
 */
export function synthStandingWarning(): string {
  const outdir = mkdtempSync(join(tmpdir(), "acr-review-standing-"));
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, "team");
  addProviders(stack);
  addPipeline(stack, { options: [ExportOption.CONTINUE_ON_ERRORS] });
  new TransferPolicyPack({ rules: [TransferRules.noContinueOnErrors()] }).applyTo(app);
  app.synth();
  return outdir;
}

/** The Mermaid blocks of a Markdown report. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

/** Microsoft's SARIF validator (@microsoft/sarif-multitool). */
const MULTITOOL = join(ROOT, "node_modules", ".bin", "sarif-multitool");

/** The errors Microsoft's SARIF validator reports for `log`. */
export function validatorErrors(log: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), "acr-sarif-"));
  try {
    writeFileSync(join(dir, "review.sarif"), log);
    const run = spawnSync(
      MULTITOOL,
      ["validate", join(dir, "review.sarif"), "--output", join(dir, "validation.sarif")],
      { encoding: "utf8" },
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const validation = JSON.parse(readFileSync(join(dir, "validation.sarif"), "utf8"));
    return validation.runs[0].results
      .filter((r: any) => r.level === "error")
      .map((r: any) => `${r.ruleId}: ${JSON.stringify(r.message)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
