// The cdktn package as a CDK Terrain user gets it: the tarball `npm run pack:cdktn` wrote (npm
// test runs it first) installed into a scratch cdktn 0.24 project with @cdktn/provider-azurerm
// 16.1 and the override its peer range needs, a stack there type-checked with tsc and
// synthesized with node, and the tarball put through `npm publish --dry-run`.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ROOT } from "./cdktn-flavor";

// Installing unpacks cdktn and provider-azurerm 16 (from npm's cache): about 15 s.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

const NAME = "cdktn-acr-transfer";
const TEMPLATE_TSCONFIG = "node_modules/cdktf-cli/bundle/templates/typescript/tsconfig.json";
const { version, devDependencies: dev } = JSON.parse(
  readFileSync(join(ROOT, "package.json"), "utf8"),
);
const TARBALL = join(ROOT, "build", `${NAME}-${version}.tgz`);

/** The consumer's stack, as a cdktn user writes it: cdktn and @cdktn/provider-azurerm. */
const MAIN_TS = `
import { App, TerraformStack } from "cdktn";
import { Construct } from "constructs";
import { ContainerRegistry } from "@cdktn/provider-azurerm/lib/container-registry";
import { AzurermProvider } from "@cdktn/provider-azurerm/lib/provider";
import * as acr from "${NAME}";
import { checkTransferConformance } from "${NAME}/testing";

const ACCOUNT_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/transfer/providers/Microsoft.Storage/storageAccounts/sourcesa";

class TransferStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new acr.RelativeLocalBackend(this);
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

/** Every package installed under `dir`/node_modules, scoped ones as @scope/name. */
function installedPackages(dir: string): string[] {
  const modules = join(dir, "node_modules");
  if (!existsSync(modules)) return [];
  return readdirSync(modules)
    .filter((entry) => !entry.startsWith("."))
    .flatMap((entry) =>
      entry.startsWith("@")
        ? readdirSync(join(modules, entry)).map((name) => `${entry}/${name}`)
        : [entry],
    )
    .flatMap((name) => [name, ...installedPackages(join(modules, name))]);
}

describe("the cdktn package in a cdktn 0.24 project", () => {
  const scratch = mkdtempSync(join(tmpdir(), `${NAME}-consumer-`));
  const consumer = join(scratch, "consumer");
  beforeAll(() => {
    if (!existsSync(TARBALL)) throw new Error(`${TARBALL} is missing: run npm run pack:cdktn`);
    mkdirSync(consumer);
    const pkg = {
      name: "consumer",
      private: true,
      dependencies: {
        cdktn: dev.cdktn,
        constructs: dev.constructs,
        "@cdktn/provider-azurerm": dev["@cdktn/provider-azurerm"],
        typescript: dev.typescript,
        [NAME]: `file:${TARBALL}`,
      },
      // @cdktn/provider-azurerm 16.1.0 peers cdktn ^0.23.0, which 0.24.0 is not within.
      overrides: { "@cdktn/provider-azurerm": { cdktn: "$cdktn" } },
    };
    writeFileSync(join(consumer, "package.json"), JSON.stringify(pkg, null, 2));
    cpSync(join(ROOT, TEMPLATE_TSCONFIG), join(consumer, "tsconfig.json"));
    writeFileSync(join(consumer, "main.ts"), MAIN_TS);
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], consumer);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("installs without any cdktf package", () => {
    const names = installedPackages(consumer);
    expect(names).toEqual(expect.arrayContaining(["cdktn", NAME, "@cdktn/provider-azurerm"]));
    expect(names.filter((name) => /^(cdktf|@cdktf\/)/.test(name))).toEqual([]);
  });

  it("type-checks the consumer's stack with the template's tsconfig", () => {
    run(process.execPath, [join(consumer, "node_modules/typescript/bin/tsc"), "-p", "."], consumer);
  });

  it("synthesizes the stack with node: the pipeline, its run, a relative state path", () => {
    run(process.execPath, ["main.js"], consumer);
    const synth = JSON.parse(
      readFileSync(join(consumer, "cdktf.out/stacks/consumer/cdk.tf.json"), "utf8"),
    );
    const types = Object.values<any>(synth.resource.azapi_resource).map((r) => r.type);
    expect(types).toEqual([
      expect.stringMatching(/^Microsoft\.ContainerRegistry\/registries\/exportPipelines@/),
      expect.stringMatching(/^Microsoft\.ContainerRegistry\/registries\/pipelineRuns@/),
    ]);
    expect(synth.terraform.backend.local.path).toBe("../../../terraform.consumer.tfstate");
  });

  it("runs the review command from its bin, on what it synthesized", () => {
    const bin = join(consumer, "node_modules", ".bin", NAME);
    const report = run(bin, ["review", "cdktf.out"], consumer);
    expect(report).toMatch(/^\| export \| `exportToGov` \|/m);
  });
});

describe("publishing both flavors", () => {
  it("npm publish --dry-run accepts the cdktn tarball", () => {
    const result = spawnSync("npm", ["publish", "--dry-run", TARBALL], {
      cwd: tmpdir(),
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(`${NAME}@${version}`);
  });
});
