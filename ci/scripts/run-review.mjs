// Runs the review for a CI job: the comment-sized Markdown, the full report, the SARIF log and
// the strict gate, into one output folder; adds the report to the job summary (GitHub Actions
// or Azure Pipelines) and says where each file is. Used by action.yml and
// ci/azure-pipelines/review.yml; tested locally on fixtures (test/ci/scripts.test.ts).
//
// Environment:
//   REVIEW_OUT         the cdktf.out folder (default cdktf.out)
//   REVIEW_PLANS       plan JSON files, one per line (default none)
//   REVIEW_MAX_LENGTH  the comment's limit in characters (default 65000)
//   REVIEW_DIR         where the files go (default $RUNNER_TEMP, $AGENT_TEMPDIRECTORY or .)
//   REVIEW_CLI         the command, as JSON argv (default ["npx","--no-install","cdktf-acr-transfer"])
// Exit code: 0 when the review ran (the gate's verdict is in the outputs), else the CLI's code.
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** A GitHub job summary holds 1 MiB; a larger report goes to the summary as the comment does. */
const SUMMARY_LIMIT = 1_000_000;

const env = process.env;
const out = env.REVIEW_OUT || "cdktf.out";
const plans = (env.REVIEW_PLANS ?? "")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "");
const maxLength = env.REVIEW_MAX_LENGTH || "65000";
const dir = resolve(env.REVIEW_DIR || env.RUNNER_TEMP || env.AGENT_TEMPDIRECTORY || ".");
const cli = env.REVIEW_CLI
  ? JSON.parse(env.REVIEW_CLI)
  : ["npx", "--no-install", "cdktf-acr-transfer"];

mkdirSync(dir, { recursive: true });
const files = {
  comment: join(dir, "acr-transfer-review.md"),
  report: join(dir, "acr-transfer-review-full.md"),
  sarif: join(dir, "acr-transfer-review.sarif"),
};
const planArgs = plans.flatMap((plan) => ["--plan", plan]);

/** Runs the CLI; returns its exit code, or stops this script on a usage or input error. */
function review(args, stdoutFile) {
  const child = spawnSync(cli[0], [...cli.slice(1), "review", out, ...planArgs, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (child.error) {
    console.error(`run-review: ${cli.join(" ")}: ${child.error.message}`);
    process.exit(2);
  }
  if (child.status !== 0 && child.status !== 1) process.exit(child.status ?? 2);
  if (stdoutFile) writeFileSync(stdoutFile, child.stdout);
  return child.status;
}

review(["--max-length", maxLength, "--full-report", files.report], files.comment);
review(["--format", "sarif"], files.sarif);
const gate = review(["--format", "json", "--strict"]) === 0 ? "pass" : "fail";

const report = readFileSync(files.report, "utf8");
const summary = report.length <= SUMMARY_LIMIT ? report : readFileSync(files.comment, "utf8");
if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summary);
if (env.TF_BUILD) {
  const summaryFile = join(dir, "acr-transfer-review-summary.md");
  writeFileSync(summaryFile, summary);
  console.log(`##vso[task.uploadsummary]${summaryFile}`);
  console.log(`##vso[task.setvariable variable=reviewGate]${gate}`);
  for (const [name, file] of Object.entries(files)) {
    console.log(`##vso[task.setvariable variable=${name}File]${file}`);
  }
}
if (env.GITHUB_OUTPUT) {
  const lines = Object.entries(files).map(([name, file]) => `${name}-file=${file}`);
  appendFileSync(env.GITHUB_OUTPUT, [...lines, `gate=${gate}`, ""].join("\n"));
}
console.log(`review: gate ${gate}; ${Object.values(files).join(", ")}`);
