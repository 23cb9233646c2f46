// review --format sarif: SARIF 2.1.0 for code scanning, checked with Microsoft's validator
// (@microsoft/sarif-multitool, `validate`): no result at level error.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PLANS, cli, synthExamples, synthStandingWarning, validatorErrors } from "./support";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let outdir: string;
let sarif: any;
let text: string;
beforeAll(() => {
  outdir = synthExamples();
  const run = cli(
    "review",
    outdir,
    "--format",
    "sarif",
    "--plan",
    join(PLANS, "seed-walkthrough-source.plan.json"),
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  text = run.stdout;
  sarif = JSON.parse(text);
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe("review --format sarif", () => {
  it("passes Microsoft's SARIF validator with 0 errors", () => {
    expect(validatorErrors(text)).toEqual([]);
  });

  it("has policy findings (suppressed ones with their reason), annotations and red flags, with stable rule IDs", () => {
    const run = sarif.runs[0];
    expect(sarif.version).toBe("2.1.0");
    const ids = new Set(run.results.map((r: any) => r.ruleId));
    for (const id of [
      "AcrTransfer-ManagedIdentityStorage",
      "AcrTransfer-NoContinueOnErrors",
      "AcrTransferReview/SynthAnnotation",
      "AcrTransferReview/RunRuns",
      "AcrTransferReview/PipelineChanges",
      "AcrTransferReview/GrantRemoved",
      "AcrTransferReview/SecretChanges",
    ]) {
      expect(ids).toContain(id);
    }
    const suppressedError = run.results.find(
      (r: any) =>
        r.ruleId === "AcrTransfer-ManagedIdentityStorage" &&
        r.locations[0].logicalLocations[0].fullyQualifiedName ===
          "landing-zone/Transfer/payments/Export",
    );
    expect(suppressedError).toMatchObject({
      level: "error",
      locations: [
        {
          physicalLocation: {
            artifactLocation: {
              uri: expect.stringMatching(/stacks\/landing-zone\/cdk\.tf\.json$/),
            },
          },
        },
      ],
      suppressions: [
        {
          kind: "inSource",
          justification: expect.stringMatching(
            /^PCI change freeze .* \(suppressed at landing-zone\/Transfer\/payments\)$/,
          ),
        },
      ],
    });
    const suppressed = run.results.find((r: any) => r.ruleId === "AcrTransfer-NoContinueOnErrors");
    expect(suppressed.suppressions[0]).toMatchObject({
      kind: "inSource",
      justification: expect.stringMatching(
        /^the nightly sync .* \(suppressed at landing-zone\/Transfer\)$/,
      ),
    });
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }
    const rule = run.tool.driver.rules.find(
      (r: any) => r.id === "AcrTransfer-ManagedIdentityStorage",
    );
    expect(rule.help.text).toMatch(/^use StorageAccess\.managedIdentity\(\)/);
  });

  it("reports a finding no suppression covers at its rule's level, without suppressions", () => {
    const standing = synthStandingWarning();
    try {
      const run = cli("review", standing, "--format", "sarif");
      expect(run.status).toBe(0);
      const [result] = JSON.parse(run.stdout).runs[0].results.filter(
        (r: any) => r.ruleId === "AcrTransfer-NoContinueOnErrors",
      );
      expect(result).toMatchObject({
        level: "warning",
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: expect.stringMatching(/stacks\/team\/cdk\.tf\.json$/) },
            },
            logicalLocations: [{ fullyQualifiedName: "team/Pipeline" }],
          },
        ],
      });
      expect(result.suppressions).toBeUndefined();
    } finally {
      rmSync(standing, { recursive: true, force: true });
    }
  });
});
