import { closeSync, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { relative, isAbsolute } from "node:path";

/**
 * Reading JSON that a pull request may have produced: only files inside a given directory
 * (real paths compared, so a symlink or `..` out is refused), bounded in size and nesting,
 * and errors that name the file and the position but never echo its contents.
 */

/** A file the review cannot read: an input error (exit code 2). */
export class SynthOutputError extends Error {}

/** The largest JSON file read: 64 MiB. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;
/** The deepest nesting of objects and lists read. */
export const MAX_JSON_DEPTH = 100;

/** The real path of `path`, which must exist inside `root` (itself a real path). */
export function confinedPath(root: string, path: string, what: string): string {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    throw new SynthOutputError(`${what} ${path} does not exist`);
  }
  const inside = relative(root, real);
  if (inside.startsWith("..") || isAbsolute(inside)) {
    throw new SynthOutputError(
      `${what} ${path} is outside ${root} (a path or symlink that leaves the directory is not read)`,
    );
  }
  return real;
}

/** Parses the JSON file at `file` (a real path checked by confinedPath). */
export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  const fd = openOrFail(file, what);
  try {
    const size = fstatSync(fd).size;
    if (!fstatSync(fd).isFile()) throw new SynthOutputError(`${what} ${file} is not a file`);
    if (size > MAX_JSON_BYTES) {
      throw new SynthOutputError(
        `${what} ${file} has ${size} bytes; the review reads at most ${MAX_JSON_BYTES}`,
      );
    }
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    text = buffer.subarray(0, read).toString("utf8");
  } finally {
    closeSync(fd);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new SynthOutputError(
      `${what} ${file} is not valid JSON${position === undefined ? "" : ` (at character ${position})`}`,
    );
  }
  checkDepth(value, `${what} ${file}`);
  return value;
}

function openOrFail(file: string, what: string): number {
  try {
    return openSync(file, "r");
  } catch {
    throw new SynthOutputError(`${what} ${file} cannot be read`);
  }
}

/** Refuses values nested deeper than MAX_JSON_DEPTH (walked without recursion). */
function checkDepth(root: unknown, what: string): void {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw new SynthOutputError(`${what} nests deeper than ${MAX_JSON_DEPTH} levels`);
    }
    for (const child of Object.values(value)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
}
