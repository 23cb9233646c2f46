// The import graph of lib/, for the layering and cycle checks of test/architecture.test.ts.
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import ts from "typescript";

/** Each file (`folder/file.ts`, relative to lib/) and the files it imports, type-only included. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/**
 * The relative imports of every file: `import`, `import type`, `export … from`, `import()` and
 * `require()`, read by TypeScript's own pre-processor (no comment or string confuses it).
 */
export function importGraph(lib: string, files: readonly string[]): ImportGraph {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(lib, file), "utf8");
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const targets = importedFiles
      .map((ref) => ref.fileName)
      .filter((name) => name.startsWith("."))
      .map((name) => resolveImport(known, file, name));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The file an import names, as TypeScript resolves it; the import text when none matches. */
function resolveImport(known: ReadonlySet<string>, from: string, name: string): string {
  const base = normalize(join(dirname(from), name))
    .replace(/\\/g, "/")
    .replace(/\.m?js$/, "");
  const candidates = [base, `${base}.ts`, `${base}.mts`, `${base}/index.ts`];
  return candidates.find((c) => known.has(c)) ?? `${from} imports unknown ${name}`;
}

/** The folder of a file (`index.ts` at the root of lib/ is its own layer). */
export function layerOf(file: string): string {
  return file.includes("/") ? file.slice(0, file.indexOf("/")) : file;
}

/** Every import from a lower layer to a higher one, as `from -> to`. */
export function upwardImports(graph: ImportGraph, layers: readonly string[]): string[] {
  const rank = new Map(layers.map((layer, i) => [layer, i]));
  const upward: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const source = rank.get(layerOf(from));
      const target = rank.get(layerOf(to));
      if (source === undefined || target === undefined || target > source) {
        upward.push(`${from} -> ${to}`);
      }
    }
  }
  return upward;
}

/**
 * One cycle per strongly connected group of files (Tarjan's algorithm, linear in the imports),
 * each written as the files in import order back to the first.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || (graph.get(file) ?? []).includes(file)) groups.push(group.reverse());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return groups.map((group) => cycleWithin(graph, new Set(group)));
}

/** A path from the group's first file back to itself, through the group only. */
function cycleWithin(graph: ImportGraph, group: ReadonlySet<string>): string[] {
  const [start] = group;
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of graph.get(queue[i]) ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        const path = [queue[i]];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, queue[i]);
        queue.push(next);
      }
    }
  }
  return [...group];
}
