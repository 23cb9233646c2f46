// One measurement in a fresh process, so that no measurement pays for the heap an earlier one
// left behind (cdktf keeps every token it ever made in a process-wide map).
// Usage: node bench/probe.mjs <measurement> <N> <repetitions>; prints JSON.
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import {
  batchHandStack,
  batchLibraryStack,
  handWrittenStack,
  handWrittenStacks,
  libraryStack,
  libraryStacks,
  resourceCounts,
} from "./setups.mjs";
import { timed } from "./stats.mjs";

const require = createRequire(new URL("../package.json", import.meta.url));
const { TerraformStack, Testing } = require("cdktf");
const { invokeAspects } = require("cdktf/lib/synthesize/synthesizer");
const { synthJson } = require("./dist/testing/index.js");

const MEASUREMENTS = {
  /** app.synth() (validations included, as `cdktf synth` runs it) of the library's setups; also the build time. */
  library: (n) => synthCost(libraryStack, n),
  /** The same for the hand-written setups. */
  hand: (n) => synthCost(handWrittenStack, n),
  /** The same for an app whose setups are spread over n stacks. */
  stacksLibrary: (n) => synthCost(libraryStacks, n),
  /** The same for the hand-written setups spread over n stacks. */
  stacksHand: (n) => synthCost(handWrittenStacks, n),
  /** The same for n registries of batched exports (ExportBatches). */
  batchLibrary: (n) => synthCost(batchLibraryStack, n),
  /** The same for n registries of batched exports written by hand. */
  batchHand: (n) => synthCost(batchHandStack, n),
  /** synthJson(stack), end to end. */
  synthJson: (n) => ({ ms: timed(() => synthJson(libraryStack(n)))[0] }),
  /** Testing.synth(stack), end to end. */
  testingSynth: (n) => ({ ms: timed(() => Testing.synth(libraryStack(n)))[0] }),
  /** What each adds to one shared toTerraform() result: the harness's own cost. */
  serialize: (n) => {
    // What both share is done beforehand, on a copy of the stack for each: the stack's aspects
    // (the first run writes the library's warnings) and cdktf's toTerraform, handed back to
    // each; what is left is each one's own part.
    const [ourStack, theirStack] = [libraryStack(n), libraryStack(n)];
    invokeAspects(ourStack);
    invokeAspects(theirStack);
    const [toTerraform, ourTf] = timed(() => ourStack.toTerraform());
    const theirTf = theirStack.toTerraform();
    ourStack.toTerraform = () => ourTf;
    theirStack.toTerraform = () => theirTf;
    const [ours, json] = timed(() => synthJson(ourStack));
    const [theirs, expected] = timed(() => Testing.synth(theirStack));
    return { toTerraform, ours, theirs, same: json === expected };
  },
};

/**
 * Builds the app (`build` returns a stack of it), then times `app.synth()`: aspects, every
 * validation, the JSON written to cdktf.out and the manifest, which is what `cdktf synth` runs.
 * The resources are counted over every stack; the temporary outdir is removed.
 */
function synthCost(build, n) {
  const [buildMs, stack] = timed(() => build(n));
  const app = stack.node.root;
  const [ms] = timed(() => app.synth());
  const docs = app.node.children
    .filter((c) => TerraformStack.isStack(c))
    .map(({ node }) => join(app.outdir, "stacks", node.id, "cdk.tf.json"))
    .map((file) => JSON.parse(readFileSync(file, "utf8")));
  rmSync(app.outdir, { recursive: true, force: true });
  return { ms, buildMs, resources: resourceCounts(...docs) };
}

const [name, n, repetitions] = process.argv.slice(2);
const measure = MEASUREMENTS[name];
if (!measure)
  throw new Error(`unknown measurement ${name}; one of ${Object.keys(MEASUREMENTS).join(", ")}`);
console.log(JSON.stringify(Array.from({ length: Number(repetitions) }, () => measure(Number(n)))));
