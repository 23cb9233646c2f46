import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildApp } from "../../examples/app";

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

/** The Mermaid blocks of a Markdown report. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}
