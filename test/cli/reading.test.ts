// Robust reading: files only inside the directory given, bounded size and nesting, errors that
// never echo file contents, lookups by own property only; every failure one line, exit 2.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { cli } from "./support";

vi.setConfig({ testTimeout: 30_000 });

const scratch = mkdtempSync(join(tmpdir(), "acr-reading-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A cdktf.out with one stack "s" whose manifest entry and stack JSON are given. */
function out(entry: object, stack: unknown = {}): string {
  const dir = mkdtempSync(join(scratch, "out-"));
  mkdirSync(join(dir, "stacks", "s"), { recursive: true });
  writeFileSync(
    join(dir, "stacks", "s", "cdk.tf.json"),
    typeof stack === "string" ? stack : JSON.stringify(stack),
  );
  const manifest = {
    stacks: {
      s: { synthesizedStackPath: "stacks/s/cdk.tf.json", workingDirectory: "stacks/s", ...entry },
    },
  };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
  return dir;
}

function refused(dir: string, message: RegExp, ...flags: string[]): string {
  const run = cli("review", dir, ...flags);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(/^cdktf-acr-transfer: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
  return run.stderr;
}

describe("review refuses, in one line with exit 2", () => {
  it("a synthesizedStackPath that leaves the directory", () => {
    const outside = join(scratch, "outside.json");
    writeFileSync(outside, '{"secret": "TOP-SECRET-CONTENT"}');
    const dir = out({ synthesizedStackPath: "../outside.json" });
    const stderr = refused(dir, /stack file .*outside\.json is outside /);
    expect(stderr).not.toContain("TOP-SECRET");
  });

  it("a cdk.tf.json that is a symlink out of the directory", () => {
    const outside = join(scratch, "target.json");
    writeFileSync(outside, '{"x": "TOP-SECRET-CONTENT"}');
    const dir = out({});
    rmSync(join(dir, "stacks", "s", "cdk.tf.json"));
    symlinkSync(outside, join(dir, "stacks", "s", "cdk.tf.json"));
    expect(refused(dir, /is outside /)).not.toContain("TOP-SECRET");
  });

  it("a file that is not JSON, without echoing it", () => {
    const dir = out({}, "TOP-SECRET-CONTENT that is not JSON");
    expect(refused(dir, /stack file .*cdk\.tf\.json is not valid JSON/)).not.toContain(
      "TOP-SECRET",
    );
  });

  it("a file over the size limit", () => {
    const dir = out({});
    truncateSync(join(dir, "stacks", "s", "cdk.tf.json"), 64 * 1024 * 1024 + 1);
    refused(dir, /has 67108865 bytes; the review reads at most 67108864/);
  });

  it("JSON nested deeper than the limit", () => {
    refused(out({}, "[".repeat(150) + "]".repeat(150)), /nests deeper than 100 levels/);
  });

  it("a stack name with a control character", () => {
    const dir = out({});
    writeFileSync(
      join(dir, "manifest.json"),
      JSON.stringify({
        stacks: {
          "s\u001b]52;c;eA==\u0007": {
            synthesizedStackPath: "stacks/s/cdk.tf.json",
            workingDirectory: "stacks/s",
          },
        },
      }),
    );
    const stderr = refused(dir, /a stack name holds a control character or line break/);
    expect(stderr).not.toMatch(/\u001b|\u0007/);
  });

  it.each([
    [{ version: 2 }, /policy record has version 2; this review reads version 1/],
    [{ version: 1, rules: "all", findings: [], suppressions: [] }, /policy record is not shaped/],
    [
      { version: 1, rules: [], findings: [{ ruleId: 1 }], suppressions: [] },
      /policy record is not shaped/,
    ],
  ])("a policy record %j", (record, message) => {
    refused(out({}, { "//": { metadata: { acrTransferPolicy: record } } }), message);
  });

  it.each([
    [["--max-length=-1"], /--max-length is a number of characters \(0 for no limit\), not "-1"/],
    [["--max-length", "1e3"], /--max-length is a number/],
    [["--strict=yes"], /--strict takes no value/],
    [["--plan", ""], /--plan needs a value/],
    [
      ["--full-report", join(scratch, "no", "such", "dir", "r.md")],
      /--full-report .* cannot be written/,
    ],
  ])("%j", (flags, message) => {
    refused(out({}), message, ...flags);
  });
});

describe("review reads own properties only", () => {
  it("takes constructor, __proto__ and toString as plain names, levels and types", () => {
    const hostile = ["constructor", "__proto__", "toString", "hasOwnProperty"];
    const dir = out(
      {
        annotations: hostile.map((level) => ({ level, constructPath: level, message: level })),
      },
      JSON.parse(
        `{"resource": {"constructor": {"__proto__": {"type": "constructor"}}, "azapi_resource": {"toString": {"type": "constructor", "name": "__proto__", "parent_id": "\${constructor.__proto__.id}", "body": {"properties": {"request": {"pipelineResourceId": "\${toString.constructor.id}"}}}}}}}`,
      ),
    );
    const plan = join(scratch, "hostile.plan.json");
    writeFileSync(
      plan,
      JSON.stringify({
        format_version: "1.2",
        resource_changes: hostile.map((type) => ({
          address: `${type}.x`,
          type,
          mode: "managed",
          change: { actions: [type], before: { type }, after: null },
        })),
        configuration: { root_module: { resources: [{ address: "azapi_resource.toString" }] } },
      }),
    );
    for (const format of ["markdown", "json", "sarif"]) {
      const run = cli("review", dir, "--plan", plan, "--format", format);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
    }
  });
});
