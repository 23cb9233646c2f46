// `npm run bench`: import cost, synth cost against hand-written resources, the harness's
// synthJson against cdktf's Testing.synth, the review command on a 100-registry app, and batched
// transfers (100 registries of 500 artifacts) against hand-written resources, in one run. Not
// part of the tests.
// Each measurement runs in a fresh Node process (see probe.mjs and import-cost.mjs).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { measureImports } from "./import-cost.mjs";
import { measureReview } from "./review-cost.mjs";
import { ARTIFACTS_PER_REGISTRY } from "./setups.mjs";
import { median, mib, ms, printTable, ratio } from "./stats.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const SIZES = [250, 1000, 4000];
const IMPORT_REPETITIONS = 7;
const BATCH_REGISTRIES = [25, 50, 100];
// growthOverLinear: synth may grow at most 1.25 times as fast as the size (16x the setups: 20x).
const TARGETS = { import: 1.5, synth: 1.2, growthOverLinear: 1.25, harness: 20 };
const verdicts = [];

function verdict(ok, text) {
  verdicts.push(`${ok ? "met   " : "MISSED"}  ${text}`);
}

/** Runs probe.mjs in a fresh process; returns its samples. */
function probe(measurement, n, repetitions) {
  const child = spawnSync(
    process.execPath,
    [
      fileURLToPath(new URL("probe.mjs", import.meta.url)),
      measurement,
      String(n),
      String(repetitions),
    ],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 1 << 24,
    },
  );
  if (child.status !== 0) throw new Error(`probe ${measurement} ${n} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

/** Repetitions per probe: fewer where one sample takes long. */
function repetitionsFor(n) {
  return n >= 4000 ? 3 : 5;
}

console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);

// (a) Import cost.
console.log(`(a) import cost: require() in a fresh process, median of ${IMPORT_REPETITIONS}`);
const imports = measureImports(
  [
    { name: "cdktf alone", module: "cdktf" },
    { name: "library (dist/index.js)", module: `${root}dist/index.js` },
    { name: "harness (dist/testing)", module: `${root}dist/testing/index.js` },
    { name: "@cdktf/provider-azurerm root", module: "@cdktf/provider-azurerm" },
  ],
  { cwd: root, repetitions: IMPORT_REPETITIONS },
);
const cdktf = imports[0];
printTable(
  ["module", "time", "vs cdktf", "rss", "heap"],
  imports.map((m) => [m.name, ms(m.ms), ratio(m.ms / cdktf.ms), mib(m.rss), mib(m.heap)]),
);
const libImport = imports[1].ms / cdktf.ms;
verdict(
  libImport < TARGETS.import,
  `library import ${ratio(libImport)} of cdktf alone (target < ${TARGETS.import}x)`,
);

/**
 * Synth cost of the library against hand-written resources at each size: probes `variants`
 * ([library, hand-written] measurement names) in alternating fresh processes, prints the table
 * and the growth from the first size to the last, and records the verdicts. `unit` names what a
 * size counts ("setups", "registries").
 */
function compareSynth({ variants, sizes, unit, repetitions }) {
  const rows = [];
  const synth = new Map();
  for (const n of sizes) {
    const samples = { library: [], hand: [] };
    for (let r = 0; r < repetitions(n); r++) {
      for (const variant of r % 2 ? ["hand", "library"] : ["library", "hand"]) {
        samples[variant].push(...probe(variants[variant === "library" ? 0 : 1], n, 1));
      }
    }
    const stat = (variant, key) => median(samples[variant].map((s) => s[key]));
    const spread = (variant) => {
      const times = samples[variant].map((s) => s.ms);
      return `${ms(stat(variant, "ms"))} (${ms(Math.min(...times))}-${ms(Math.max(...times))})`;
    };
    const row = { ours: stat("library", "ms"), hand: stat("hand", "ms") };
    synth.set(n, row);
    const resources = samples.library[0].resources;
    const same = resources === samples.hand[0].resources;
    const build = { ours: stat("library", "buildMs"), hand: stat("hand", "buildMs") };
    rows.push([
      n,
      samples.library.length,
      spread("library"),
      spread("hand"),
      ratio(row.ours / row.hand),
      ms(build.ours),
      ms(build.hand),
      ratio(build.ours / build.hand),
      `${resources}${same ? "" : " (DIFFERENT)"}`,
    ]);
    verdict(
      row.ours / row.hand <= TARGETS.synth,
      `synth at ${n} ${unit}: ${ratio(row.ours / row.hand)} of hand-written (target <= ${TARGETS.synth}x)`,
    );
  }
  printTable(
    [
      "N",
      "runs",
      "library",
      "hand-written",
      "ratio",
      "build (lib)",
      "build (hand)",
      "ratio",
      "resources (both)",
    ],
    rows,
  );
  const [first, last] = [sizes[0], sizes[sizes.length - 1]];
  const [small, large] = [synth.get(first), synth.get(last)];
  const growth = { ours: large.ours / small.ours, hand: large.hand / small.hand };
  const factor = last / first;
  console.log(
    `growth ${first} -> ${last} (${factor}x the ${unit}; linear is ~${factor}x): ` +
      `library ${ratio(growth.ours)}, hand-written ${ratio(growth.hand)}\n`,
  );
  const most = factor * TARGETS.growthOverLinear;
  verdict(
    growth.ours <= most,
    `library synth grows ${ratio(growth.ours)} for ${factor}x the ${unit} (linear ~${factor}x, target <= ${ratio(most)})`,
  );
}

// (b) Synth cost.
console.log(
  "(b) synth cost: stack.toTerraform() + JSON.stringify; one fresh process per sample, " +
    "library and hand-written alternating; median (min-max); build: constructing the stack",
);
compareSynth({
  variants: ["library", "hand"],
  sizes: SIZES,
  unit: "setups",
  repetitions: repetitionsFor,
});

// (c) Harness cost.
console.log("(c) harness cost: synthJson against Testing.synth on the library's setups");
const harnessRows = [];
for (const n of SIZES) {
  const reps = n >= 4000 ? 1 : 3;
  const ours = median(probe("synthJson", n, reps).map((s) => s.ms));
  const theirs = median(probe("testingSynth", n, reps).map((s) => s.ms));
  const [split] = probe("serialize", n, 1);
  harnessRows.push([
    n,
    ms(ours),
    ms(theirs),
    ratio(theirs / ours),
    ms(split.toTerraform),
    ms(split.ours),
    ms(split.theirs),
    ratio(split.theirs / split.ours),
    split.same ? "yes" : "NO",
  ]);
  verdict(split.same, `synthJson's bytes equal Testing.synth's at N=${n}`);
  if (n === SIZES[SIZES.length - 1]) {
    verdict(
      theirs / ours >= TARGETS.harness,
      `synthJson ${ratio(theirs / ours)} faster than Testing.synth end to end at N=${n} (target >= ${TARGETS.harness}x)`,
    );
    verdict(
      split.theirs / split.ours >= TARGETS.harness,
      `after the shared toTerraform(): synthJson ${ratio(split.theirs / split.ours)} faster at N=${n}`,
    );
  }
}
printTable(
  [
    "N",
    "synthJson",
    "Testing.synth",
    "speed-up",
    "toTerraform",
    "after it: ours",
    "after it: theirs",
    "speed-up",
    "same bytes",
  ],
  harnessRows,
);

// (d) The review command.
for (const result of measureReview()) verdict(...result);

// (e) Batched transfers: many registries, hundreds of artifacts each.
console.log(
  `(e) batched transfers: N registries of ${ARTIFACTS_PER_REGISTRY} artifacts each, exported ` +
    "with ExportBatches (batches of <= 50, 10 runs at once, per-batch outputs) against the same " +
    "resources and outputs written by hand on the same batch plan; as in (b)",
);
compareSynth({
  variants: ["batchLibrary", "batchHand"],
  sizes: BATCH_REGISTRIES,
  unit: "registries",
  repetitions: () => 3,
});

console.log("targets");
for (const line of verdicts) console.log(`  ${line}`);
