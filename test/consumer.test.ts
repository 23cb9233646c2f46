// The package as a consumer gets it: `npm pack` on a copy of the checkout as git sees it (a fresh
// clone, so no dist/), the tarball installed next to its peers into a scratch project with the cdktf
// TypeScript template's tsconfig, and a stack there type-checked with tsc and synthesized with node.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, posix, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listFiles } from "./support/files";
import { relativeLinks } from "./support/markdown";

// Packing builds the library and installing unpacks provider-azurerm: about 20 s together.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

const ROOT = resolve(__dirname, "..");
const NAME = "cdktf-acr-transfer";
const TEMPLATE_TSCONFIG = "node_modules/cdktf-cli/bundle/templates/typescript/tsconfig.json";

/**
 * The consumer's stack: a registry made in the same stack, an export pipeline and a run, and the
 * client config read through the `azapi` subpath (the general bindings are not in the root).
 */
const MAIN_TS = `
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import * as acr from "${NAME}";
import { checkTransferConformance } from "${NAME}/testing";
import { DataAzapiClientConfig } from "${NAME}/azapi";

const ACCOUNT_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/transfer/providers/Microsoft.Storage/storageAccounts/sourcesa";

class TransferStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new acr.AzapiProvider(this, "azapi");
    new AzurermProvider(this, "azurerm", { features: [{}] });
    const registry = new ContainerRegistry(this, "Acr", {
      name: "sourceacr", resourceGroupName: "transfer", location: "eastus", sku: "Premium",
    });
    const pipeline = new acr.ExportPipeline(this, "Export", {
      registry: acr.RegistryRef.fromContainerRegistry(registry),
      pipelineName: "exportToGov",
      container: new acr.TransferContainer(this, "Blobs", {
        storageAccount: acr.StorageAccountRef.fromStorageAccountId(this, "Sa", ACCOUNT_ID),
        containerName: "transfer",
      }),
      storageAccess: acr.StorageAccess.managedIdentity(),
    });
    new acr.ExportPipelineRun(this, "Nightly", {
      pipeline, runName: "nightly001", blobName: "images", artifacts: ["samples/hello-world:v1"],
    });
    new DataAzapiClientConfig(this, "Client");
  }
}

const app = new App();
const problems = checkTransferConformance(new TransferStack(app, "consumer"));
if (problems.length > 0) throw new Error(JSON.stringify(problems));
app.synth();
`;

/** Runs a command; returns its stdout, or throws with its whole output. */
function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ?? ""}`;
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${output}`);
  }
  return result.stdout;
}

/** Copies what git sees (tracked or new, not ignored) and packs the copy; returns the tarball. */
function packFreshCopy(scratch: string): string {
  const clone = join(scratch, "clone");
  const listed = run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT);
  for (const file of listed.split("\0").filter((f) => f && existsSync(join(ROOT, f)))) {
    cpSync(join(ROOT, file), join(clone, file));
  }
  symlinkSync(join(ROOT, "node_modules"), join(clone, "node_modules"), "junction");
  const [{ filename }] = JSON.parse(
    run("npm", ["pack", "--json", "--pack-destination", scratch], clone),
  );
  return join(scratch, filename);
}

/** A project on the cdktf template's tsconfig with the tarball and our tested peer versions. */
function installConsumer(scratch: string, tarball: string): string {
  const consumer = join(scratch, "consumer");
  mkdirSync(consumer);
  const dev = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).devDependencies;
  const peers = ["cdktf", "constructs", "@cdktf/provider-azurerm", "typescript"];
  const dependencies = Object.fromEntries(peers.map((name) => [name, dev[name]]));
  const pkg = {
    name: "consumer",
    private: true,
    dependencies: { ...dependencies, [NAME]: `file:${tarball}` },
  };
  writeFileSync(join(consumer, "package.json"), JSON.stringify(pkg, null, 2));
  cpSync(join(ROOT, TEMPLATE_TSCONFIG), join(consumer, "tsconfig.json"));
  writeFileSync(join(consumer, "main.ts"), MAIN_TS);
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], consumer);
  return consumer;
}

describe("the package as a consumer installs it", () => {
  const scratch = mkdtempSync(join(tmpdir(), `${NAME}-consumer-`));
  let consumer = "";
  let installed = "";
  let tarball = "";
  /** The package's files, without what npm may have installed under it. */
  let files: string[] = [];
  beforeAll(() => {
    tarball = packFreshCopy(scratch);
    consumer = installConsumer(scratch, tarball);
    installed = join(consumer, "node_modules", NAME);
    files = listFiles(installed).filter((file) => !file.startsWith("node_modules/"));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("holds the build, the jsii assembly, LICENSE, README and docs/, and no sources or tests", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        ".jsii",
        "LICENSE",
        "README.md",
        "dist/index.d.ts",
        "dist/index.js",
        "dist/azapi/index.d.ts",
        "dist/azapi/index.js",
        "dist/testing/index.d.ts",
        "dist/testing/setup.mjs",
        "docs/guide.md",
        "docs/api/README.md",
      ]),
    );
    expect(files.filter((f) => /^(lib|test|examples)\//.test(f))).toEqual([]);
  });

  it("brings no copy of a peer of its own", () => {
    expect(existsSync(join(installed, "node_modules"))).toBe(false);
  });

  it("keeps every relative link of its README and docs inside the package", () => {
    const broken = files
      .filter((file) => file.endsWith(".md"))
      .flatMap((file) =>
        relativeLinks(readFileSync(join(installed, file), "utf8"))
          .map((link) => decodeURIComponent(link.split("#")[0]).replace(/\/$/, ""))
          .filter((path) => path !== "")
          .map((path) => posix.join(posix.dirname(file), path))
          .filter((target) => !files.some((f) => f === target || f.startsWith(`${target}/`)))
          .map((target) => `${file} -> ${target}`),
      );
    expect(broken).toEqual([]);
  });

  it("type-checks the consumer's stack with the cdktf template's tsconfig", () => {
    run(process.execPath, [join(consumer, "node_modules/typescript/bin/tsc"), "-p", "."], consumer);
  });

  it("synthesizes the consumer's stack with node: the export pipeline, its run, the client config", () => {
    run(process.execPath, ["main.js"], consumer);
    const synth = JSON.parse(
      readFileSync(join(consumer, "cdktf.out/stacks/consumer/cdk.tf.json"), "utf8"),
    );
    const types = Object.values<any>(synth.resource.azapi_resource).map((r) => r.type);
    expect(types).toEqual([
      expect.stringMatching(/^Microsoft\.ContainerRegistry\/registries\/exportPipelines@/),
      expect.stringMatching(/^Microsoft\.ContainerRegistry\/registries\/pipelineRuns@/),
    ]);
    expect(Object.keys(synth.data.azapi_client_config)).toHaveLength(1);
  });

  it("runs the review command from its bin, on what it synthesized", () => {
    const report = run(
      join(consumer, "node_modules", ".bin", NAME),
      ["review", "cdktf.out"],
      consumer,
    );
    expect(report).toMatch(/^# ACR Transfer review\n/);
    expect(report).toMatch(/^\| export \| `exportToGov` \|/m);
  });

  it("passes npm publish --dry-run", () => {
    const output = spawnSync("npm", ["publish", "--dry-run", tarball], {
      cwd: scratch,
      encoding: "utf8",
    });
    expect(output.status, output.stderr).toBe(0);
    expect(output.stderr).toMatch(new RegExp(`${NAME}@\\d+\\.\\d+\\.\\d+`));
  });
});
