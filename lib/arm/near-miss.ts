// "Did you mean": the known value nearest to one that is not known, by edit distance. Pure.

/**
 * Edit distance between two strings, by code point: insertions, deletions and swaps of two
 * neighbours cost one, substitutions `substitutionCost` (optimal string alignment, O(a·b)).
 */
export function editDistance(a: string, b: string, substitutionCost = 1): number {
  const left = [...a];
  const right = [...b];
  let before: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const same = left[i - 1] === right[j - 1];
      let cost = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (same ? 0 : substitutionCost),
      );
      const swapped =
        i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1];
      if (swapped) cost = Math.min(cost, before[j - 2] + 1);
      current.push(cost);
    }
    [before, previous] = [previous, current];
  }
  return previous[right.length];
}

/**
 * The candidate a mistyped `value` most likely meant: equal but for case, within a third of
 * its length in edits (at least one, at most four), or its start, compared without case. Undefined when none
 * is that near, or two are equally near (a guess would mislead).
 */
export function nearMiss(value: string, candidates: readonly string[]): string | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const wanted = value.toLowerCase();
  const most = Math.min(4, Math.max(1, Math.floor(wanted.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const candidate of new Set(candidates)) {
    const known = candidate.toLowerCase();
    // A shortened value ("warn" for "warning") counts as one edit away.
    const shortened = wanted.length >= 3 && known.startsWith(wanted) ? 1 : Infinity;
    // A letter typed twice, left out or swapped is likelier than a wrong one: "eastuss" is "eastus".
    const distance = Math.min(editDistance(wanted, known, 1.5), shortened);
    if (distance < bestDistance) {
      [best, bestDistance, tied] = [candidate, distance, false];
    } else if (distance === bestDistance && candidate.toLowerCase() !== best?.toLowerCase()) {
      tied = true;
    }
  }
  return bestDistance <= most && !tied && best !== value ? best : undefined;
}

/** `did you mean "x"? ` when a candidate is near `value`, else "" (to start a fix with). */
export function didYouMean(value: string, candidates: readonly string[]): string {
  const near = nearMiss(value, candidates);
  return near === undefined ? "" : `did you mean "${near}"? `;
}
