// Holds lib/ to docs/architecture.md and to the rules it states.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { importCycles, importGraph, upwardImports } from "./support/import-graph";

const ROOT = resolve(__dirname, "..");
const LIB = join(ROOT, "lib");
const MAP = readFileSync(join(ROOT, "docs", "architecture.md"), "utf8");

/** Every source file under lib/, as `folder/file` relative to lib/. */
function sources(dir = LIB): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.m?ts$/.test(name) ? [relative(LIB, path)] : [];
  });
}

/** The files the map lists, as `folder/file`, from its per-folder tables. */
function mapped(): string[] {
  const files: string[] = [];
  let folder = "";
  for (const line of MAP.split("\n")) {
    const heading = /^### `([a-z-]+)\/`/.exec(line);
    if (heading) folder = heading[1];
    const row = /^\|\s*`([\w.-]+\.m?ts)`\s*\|/.exec(line);
    if (row && folder) files.push(`${folder}/${row[1]}`);
  }
  return files;
}

/** The layers the map lists under "The layers", bottom to top (folders, then `index.ts`). */
function layers(): string[] {
  const section = MAP.split(/^## /m).find((s) => s.startsWith("The layers"));
  return [...(section ?? "").matchAll(/^\d+\. `([\w.-]+?)\/?`/gm)].map((m) => m[1]);
}

describe("lib/ against docs/architecture.md", () => {
  const files = sources();
  let imports: ReturnType<typeof importGraph> | undefined;
  const graph = () => (imports ??= importGraph(LIB, files));

  it("lists every file under lib/ in its folder, and no file that is not there", () => {
    const nested = files.filter((f) => f.includes("/"));
    expect(mapped().sort()).toEqual(nested.sort());
  });

  it("keeps every file under 300 lines", () => {
    const long = files.filter((f) => readFileSync(join(LIB, f), "utf8").split("\n").length > 300);
    expect(long).toEqual([]);
  });

  it("imports vitest only in lib/testing", () => {
    const importsVitest = files.filter((f) =>
      /from "vitest"|require\("vitest"\)/.test(readFileSync(join(LIB, f), "utf8")),
    );
    expect(importsVitest.every((f) => f.startsWith("testing/"))).toBe(true);
  });

  it("reaches the CDK core and the azurerm bindings only through the seam in lib/core", () => {
    const framework = /(?:from|import|require\()\s*\(?"(?:(?:cdktf|cdktn)(?:"|\/)|@cdkt[fn]\/)/;
    const importing = files.filter(
      (f) => !f.startsWith("core/") && framework.test(readFileSync(join(LIB, f), "utf8")),
    );
    expect(importing).toEqual([]);
  });

  it("keeps lib/arm free of cdktf", () => {
    const arm = files.filter((f) => f.startsWith("arm/"));
    const importing = arm.filter((f) =>
      /from "\.\.\/core\//.test(readFileSync(join(LIB, f), "utf8")),
    );
    expect(importing).toEqual([]);
  });

  it("recognises azurerm resources by Terraform type, never instanceof", () => {
    const offending = files.filter(
      (f) =>
        !f.startsWith("testing/") &&
        /instanceof\s+(?:DataAzurerm|KeyVault|StorageAccount|ContainerRegistry|UserAssignedIdentity|RoleAssignment)/.test(
          readFileSync(join(LIB, f), "utf8"),
        ),
    );
    expect(offending).toEqual([]);
  });

  it("lists every folder of lib/ in one layer, bottom to top", () => {
    const folders = [...new Set(files.map((f) => (f.includes("/") ? f.split("/")[0] : f)))];
    expect([...layers()].sort()).toEqual(folders.sort());
    expect(layers().slice(0, 2)).toEqual(["core", "arm"]);
    expect(layers().at(-1)).toBe("index.ts");
  });

  it("imports only from its own layer or the layers below it", () => {
    expect(upwardImports(graph(), layers())).toEqual([]);
  });

  it("has no import cycle between files, type-only imports included", () => {
    expect(importCycles(graph())).toEqual([]);
  });

  it("annotates only through lib/private/annotations.ts, which redacts every message", () => {
    const annotating = files.filter(
      (f) =>
        !f.startsWith("core/") &&
        f !== "private/annotations.ts" &&
        /Annotations\.of\(|\.addMetadata\(\s*(?:AnnotationMetadataEntryType|level\b|"@cdktf\/)/.test(
          readFileSync(join(LIB, f), "utf8"),
        ),
    );
    expect(annotating).toEqual([]);
  });
});

describe("the layering check", () => {
  const graph = new Map([
    ["arm/a.ts", ["arm/b.ts"]],
    ["arm/b.ts", ["validation/v.ts"]],
    ["validation/v.ts", ["arm/a.ts"]],
    ["index.ts", ["validation/v.ts", "arm/b.ts"]],
    ["secrets/self.ts", ["secrets/self.ts"]],
  ]);

  it("reports an import of a folder listed above the importer, and an unlisted folder", () => {
    expect(upwardImports(graph, ["arm", "validation", "index.ts"])).toEqual([
      "arm/b.ts -> validation/v.ts",
      "secrets/self.ts -> secrets/self.ts",
    ]);
  });

  it("reports each cycle once, as a path back to its first file", () => {
    expect(importCycles(graph)).toEqual([
      ["arm/a.ts", "arm/b.ts", "validation/v.ts", "arm/a.ts"],
      ["secrets/self.ts", "secrets/self.ts"],
    ]);
  });
});
