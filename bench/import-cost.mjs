// Import cost: time and memory to require one module, each in a fresh Node process.
import { spawnSync } from "node:child_process";
import { median } from "./stats.mjs";

const PROBE = `
const { performance } = require("node:perf_hooks");
const before = process.memoryUsage();
const start = performance.now();
require(process.argv[1]);
const elapsed = performance.now() - start;
const after = process.memoryUsage();
console.log(JSON.stringify({ ms: elapsed, rss: after.rss - before.rss, heap: after.heapUsed - before.heapUsed }));
`;

/**
 * Requires each target in `repetitions` fresh processes (targets interleaved, so that disk
 * cache and machine load fall on all alike) and returns the medians per target.
 */
export function measureImports(targets, { cwd, repetitions }) {
  const samples = new Map(targets.map((t) => [t.name, []]));
  for (let r = 0; r < repetitions; r++) {
    for (const target of targets) {
      const child = spawnSync(process.execPath, ["-e", PROBE, target.module], {
        cwd,
        encoding: "utf8",
      });
      if (child.status !== 0)
        throw new Error(`requiring ${target.module} failed:\n${child.stderr}`);
      samples.get(target.name).push(JSON.parse(child.stdout));
    }
  }
  return targets.map(({ name, module }) => {
    const runs = samples.get(name);
    return {
      name,
      module,
      ms: median(runs.map((s) => s.ms)),
      rss: median(runs.map((s) => s.rss)),
      heap: median(runs.map((s) => s.heap)),
    };
  });
}
