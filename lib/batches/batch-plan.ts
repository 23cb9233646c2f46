import { createHash } from "node:crypto";

// The batch plan: a pure function of the set of artifacts and the largest batch, so that the
// export side and the import side (another stack, another cloud, another program) compute the
// same batches from the same inputs. No cdktf here.
//
// The scheme is extendible hashing. Each artifact reference is hashed with SHA-256; the hash
// space starts as one batch (the empty bit prefix), and a batch that holds more than
// `maxPerBatch` artifacts is split in two by the next bit of the hash, again and again. A batch
// is therefore identified by its bit prefix, and which batch an artifact lands in depends only
// on its own hash and on how many artifacts share its prefixes, never on list order:
//
// - adding an artifact changes its own batch only; when that batch overflows, it is replaced by
//   its two halves (exactly two non-empty ones, since the node holds maxPerBatch + 1);
// - removing an artifact changes its own batch only; when the batch and its sibling together
//   fit again, the two merge back into their parent;
// - reordering the input changes nothing.

/** One batch of the plan. */
export interface PlannedBatch {
  /** The batch's hash prefix, as "0" and "1" characters; empty when there is only one batch. */
  readonly bits: string;
  /** The artifacts of the batch, in code-point order. */
  readonly artifacts: readonly string[];
}

interface Hashed {
  readonly artifact: string;
  readonly digest: Buffer;
}

/**
 * Splits distinct, literal artifact references into batches of at most `maxPerBatch` (1 or
 * more), ordered by their hash prefix. Empty halves of a split make no batch.
 */
export function planBatches(artifacts: readonly string[], maxPerBatch: number): PlannedBatch[] {
  const hashed: Hashed[] = artifacts.map((artifact) => ({
    artifact,
    digest: createHash("sha256").update(artifact, "utf8").digest(),
  }));
  hashed.sort((a, b) => Buffer.compare(a.digest, b.digest));
  const batches: PlannedBatch[] = [];
  // Depth-first over the bit trie of the sorted hashes: [lo, hi) share the prefix `bits`.
  const visit = (lo: number, hi: number, bits: string): void => {
    if (hi === lo) return;
    if (hi - lo <= maxPerBatch) {
      const members = hashed.slice(lo, hi).map((h) => h.artifact);
      batches.push({ bits, artifacts: members.sort(byCodePoint) });
      return;
    }
    const depth = bits.length;
    let mid = lo;
    while (mid < hi && bitAt(hashed[mid].digest, depth) === 0) mid++;
    visit(lo, mid, `${bits}0`);
    visit(mid, hi, `${bits}1`);
  };
  visit(0, hashed.length, "");
  return batches;
}

/** Bit `index` of a digest, most significant bit of the first byte first. */
function bitAt(digest: Buffer, index: number): number {
  return (digest[index >> 3] >> (7 - (index & 7))) & 1;
}

/** Code-point order: the same on every machine and locale, unlike localeCompare. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
