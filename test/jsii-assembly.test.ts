// The jsii assembly the package ships (npm test runs `npm run build:jsii` before vitest, which
// also generates the Python package from it and byte-compiles it): what it names and targets,
// what it leaves to the TypeScript-only entry points, and the runtime type information jsii's
// JavaScript carries in dist/.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..");
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const ASSEMBLY = join(ROOT, ".jsii");

describe("the jsii assembly", () => {
  it("exists (npm test and npm pack build it)", () => {
    expect(existsSync(ASSEMBLY), "run npm run build:jsii").toBe(true);
  });

  const assembly = existsSync(ASSEMBLY) ? JSON.parse(readFileSync(ASSEMBLY, "utf8")) : {};

  it("is the package's: name, version, repository, targets for four languages", () => {
    expect(assembly.name).toBe("cdktf-acr-transfer");
    expect(assembly.version).toBe(manifest.version);
    expect(assembly.repository).toEqual(manifest.repository);
    expect(assembly.targets).toEqual({
      js: { npm: "cdktf-acr-transfer" },
      ...manifest.jsii.targets,
    });
    expect(assembly.targets.python).toEqual({
      distName: "cdktf-acr-transfer",
      module: "cdktf_acr_transfer",
    });
    expect(Object.keys(assembly.targets).sort()).toEqual(["dotnet", "go", "java", "js", "python"]);
  });

  it("depends on the jsii libraries it exposes: cdktf, constructs, the azurerm bindings", () => {
    expect(Object.keys(assembly.dependencies).sort()).toEqual([
      "@cdktf/provider-azurerm",
      "cdktf",
      "constructs",
    ]);
  });

  it("holds the constructs of the main entry point, not the TypeScript-only ones", () => {
    const types = Object.keys(assembly.types);
    expect(types).toEqual(
      expect.arrayContaining([
        "cdktf-acr-transfer.ExportPipeline",
        "cdktf-acr-transfer.ImportPipeline",
        "cdktf-acr-transfer.ExportPipelineRun",
        "cdktf-acr-transfer.TransferPolicyPack",
        "cdktf-acr-transfer.RelativeLocalBackend",
      ]),
    );
    expect(types.filter((fqn) => /Matcher|Conformance|SynthJson|Review/.test(fqn))).toEqual([]);
  });
});

describe("package.json for Construct Hub and npm", () => {
  it("names both frameworks, Azure, ACR and construct in its keywords", () => {
    expect(manifest.keywords).toEqual(
      expect.arrayContaining(["cdktf", "cdktn", "azure", "acr", "construct"]),
    );
  });

  it("ships the assembly", () => {
    expect(manifest.files).toContain(".jsii");
  });
});

describe("dist/ of the main entry point, compiled by jsii", () => {
  it("carries the runtime type information the jsii kernel reads", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lib = require(join(ROOT, "dist"));
    const rtti = Symbol.for("jsii.rtti");
    expect(lib.ExportPipeline[rtti]).toEqual({
      fqn: "cdktf-acr-transfer.ExportPipeline",
      version: manifest.version,
    });
    expect(lib.RelativeLocalBackend[rtti].fqn).toBe("cdktf-acr-transfer.RelativeLocalBackend");
  });
});
