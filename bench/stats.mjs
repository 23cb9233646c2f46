// Small timing helpers shared by the benchmark's parts.
import { performance } from "node:perf_hooks";

/** The median of some numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs fn once and returns [milliseconds, its result]. */
export function timed(fn) {
  const start = performance.now();
  const result = fn();
  return [performance.now() - start, result];
}

/** Formats milliseconds for the table. */
export function ms(value) {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

/** Formats bytes as MiB. */
export function mib(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Formats a ratio. */
export function ratio(value) {
  return `${value.toFixed(2)}x`;
}

/** Prints rows (arrays of cells) as an aligned table with a header row. */
export function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
  console.log();
}
