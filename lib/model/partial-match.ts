/** One place where a value differs from what a partial expected. */
export interface Mismatch {
  /** Where, e.g. `body.properties.target.uri`. */
  readonly path: string;
  /** What was expected there, printed. */
  readonly expected: string;
  /** What was there, printed. */
  readonly received: string;
}

/** An object that decides for itself what it matches, such as vitest's `expect.any(String)`. */
interface AsymmetricMatcherLike {
  asymmetricMatch(other: unknown): boolean;
  toAsymmetricMatcher?(): string;
}

const MAX_PRINTED = 120;

/**
 * Where `actual` differs from the partial `expected`, at any depth: objects need only the keys
 * `expected` names; an expected array is a subset of the actual array, each expected element
 * matching a different actual element, in any order; asymmetric matchers (`expect.any(...)`,
 * `expect.stringMatching(...)`) decide for themselves; everything else must be the same value.
 */
export function partialMismatches(expected: unknown, actual: unknown, path = ""): Mismatch[] {
  if (isAsymmetricMatcher(expected)) {
    return expected.asymmetricMatch(actual) ? [] : [mismatch(path, print(expected), actual)];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual))
      return [mismatch(path, `an array containing ${print(expected)}`, actual)];
    return arrayMismatches(expected, actual, path);
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) return [mismatch(path, `an object like ${print(expected)}`, actual)];
    return Object.keys(expected).flatMap((key) =>
      partialMismatches(expected[key], actual[key], childPath(path, key)),
    );
  }
  return Object.is(expected, actual) ? [] : [mismatch(path, print(expected), actual)];
}

/** `path: expected X, received Y`. */
export function formatMismatch(m: Mismatch): string {
  return `${m.path || "(root)"}: expected ${m.expected}, received ${m.received}`;
}

/** The candidate with the fewest mismatches (the first of equals), with its mismatches. */
export function closestCandidate<T>(
  candidates: readonly T[],
  mismatchesOf: (candidate: T) => Mismatch[],
): { readonly candidate: T; readonly mismatches: Mismatch[] } | undefined {
  let best: { candidate: T; mismatches: Mismatch[] } | undefined;
  for (const candidate of candidates) {
    const mismatches = mismatchesOf(candidate);
    if (!best || mismatches.length < best.mismatches.length) best = { candidate, mismatches };
    if (mismatches.length === 0) break;
  }
  return best;
}

/** A value printed for a message: JSON, cut short. */
function print(value: unknown): string {
  if (value === undefined) return "undefined";
  if (isAsymmetricMatcher(value)) return value.toAsymmetricMatcher?.() ?? String(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > MAX_PRINTED ? `${json.slice(0, MAX_PRINTED - 3)}...` : json;
}

function arrayMismatches(expected: unknown[], actual: unknown[], path: string): Mismatch[] {
  const fits = expected.map((e) => actual.map((a) => partialMismatches(e, a).length === 0));
  const matched = maximumMatching(fits, actual.length);
  const all = expected.flatMap((element, i) =>
    matched[i] ? [] : unmatchedElement(expected, element, actual, path),
  );
  const printed = all.map(formatMismatch);
  return all.filter((_, k) => printed.indexOf(printed[k]) === k);
}

/** Why one expected element found no actual element: the closest one's differences, or a count. */
function unmatchedElement(
  expected: unknown[],
  element: unknown,
  actual: unknown[],
  path: string,
): Mismatch[] {
  if (isRecord(element) || Array.isArray(element)) {
    const closest = closestCandidate(
      actual.map((_, j) => j),
      (j) => partialMismatches(element, actual[j], `${path}[${j}]`),
    );
    if (closest && closest.mismatches.length > 0) return closest.mismatches;
  }
  const wanted = expected.filter((e) => partialMismatches(element, e).length === 0).length;
  const description =
    wanted > 1 ? `${wanted} elements like ${print(element)}` : `an element ${print(element)}`;
  return [mismatch(path, description, actual)];
}

/** Kuhn's augmenting paths: which expected elements get a distinct actual element each. */
function maximumMatching(fits: boolean[][], actualCount: number): boolean[] {
  const ownerOf = new Array<number>(actualCount).fill(-1);
  const assign = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < actualCount; j++) {
      if (!fits[i][j] || seen[j]) continue;
      seen[j] = true;
      if (ownerOf[j] === -1 || assign(ownerOf[j], seen)) {
        ownerOf[j] = i;
        return true;
      }
    }
    return false;
  };
  return fits.map((_, i) => assign(i, []));
}

function mismatch(path: string, expected: string, actual: unknown): Mismatch {
  return { path, expected, received: print(actual) };
}

function childPath(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isAsymmetricMatcher(value: unknown): value is AsymmetricMatcherLike {
  return isRecord(value) && typeof value.asymmetricMatch === "function";
}
