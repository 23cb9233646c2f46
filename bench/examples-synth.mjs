// (f) `npm run synth` of every example (cdktf synth of examples/main.ts, as a user runs it),
// timed end to end in a fresh process, into a temporary output directory; then what a user
// reads of it: each stack's warnings and info notes, from the manifest.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, ms, printTable, timed } from "./stats.mjs";

const REPETITIONS = 3;

/** Times the examples' synth; prints the table; returns the verdict (no warnings). */
export function measureExamples(root) {
  console.log(
    `(f) npm run synth: cdktf synth of every example, median of ${REPETITIONS}; ` +
      "warnings and info notes per stack as the manifest records them",
  );
  const times = [];
  let manifest;
  for (let r = 0; r < REPETITIONS; r++) {
    const outdir = mkdtempSync(join(tmpdir(), "examples-synth-"));
    const [elapsed, child] = timed(() =>
      spawnSync(join(root, "node_modules", ".bin", "cdktf"), ["synth", "--output", outdir], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, CHECKPOINT_DISABLE: "1" },
        maxBuffer: 1 << 26,
      }),
    );
    if (child.status !== 0) throw new Error(`cdktf synth failed:\n${child.stderr}`);
    times.push(elapsed);
    manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
    rmSync(outdir, { recursive: true, force: true });
  }
  const rows = Object.entries(manifest.stacks).map(([name, stack]) => {
    const annotations = stack.annotations ?? [];
    const of = (level) => annotations.filter((a) => a.level.endsWith(`/${level}`));
    const infoLines = of("info").map((a) => String(a.message).split("\n").length);
    return [name, of("warn").length, of("info").length, Math.max(0, ...infoLines)];
  });
  printTable(["stack", "warnings", "info notes", "longest note (lines)"], rows);
  const warnings = rows.reduce((sum, row) => sum + row[1], 0);
  console.log(`npm run synth: ${ms(median(times))} (${times.map(ms).join(", ")})\n`);
  return [
    warnings === 0,
    `(f): npm run synth of ${rows.length} example stacks in ${ms(median(times))}: ${warnings} warning(s) (target: none)`,
  ];
}
