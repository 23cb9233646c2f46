// The Markdown report fits one pull-request comment by default, says what it left out, and
// keeps the summary, red flags and standing findings first.
import { describe, expect, it } from "vitest";
import { renderFullMarkdown, renderMarkdown } from "../../lib/cli/markdown";
import { Review, StackReview } from "../../lib/cli/review";

/** A review of one stack with `n` registries (an export and an import pipeline and run each). */
function review(n: number, stacks = 1): Review {
  const stack = (s: number): StackReview => ({
    name: `stack${s}`,
    mermaid: `flowchart LR\n${Array.from({ length: 2 * n }, (_, i) => `  P${i}["pipeline ${i}"]`).join("\n")}`,
    pipelines: Array.from({ length: 2 * n }, (_, i) => ({
      address: `azapi_resource.P${i}`,
      side: i % 2 ? "import" : "export",
      name: `pipeline${s}x${i}`,
      registry: `registry${i >> 1}`,
      apiVersion: "2025-06-01-preview",
      identity: "UserAssigned: transfer",
      storageAccessMode: "ManagedIdentity",
      container: `hub/container-${i}`,
      options: ["OverwriteBlobs"],
    })),
    runs: Array.from({ length: 2 * n }, (_, i) => ({
      address: `azapi_resource.R${i}`,
      name: `run${i}`,
      pipeline: `pipeline${i}`,
      artifacts: Array.from({ length: 120 }, (_, a) => `team/app${a}:v1`),
      blob: `blob-${i}`,
      rerunToken: "1",
    })),
    grants: [],
    secrets: [],
    shared: [],
    copies: [],
    annotations: [],
    plans: ["plan.json"],
    redFlags: [
      { kind: "run", address: "azapi_resource.R0", actions: "create", summary: "run0 runs" },
    ],
  });
  const stackReviews = Array.from({ length: stacks }, (_, s) => stack(s));
  return {
    format: "cdktf-acr-transfer-review",
    version: 1,
    totals: {
      stacks,
      pipelines: 2 * n * stacks,
      runs: 2 * n * stacks,
      grants: 0,
      secrets: 0,
      policyErrors: 0,
      policyWarnings: 0,
      suppressed: 0,
      stacksWithoutPolicy: stacks,
      redFlags: stacks,
    },
    stacks: stackReviews,
    gate: [{ stack: "stack0", reason: "no TransferPolicyPack visited it" }],
  };
}

describe("one comment", () => {
  it("keeps a 150-registry report within 65,000 characters, the head first, and says what it left out", () => {
    const text = renderMarkdown(review(150));
    expect(text.length).toBeLessThanOrEqual(65_000);
    expect(text.indexOf("## Strict gate: fails (1)")).toBeLessThan(
      text.indexOf("## Stack `stack0`"),
    );
    expect(text.indexOf("## Plan red flags (1)")).toBeLessThan(text.indexOf("## Stack `stack0`"));
    expect(text).toMatch(/\| and \d+ more row\(s\), left out \|/);
    expect(text).toMatch(
      /This report is shortened to fit 65000 characters: .* are left out\. The full report/,
    );
  });

  it("folds a long artifact list to its count and first five", () => {
    const text = renderMarkdown(review(1), Infinity);
    expect(text).toContain(
      "| 120: `team/app0:v1`, `team/app1:v1`, `team/app2:v1`, `team/app3:v1`, `team/app4:v1`, and 115 more |",
    );
  });

  it("shows later stacks by their counts when the first ones fill the comment", () => {
    const text = renderMarkdown(review(40, 5), 30_000);
    expect(text.length).toBeLessThanOrEqual(30_000);
    expect(text).toContain("## Stack `stack4`");
    expect(text).toContain(
      "80 pipeline(s), 80 run(s), 0 grant(s), 0 secret(s), 0 annotation(s): details left out to fit one comment.",
    );
  });

  it("prints everything without a limit, and as the full report", () => {
    const whole = renderMarkdown(review(100), Infinity);
    expect(whole).toBe(renderFullMarkdown(review(100)));
    expect(whole).toContain("`pipeline0x199`");
    expect(whole).not.toContain("shortened");
  });
});
