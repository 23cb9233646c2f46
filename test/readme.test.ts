import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it, vi } from "vitest";

// Compiles, spawns processes or synthesizes whole apps: slower than vitest's 5 s default.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ROOT = resolve(__dirname, "..");
const GENERATED = join(ROOT, "test/.generated");
const QUICK_START = join(GENERATED, "readme-quick-start.ts");

/** The first TypeScript block under "## Quick start", importing the library from lib/. */
function quickStart(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Quick start"));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error("README.md has no ts block under ## Quick start");
  return code.replace(/from "cdktf-acr-transfer"/g, 'from "../../lib"');
}

describe("README quick start", () => {
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(QUICK_START, quickStart());
  const outDir = mkdtempSync(join(tmpdir(), "quick-start-"));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("type-checks", () => {
    const program = ts.createProgram([QUICK_START], {
      strict: true,
      noEmit: true,
      esModuleInterop: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      types: ["node"],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);
  });

  it("synthesizes the pipeline, its grant and the run", () => {
    execFileSync(process.execPath, [require.resolve("tsx/cli"), QUICK_START], {
      cwd: outDir,
      stdio: "pipe",
    });
    const synth = JSON.parse(
      readFileSync(join(outDir, "cdktf.out/stacks/acr-export/cdk.tf.json"), "utf8"),
    );
    const resources = synth.resource;
    expect(Object.keys(resources.azapi_resource)).toHaveLength(2);
    expect(Object.values<any>(resources.azurerm_role_assignment)[0].role_definition_name).toBe(
      "Storage Blob Data Contributor",
    );
    expect(Object.keys(resources.azurerm_storage_container)).toHaveLength(1);
  });
});
