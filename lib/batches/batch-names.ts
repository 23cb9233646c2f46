import { checkBlobName } from "../arm/storage";
import { Violation } from "../arm/violation";

// Names of batches, their runs and their blobs: the user's prefix plus the batch ID. Pure.

/** Most characters of a pipeline run name (the ARM schemas' 5-50 letters and digits). */
const MAX_RUN_NAME = 50;
/** Fewest characters of a pipeline run name. */
const MIN_RUN_NAME = 5;

/** The batch ID of a hash prefix: "b" and the bits, e.g. "b0110" ("b" for the only batch). */
export function batchId(bits: string): string {
  return `b${bits}`;
}

/** A batch's run name: the prefix and the batch ID. */
export function batchRunName(runNamePrefix: string, id: string): string {
  return `${runNamePrefix}${id}`;
}

/** A batch's blob name: the prefix and the batch ID. */
export function batchBlobName(blobNamePrefix: string, id: string): string {
  return `${blobNamePrefix}${id}`;
}

/**
 * A run name prefix leaves room for every batch ID of the plan: prefix and ID together are 5-50
 * letters and digits. `longestId` is the plan's longest batch ID.
 */
export function runNamePrefixRule(longestId: string): (prefix: string) => Violation | undefined {
  const rule =
    `run names are ${MIN_RUN_NAME}-${MAX_RUN_NAME} letters and digits: runNamePrefix, then the ` +
    `batch ID ("b" and the batch's hash bits; this plan's longest is "${longestId}")`;
  return (prefix) => {
    if (/[^a-zA-Z0-9]/.test(prefix)) {
      const cleaned = prefix.replace(/[^a-zA-Z0-9]/g, "");
      return {
        problem: "has characters other than letters and digits",
        rule,
        fix: cleaned ? `use "${cleaned}"` : "use letters and digits only",
      };
    }
    const longest = prefix.length + longestId.length;
    if (prefix.length + 1 < MIN_RUN_NAME) {
      return {
        problem: `makes run names as short as ${prefix.length + 1} characters ("${prefix}b")`,
        rule,
        fix: `use a prefix of at least ${MIN_RUN_NAME - 1} letters and digits`,
      };
    }
    if (longest > MAX_RUN_NAME) {
      return {
        problem: `leaves no room for the batch IDs: "${batchRunName(prefix, longestId)}" has ${longest} characters`,
        rule,
        fix:
          `shorten runNamePrefix to at most ${MAX_RUN_NAME - longestId.length} characters, or ` +
          "raise maxArtifactsPerRun for fewer, shallower batches",
      };
    }
    return undefined;
  };
}

/** A blob name prefix makes valid blob names with every batch ID of the plan. */
export function blobNamePrefixRule(longestId: string): (prefix: string) => Violation | undefined {
  return (prefix) => {
    const violation = checkBlobName(batchBlobName(prefix, longestId));
    if (!violation) return undefined;
    return {
      problem: `makes invalid blob names, e.g. ${JSON.stringify(batchBlobName(prefix, longestId))}`,
      rule: `blob names are blobNamePrefix, then the batch ID; ${violation.rule}`,
      fix: `use a prefix of at most ${1024 - longestId.length} characters that the rule allows`,
    };
  };
}
