import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkBlobName, checkTransferName } from "../../lib/arm";
import {
  batchBlobName,
  batchId,
  batchRunName,
  blobNamePrefixRule,
  runNamePrefixRule,
} from "../../lib/batches/batch-names";
import { PlannedBatch, planBatches } from "../../lib/batches/batch-plan";
import { images } from "./support";

/** The hash of a reference as "0"/"1" characters. */
function hashBits(artifact: string): string {
  const digest = createHash("sha256").update(artifact).digest();
  return [...digest].map((byte) => byte.toString(2).padStart(8, "0")).join("");
}

/** What a plan change does to the runs: bodies changed in place, runs created, runs destroyed. */
function runChanges(before: PlannedBatch[], after: PlannedBatch[]): string {
  const old = new Map(before.map((b) => [b.bits, b.artifacts.join("\n")]));
  const now = new Map(after.map((b) => [b.bits, b.artifacts.join("\n")]));
  const changed = [...now].filter(([id, body]) => old.has(id) && old.get(id) !== body).length;
  const created = [...now.keys()].filter((id) => !old.has(id)).length;
  const destroyed = [...old.keys()].filter((id) => !now.has(id)).length;
  return `changed ${changed}, created ${created}, destroyed ${destroyed}`;
}

/** How often each outcome occurred. */
function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

/** A fixed permutation, the same on every run. */
function shuffled<T>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, key: createHash("sha256").update(String(i)).digest("hex") }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map(({ item }) => item);
}

describe("batch plan", () => {
  it.each([
    [1, 50],
    [50, 50],
    [51, 50],
    [500, 50],
    [2000, 50],
    [120, 10],
    [37, 1],
  ])("%i artifacts, at most %i a batch: each artifact once, no batch over the limit", (n, max) => {
    const artifacts = images(n);
    const plan = planBatches(artifacts, max);
    expect(plan.flatMap((b) => b.artifacts).sort()).toEqual([...artifacts].sort());
    for (const batch of plan) {
      expect(batch.artifacts.length).toBeGreaterThan(0);
      expect(batch.artifacts.length).toBeLessThanOrEqual(max);
    }
    expect(plan.length).toBeGreaterThanOrEqual(Math.ceil(n / max));
  });

  it("keeps 50 or fewer in one batch with the empty prefix (ID b)", () => {
    expect(planBatches(images(50), 50).map((b) => batchId(b.bits))).toEqual(["b"]);
    expect(planBatches(images(51), 50).map((b) => batchId(b.bits))).toEqual(["b0", "b1"]);
  });

  it("puts each artifact in the batch its hash starts with, batches in ID order", () => {
    const plan = planBatches(images(500), 50);
    for (const batch of plan) {
      for (const artifact of batch.artifacts) {
        expect(hashBits(artifact).startsWith(batch.bits), artifact).toBe(true);
      }
      expect(batch.artifacts).toEqual([...batch.artifacts].sort());
    }
    const ids = plan.map((b) => b.bits);
    expect(ids).toEqual([...ids].sort());
  });

  it("plans 500 artifacts into 16 batches of 20 to 39", () => {
    const sizes = planBatches(images(500), 50).map((b) => b.artifacts.length);
    expect(sizes).toHaveLength(16);
    expect(Math.min(...sizes)).toBe(20);
    expect(Math.max(...sizes)).toBe(39);
  });

  it("is the same plan for the same set in any order, on either side", () => {
    const artifacts = images(500);
    const plan = planBatches(artifacts, 50);
    expect(planBatches([...artifacts].reverse(), 50)).toEqual(plan);
    expect(planBatches(shuffled(artifacts), 50)).toEqual(plan);
  });
});

describe("batch plan stability (what one edit re-runs)", () => {
  const base = images(500);
  const plan = planBatches(base, 50);

  it("reordering the list changes no run", () => {
    expect(runChanges(plan, planBatches(shuffled(base), 50))).toBe(
      "changed 0, created 0, destroyed 0",
    );
  });

  // 500 artifacts make 16 batches of 20 to 39: none is full, so no addition splits one; a
  // removal merges two batches when, together, they are down to 50.
  it("adding one artifact to 500 changes exactly its own batch (250 different additions)", () => {
    const outcomes = images(250, "extra/image").map((extra) =>
      runChanges(plan, planBatches([...base, extra], 50)),
    );
    expect(tally(outcomes)).toEqual({ "changed 1, created 0, destroyed 0": 250 });
  });

  it("removing one of 500 changes its own batch, or merges it with its sibling (each of the 500)", () => {
    const outcomes = base.map((_, i) =>
      runChanges(plan, planBatches([...base.slice(0, i), ...base.slice(i + 1)], 50)),
    );
    expect(tally(outcomes)).toEqual({
      "changed 1, created 0, destroyed 0": 449,
      "changed 0, created 1, destroyed 2": 51,
    });
  });

  // Batches of at most 10, lists of 10 to 300: every size crosses split and merge points.
  const sizes = Array.from({ length: 291 }, (_, i) => i + 10);
  const all = images(300);

  it("adding one artifact changes its batch, or splits it in two, and nothing else", () => {
    const outcomes = sizes.map((n) => {
      const list = all.slice(0, n);
      return runChanges(planBatches(list, 10), planBatches([...list, `extra/image${n}:v1`], 10));
    });
    expect(tally(outcomes)).toEqual({
      "changed 1, created 0, destroyed 0": 252,
      "changed 0, created 2, destroyed 1": 39,
    });
  });

  it("removing one artifact changes its batch, or merges it with its sibling, and nothing else", () => {
    const outcomes = sizes.map((n) => {
      const list = all.slice(0, n);
      return runChanges(planBatches(list, 10), planBatches(list.slice(0, -1), 10));
    });
    expect(tally(outcomes)).toEqual({
      "changed 1, created 0, destroyed 0": 251,
      "changed 0, created 1, destroyed 2": 40,
    });
  });
});

describe("batch names", () => {
  it("are the prefixes and the batch ID, valid for every batch of a deep plan", () => {
    const plan = planBatches(images(2000), 10);
    for (const { bits } of plan) {
      expect(checkTransferName(batchRunName("bulk202611", batchId(bits)))).toBeUndefined();
      expect(checkBlobName(batchBlobName("bulk/2026-11/", batchId(bits)))).toBeUndefined();
    }
    expect(batchRunName("bulk", "b0110")).toBe("bulkb0110");
    expect(batchBlobName("bulk-", "b0110")).toBe("bulk-b0110");
  });

  it("leave room for the longest batch ID", () => {
    const rule = runNamePrefixRule("b0110");
    expect(rule("a".repeat(45))).toBeUndefined();
    expect(rule("a".repeat(46))?.fix).toBe(
      "shorten runNamePrefix to at most 45 characters, or raise maxArtifactsPerRun for fewer, shallower batches",
    );
    expect(rule("bulk-2026")?.fix).toBe('use "bulk2026"');
    expect(rule("abc")?.problem).toBe('makes run names as short as 4 characters ("abcb")');
    expect(blobNamePrefixRule("b0110")("x".repeat(1019))).toBeUndefined();
    expect(blobNamePrefixRule("b0110")("x".repeat(1020))?.fix).toBe(
      "use a prefix of at most 1019 characters that the rule allows",
    );
  });
});
