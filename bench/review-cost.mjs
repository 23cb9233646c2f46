// (d) The review command on a 100-registry app: each registry has an export and an import
// pipeline (managed identity, one shared user-assigned identity, a container each) and a run
// of each, under the recommended policy pack. The app is synthesized once into a temp dir; the
// command then runs in fresh processes, as CI runs it, Node's start-up included.
// Standalone: `npm run build && node bench/review-cost.mjs`; `npm run bench` runs it last.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, ms, printTable, timed } from "./stats.mjs";

const require = createRequire(new URL("../package.json", import.meta.url));
const root = fileURLToPath(new URL("..", import.meta.url));
const { App, TerraformStack } = require("cdktf");
const lib = require("./dist/index.js");

const REGISTRIES = 100;
const REPETITIONS = 5;
const RG =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/transfer-rg/providers";

/** Synthesizes the 100-registry app into `outdir`. */
function synthApp(outdir) {
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, "registries");
  new lib.AzapiProvider(stack, "azapi");
  const { AzurermProvider } = require("@cdktf/provider-azurerm/lib/provider");
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  const account = lib.StorageAccountRef.fromStorageAccountId(
    stack,
    "Account",
    `${RG}/Microsoft.Storage/storageAccounts/transferhub`,
  );
  const identity = lib.PipelineIdentity.userAssigned(
    lib.UserIdentity.fromIdentityId(
      stack,
      "Identity",
      `${RG}/Microsoft.ManagedIdentity/userAssignedIdentities/transfer`,
    ),
  );
  for (let i = 0; i < REGISTRIES; i++) {
    const registry = lib.RegistryRef.fromRegistryId(
      stack,
      `Registry${i}`,
      `${RG}/Microsoft.ContainerRegistry/registries/registry${i}`,
      { location: "eastus" },
    );
    const side = (Pipeline, name, container) =>
      new Pipeline(stack, `${name}${i}`, {
        registry,
        pipelineName: `${name.toLowerCase()}${i}`,
        container: new lib.TransferContainer(stack, `${name}Container${i}`, {
          storageAccount: account,
          containerName: `${container}-${i}`,
        }),
        storageAccess: lib.StorageAccess.managedIdentity(),
        identity,
      });
    const exporter = side(lib.ExportPipeline, "Export", "outbound");
    const importer = side(lib.ImportPipeline, "Import", "inbound");
    new lib.ExportPipelineRun(stack, `ExportRun${i}`, {
      pipeline: exporter,
      runName: `exportrun${i}`,
      blobName: `images-${i}`,
      artifacts: [`team${i}/app:v1`],
      rerunToken: "1",
    });
    new lib.ImportPipelineRun(stack, `ImportRun${i}`, {
      pipeline: importer,
      runName: `importrun${i}`,
      blobName: `images-${i}`,
      rerunToken: "1",
    });
  }
  new lib.TransferPolicyPack().applyTo(app);
  app.synth();
}

/** Runs the review command once; returns milliseconds and the report's size. */
function review(outdir, format) {
  const [elapsed, child] = timed(() =>
    spawnSync(
      process.execPath,
      [join(root, "dist/cli/main.js"), "review", outdir, "--format", format],
      {
        encoding: "utf8",
        maxBuffer: 1 << 28,
      },
    ),
  );
  if (child.status !== 0) throw new Error(`review failed (${child.status}):\n${child.stderr}`);
  return { ms: elapsed, bytes: child.stdout.length };
}

/**
 * The synthesized app copied `copies` times into one stack (every resource and data source
 * under a suffixed address, names suffixed), as a cdktf.out in `outdir`; returns its size.
 */
function scaledOut(source, outdir, copies) {
  const doc = JSON.parse(readFileSync(join(source, "stacks", "registries", "cdk.tf.json"), "utf8"));
  const original = JSON.stringify({ resource: doc.resource, data: doc.data });
  const scaled = { ...doc, resource: {}, data: {} };
  for (let copy = 0; copy < copies; copy++) {
    // Each reference and name gets the copy's suffix (block keys below), so references stay
    // within their copy.
    const part = JSON.parse(
      original
        .replace(/"name":"([^"$]+)"/g, `"name":"$1x${copy}"`)
        .replace(/((?:data\.)?(?:azapi_resource|azurerm_\w+)\.)([A-Za-z0-9_-]+)/g, `$1$2x${copy}`),
    );
    for (const section of ["resource", "data"]) {
      for (const [type, blocks] of Object.entries(part[section] ?? {})) {
        const renamed = Object.entries(blocks).map(([name, block]) => [`${name}x${copy}`, block]);
        scaled[section][type] = {
          ...(scaled[section][type] ?? {}),
          ...Object.fromEntries(renamed),
        };
      }
    }
  }
  mkdirSync(join(outdir, "stacks", "registries"), { recursive: true });
  const file = join(outdir, "stacks", "registries", "cdk.tf.json");
  writeFileSync(file, JSON.stringify(scaled));
  writeFileSync(
    join(outdir, "manifest.json"),
    JSON.stringify({
      stacks: {
        registries: {
          synthesizedStackPath: "stacks/registries/cdk.tf.json",
          workingDirectory: "stacks/registries",
          annotations: [],
        },
      },
    }),
  );
  return statSync(file).size;
}

/** Review time against input size up to 10 MB of cdktf.out; returns [verdict ok, text]. */
function measureScale(source) {
  const rows = [];
  const samples = [];
  for (const copies of [5, 10, 20]) {
    const outdir = mkdtempSync(join(tmpdir(), "acr-review-scale-"));
    try {
      const bytes = scaledOut(source, outdir, copies);
      const times = Array.from({ length: 3 }, () => review(outdir, "markdown").ms);
      samples.push({ bytes, ms: median(times) });
      rows.push([
        copies * REGISTRIES,
        `${(bytes / 1024 / 1024).toFixed(1)} MiB`,
        ms(median(times)),
      ]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }
  console.log(
    "(d2) review command on larger inputs: the 100-registry stack copied 5, 10 and 20 times into one stack, median of 3",
  );
  printTable(["registries", "cdk.tf.json", "time"], rows);
  const [first, , last] = samples;
  const growth = last.ms / first.ms / (last.bytes / first.bytes);
  return [
    last.ms < 10_000 && growth < 1.5,
    `review of ${(last.bytes / 1024 / 1024).toFixed(1)} MiB of cdktf.out in ${ms(last.ms)} (target < 10 s), time grows ${growth.toFixed(2)}x as fast as the input (target < 1.5x: linear)`,
  ];
}

/** Measures the review of the 100-registry app and of larger inputs; returns their verdicts. */
export function measureReview() {
  const outdir = mkdtempSync(join(tmpdir(), "acr-review-bench-"));
  try {
    const [synthMs] = timed(() => synthApp(outdir));
    const node = median(
      Array.from(
        { length: REPETITIONS },
        () => timed(() => spawnSync(process.execPath, ["-e", ""]))[0],
      ),
    );
    const rows = ["markdown", "json"].map((format) => {
      const runs = Array.from({ length: REPETITIONS }, () => review(outdir, format));
      const times = runs.map((r) => r.ms);
      return [
        format,
        ms(median(times)),
        `${ms(Math.min(...times))}-${ms(Math.max(...times))}`,
        `${(runs[0].bytes / 1024).toFixed(0)} KiB`,
      ];
    });
    console.log(
      `(d) review command: ${REGISTRIES} registries (${REGISTRIES * 2} pipelines, ${REGISTRIES * 2} runs, ` +
        `${REGISTRIES * 2} role assignments) synthesized in ${ms(synthMs)}; ` +
        `node dist/cli/main.js review <cdktf.out>, fresh process each, median of ${REPETITIONS} (an empty node process: ${ms(node)})`,
    );
    printTable(["format", "time", "min-max", "report"], rows);
    const markdownMs = Number.parseFloat(rows[0][1]);
    const reportChars = review(outdir, "markdown").bytes;
    return [
      [markdownMs < 1000, `review of ${REGISTRIES} registries in ${rows[0][1]} (target < 1 s)`],
      [
        reportChars <= 65_000,
        `the Markdown report of ${REGISTRIES} registries has ${reportChars} characters (target <= 65000: one pull-request comment)`,
      ],
      measureScale(outdir),
    ];
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [, text] of measureReview()) console.log(text);
}
