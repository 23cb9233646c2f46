import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SHADOW_SKIP } from "../support/shadow";
import { OPERATION_CASES, opsStack } from "./operations-cases";
import { Day2Report, changeLines, day2, nameOf, problemLines, summaryOf } from "./support";

// docs/operations.md, measured: every change users make, built before and after, planned by
// terraform-shadow --day2 in one invocation over all cases. Each case's exact change set is in
// the snapshot (read a change there as a plan); the table's "next apply" column must say what
// was measured.

const OPERATIONS = join(__dirname, "../../docs/operations.md");

/** The rows of the table in docs/operations.md: key to its "next apply" cell. */
function tableRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of readFileSync(OPERATIONS, "utf8").split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    const key = /^`([a-z0-9-]+)`$/.exec(cells[1] ?? "")?.[1];
    if (key) rows.set(key, cells[3]);
  }
  return rows;
}

describe("docs/operations.md", () => {
  it("has one row per measured case, and a case for every row", () => {
    expect([...tableRows().keys()].sort()).toEqual(OPERATION_CASES.map((c) => c.key).sort());
  });
});

describe.skipIf(SHADOW_SKIP !== "")(`day-2 operations, measured${SHADOW_SKIP}`, () => {
  let report: Day2Report;
  const linesOf = (key: string) =>
    changeLines(report, OPERATION_CASES.find((c) => c.key === key)!.prefixes);

  beforeAll(async () => {
    report = await day2((app, version) => {
      const ops = opsStack(app, "ops");
      for (const c of OPERATION_CASES) c.build(app, ops, version);
    });
  }, 300_000);

  it("reports no problem on either side", () => {
    expect(problemLines(report)).toEqual([]);
  });

  it("gives every change to exactly one case", () => {
    const all = changeLines(report);
    const claimed = OPERATION_CASES.flatMap((c) => linesOf(c.key));
    expect(claimed.sort()).toEqual(all);
  });

  it.each(OPERATION_CASES.map((c) => c.key))("%s: the exact change set", (key) => {
    expect(linesOf(key)).toMatchSnapshot();
  });

  it.each(OPERATION_CASES.map((c) => c.key))("%s: the table says what was measured", (key) => {
    expect(tableRows().get(key)).toBe(summaryOf(linesOf(key)));
  });

  it("changes an import run of a batch by its forceUpdateTag alone when an artifact is added", () => {
    const imports = Object.values(report.stacks)
      .flatMap((s) => s.changes)
      .filter((c) => /^(AddArtifact_ImportBatches|BulkImport|FileImport)_/.test(nameOf(c.address)));
    expect(imports).toHaveLength(3);
    for (const change of imports) {
      expect(change.args?.map((a) => a.path.split(":")[0])).toEqual([
        "body.properties.forceUpdateTag",
      ]);
    }
  });
});
