import { checkArtifactReference } from "../arm/artifacts";
import type { Finding } from "../validation/finding";

// The entries of an artifact list: duplicates and malformed references, each named by where it
// came from. Pure.

/** One reference of an artifact list and where it came from. */
export interface ArtifactEntry {
  /** The reference as given. */
  readonly artifact: string;
  /** Where it came from: `artifacts[3]`, or `<file> line 7`. */
  readonly origin: string;
}

/** A reference listed more than once. */
export interface DuplicateArtifact {
  /** The reference. */
  readonly artifact: string;
  /** Where each occurrence came from, the kept (first) one first. */
  readonly origins: readonly string[];
}

/** The distinct references, first occurrences in list order, and what was dropped. */
export interface DistinctArtifacts {
  /** The first occurrence of each reference, in list order. */
  readonly distinct: readonly ArtifactEntry[];
  /** The references listed more than once. */
  readonly duplicates: readonly DuplicateArtifact[];
}

/** Keeps the first occurrence of each reference. */
export function distinctArtifacts(entries: readonly ArtifactEntry[]): DistinctArtifacts {
  const seen = new Map<string, string[]>();
  const distinct: ArtifactEntry[] = [];
  for (const entry of entries) {
    const origins = seen.get(entry.artifact);
    if (origins) {
      origins.push(entry.origin);
    } else {
      seen.set(entry.artifact, [entry.origin]);
      distinct.push(entry);
    }
  }
  const duplicates = [...seen]
    .filter(([, origins]) => origins.length > 1)
    .map(([artifact, origins]) => ({ artifact, origins }));
  return { distinct, duplicates };
}

/** How many duplicates a warning names before it says "and N more". */
const NAMED_DUPLICATES = 10;

/** The warning for removed duplicates: each reference and where it occurred. */
export function duplicatesWarning(duplicates: readonly DuplicateArtifact[]): string {
  const named = duplicates
    .slice(0, NAMED_DUPLICATES)
    .map((d) => `"${d.artifact}" (${d.origins.join(", ")})`);
  const more = duplicates.length - named.length;
  return (
    `artifacts lists ${duplicates.length} reference(s) more than once; the first occurrence of ` +
    `each is kept and the others are removed: ${named.join("; ")}${more > 0 ? `; and ${more} more` : ""}`
  );
}

/**
 * The first entry that is not a well-formed reference (or, with `isUnresolved`, only known at
 * apply time), blamed on its origin; undefined when all are fine. An empty list is refused too.
 */
export function entriesFinding(
  entries: readonly ArtifactEntry[],
  isUnresolved: (artifact: string) => boolean,
): Finding | undefined {
  if (entries.length === 0) {
    return {
      subject: "artifacts",
      value: [],
      violation: {
        problem: "is empty",
        rule: "a batched transfer moves at least one artifact",
        fix: 'list the images to transfer, e.g. ["samples/hello-world:v1"], one per line in a file',
      },
    };
  }
  for (const { artifact, origin } of entries) {
    if (isUnresolved(artifact)) {
      return {
        subject: origin,
        value: artifact,
        violation: {
          problem: "is only known at apply time",
          rule: "batches are planned at synth time from the hash of each reference, so references are literals",
          fix: "list the reference as a string, or use ExportPipelineRun for artifacts known at apply time",
        },
      };
    }
    const violation = checkArtifactReference(artifact);
    if (violation) return { subject: origin, value: artifact, violation };
  }
  return undefined;
}
