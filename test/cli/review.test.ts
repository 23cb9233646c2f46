// The review command, run as a child process on the synthesized examples, as CI runs it.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseMermaid } from "../support/mermaid";
import { cli, mermaidBlocks, synthExamples, synthStandingWarning } from "./support";

// Synthesizes the examples and spawns processes: slower than vitest's 5 s default.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let outdir: string;
let report: string;

beforeAll(() => {
  outdir = synthExamples();
  const run = cli("review", outdir, "--max-length", "0");
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  report = run.stdout;
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** Every export and import pipeline name in the synthesized stacks. */
function pipelineNames(): string[] {
  return readdirSync(join(outdir, "stacks")).flatMap((stack) => {
    const doc = JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
    return Object.values<any>(doc.resource?.azapi_resource ?? {})
      .filter((r) => /\/(export|import)Pipelines@/.test(r.type))
      .map((r) => r.name);
  });
}

describe("review <cdktf.out>", () => {
  it("names every pipeline of every stack in a pipelines table", () => {
    const names = pipelineNames();
    expect(names.length).toBeGreaterThanOrEqual(19);
    for (const name of names)
      expect(report).toMatch(new RegExp(`^\\| (export|import) \\| \`${name}\` \\|`, "m"));
  });

  it("has one section and one Mermaid flowchart per stack, each accepted by Mermaid's parser", async () => {
    const stacks = readdirSync(join(outdir, "stacks")).sort();
    expect([...report.matchAll(/^## Stack `(.+)`$/gm)].map((m) => m[1])).toEqual(stacks);
    const blocks = mermaidBlocks(report);
    expect(blocks).toHaveLength(stacks.length);
    for (const block of blocks) await expect(parseMermaid(block)).resolves.toBeTruthy();
  });

  it("draws registries, pipelines, containers, identities and their grants", () => {
    const landingZone =
      mermaidBlocks(report)[readdirSync(join(outdir, "stacks")).sort().indexOf("landing-zone")];
    expect(landingZone).toMatch(/subgraph R\d+\["registry crpaymentsprod"\]/);
    expect(landingZone).toMatch(/P\d+\["export pipeline<br\/>exportpayments<br\/>SasToken"\]/);
    expect(landingZone).toMatch(/C\d+\[\("container<br\/>contosoxferhub\/payments-outbound"\)\]/);
    expect(landingZone).toMatch(/I\d+\(\["user-assigned identity<br\/>id-acr-transfer"\]\)/);
    expect(landingZone).toMatch(
      /S\d+\[\("secret<br\/>acr-payments-export-sas<br\/>in vault kv-contoso-hub"\)\]/,
    );
    expect(landingZone).toMatch(/I1 ==>\|"Key Vault Secrets User"\| S\d+/);
    expect(landingZone).toMatch(/I1 ==>\|"Storage Blob Data Reader"\| C\d+/);
  });

  it("lists runs with their artifacts, blob and rerun token, and secrets by where their value comes from", () => {
    expect(report).toContain(
      "| `nightly20261126` | nightlyExport (outside this stack) | 2: `app/frontend:2026.11.26`, `app/backend:2026.11.26` | `nightly-2026-11-26` | none (runs once) |",
    );
    expect(report).toContain(
      "| `acr-inbound-dr-sas` | kv-contoso-platform | existing: not written by this stack |",
    );
    expect(report).toMatch(
      /\| `acr-payments-export-sas` \| kv-contoso-hub \| write-only \(value\\_wo\)/,
    );
  });

  it("lists grants by principal, scope and role, with the ABAC condition that denies delete", () => {
    expect(report).toContain(
      "| system identity of exportAppImages | container contosoplatformxfer/outbound | Storage Blob Data Contributor (ABAC: no blob delete) |",
    );
    expect(report).toContain(
      "| user-assigned id-acr-transfer | vault kv-contoso-platform | access policy: secrets Get |",
    );
  });

  it("lists the landing zone's policy results, its suppressions with their reasons, and its acknowledged warning", () => {
    expect(report).toContain("| `AcrTransfer-NoContinueOnErrors` | warning | 10 | 0 | 10 |");
    expect(report).toContain("| `AcrTransfer-ManagedIdentityStorage` | error | 10 | 0 | 6 |");
    expect(report).toMatch(
      /\| `landing-zone\/Transfer` \| `AcrTransfer-NoContinueOnErrors` \| the nightly sync .+ \| 10 \|/,
    );
    expect(report).toMatch(
      /\| suppressed at `landing-zone\/Transfer\/payments` \| error \| `AcrTransfer-ManagedIdentityStorage` \| `landing-zone\/Transfer\/payments\/Export` \|/,
    );
    expect(report).toMatch(
      /\| `landing-zone\/Transfer\/payments` \| `AcrTransfer-ManagedIdentityStorage` \| PCI change freeze .+ \| 2 \|/,
    );
    expect(report).toMatch(
      /\| info \| `landing-zone\/Transfer` \| \\\[AcrTransfer-SourceTriggerOverwriteTags\\\] acknowledged on 5 construct\(s\): only the platform's copy job /,
    );
    expect(report).not.toMatch(/^\| warning \| `/m);
    expect(report).toContain("\n\nNo TransferPolicyPack visited this stack.\n\n");
  });

  it("marks a finding no suppression covers as standing, beside its synth warning", () => {
    const standing = synthStandingWarning();
    try {
      const run = cli("review", standing);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(
        /\| \*\*stands\*\* \| warning \| `AcrTransfer-NoContinueOnErrors` \| `team\/Pipeline` \|/,
      );
      expect(run.stdout).toMatch(
        /\| warning \| `team\/Pipeline` \| \\\[AcrTransfer-NoContinueOnErrors\\\] /,
      );
    } finally {
      rmSync(standing, { recursive: true, force: true });
    }
  });

  it("reviews one stack directory, with its annotations from the manifest two levels up", () => {
    const run = cli("review", join(outdir, "stacks", "landing-zone"));
    expect(run.status).toBe(0);
    expect(mermaidBlocks(run.stdout)).toHaveLength(1);
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
    const annotations = manifest.stacks["landing-zone"].annotations;
    expect(annotations.length).toBeGreaterThan(0);
    expect(run.stdout).toContain(`### Synth annotations (${annotations.length})`);
  });
});

describe("review --format json", () => {
  it("prints the same review as data", () => {
    const run = cli("review", outdir, "--format", "json");
    expect(run.status).toBe(0);
    const review = JSON.parse(run.stdout);
    expect(review).toMatchObject({ format: "cdktf-acr-transfer-review", version: 1 });
    expect(review.totals).toMatchObject({
      stacks: 12,
      pipelines: pipelineNames().length,
      policyErrors: 0,
      policyWarnings: 0,
      suppressed: 16,
      stacksWithoutPolicy: 11,
    });
    const zone = review.stacks.find((s: any) => s.name === "landing-zone");
    expect(zone.policy.suppressions).toHaveLength(4);
    expect(mermaidBlocks(run.stdout)).toEqual([]);
    expect(zone.mermaid).toMatch(/^flowchart LR\n/);
  });
});

describe("review --strict", () => {
  it("exits 1 when a policy warning stands, and 0 for the landing zone, whose findings are all suppressed", () => {
    const standing = synthStandingWarning();
    try {
      const run = cli("review", standing, "--strict");
      expect(run.status).toBe(1);
      expect(run.stdout).toContain("- `team`: 1 policy finding(s) stand");
    } finally {
      rmSync(standing, { recursive: true, force: true });
    }
    expect(cli("review", outdir, "--strict").status).toBe(1);
    expect(cli("review", join(outdir, "stacks", "landing-zone"), "--strict").status).toBe(0);
  });

  it("exits 1 for a stack with transfer resources that no policy pack visited, and says why", () => {
    const run = cli("review", join(outdir, "stacks", "existing-resources"), "--strict");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "- `existing-resources`: no TransferPolicyPack visited its 3 pipeline(s) and 1 run(s)",
    );
  });

  it("exits 1 when the policy record was edited to drop a standing finding", () => {
    const standing = synthStandingWarning();
    const copy = mkdtempSync(join(tmpdir(), "acr-strict-"));
    try {
      const stack = join(standing, "stacks", "team", "cdk.tf.json");
      const doc = JSON.parse(readFileSync(stack, "utf8"));
      const record = doc["//"].metadata.acrTransferPolicy;
      record.findings = record.findings.filter((f: any) => f.suppressedBy !== undefined);
      writeFileSync(join(copy, "cdk.tf.json"), JSON.stringify(doc));
      const run = cli("review", copy, "--strict");
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(
        "the policy record counts 1 failed and 0 suppressed for AcrTransfer-NoContinueOnErrors but lists 0 and 0",
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
      rmSync(standing, { recursive: true, force: true });
    }
  });

  it("exits 1 for a manifest with no stacks, and 0 for a stack with no transfer resources", () => {
    const empty = mkdtempSync(join(tmpdir(), "acr-strict-"));
    try {
      writeFileSync(
        join(empty, "manifest.json"),
        JSON.stringify({ version: "0.21.0", stacks: {} }),
      );
      const none = cli("review", empty, "--strict");
      expect(none.status).toBe(1);
      expect(none.stdout).toContain("the manifest lists no stacks");
      rmSync(join(empty, "manifest.json"));
      writeFileSync(join(empty, "cdk.tf.json"), JSON.stringify({ resource: {} }));
      expect(cli("review", empty, "--strict").status).toBe(0);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe("usage", () => {
  it("prints help with exit 0", () => {
    for (const args of [[], ["--help"], ["review", "-h"]]) {
      const run = cli(...args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Usage: cdktf-acr-transfer review <cdktf.out dir \| stack dir>/);
    }
  });

  it.each([
    [["plan", "x"], /unknown command "plan"/],
    [["review"], /review needs a cdktf.out directory or a stack directory/],
    [["review", "a", "b"], /review takes one directory, received 2: a, b/],
    [["review", ".", "--format", "xml"], /--format is markdown, json, sarif, not "xml"/],
    [["review", ".", "--format"], /--format needs a value/],
    [["review", ".", "--plan"], /--plan needs a value/],
    [["review", ".", "--verbose"], /unknown option --verbose/],
    [["review", "no/such/dir"], /no\/such\/dir is not a directory/],
    [["review", "docs"], /docs holds neither manifest.json .* nor cdk.tf.json/],
  ])("%j exits 2: %s", (args, message) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^cdktf-acr-transfer: [^\n]+\n$/);
    expect(run.stdout).toBe("");
  });
});
