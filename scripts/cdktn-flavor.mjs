#!/usr/bin/env node
// `npm run build:cdktn` / `npm run pack:cdktn`: the CDK Terrain flavor of the package,
// `cdktn-acr-transfer`, generated from the same source as `cdktf-acr-transfer`.
//
// lib/core/cdk.ts and lib/core/azurerm.ts are the only modules of lib/ that import the CDK core
// (`cdktf`) or the azurerm bindings (`@cdktf/provider-azurerm`); the architecture test holds every
// other file to that. This script copies lib/ and examples/ to build/cdktn/src/, points the
// module specifiers of the two seam modules (and of the examples, which are consumer code) at
// `cdktn` and `@cdktn/provider-azurerm`, and compiles the copy with the repo's tsconfig against
// the real cdktn types: a member that the azurerm provider 16 renamed fails here, not at a
// consumer's synth. The package goes to build/cdktn/package/ (package.json rewritten: name, bin,
// peers, keywords; no scripts), the compiled examples stay in build/cdktn/out/examples/ for the
// flavor tests. With `--pack`, `npm pack` writes the tarball to build/ and its path is the last
// line printed. It needs no network.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BUILD = join(ROOT, "build");
const STAGE = join(BUILD, "cdktn");
const SOURCES = join(STAGE, "src");
const OUT = join(STAGE, "out");
const PACKAGE = join(STAGE, "package");

/** The seam modules of lib/: the only files of the library whose imports change. */
const SEAM = ["lib/core/cdk.ts", "lib/core/azurerm.ts"];

/** Module specifiers of cdktf and its azurerm bindings, and what the cdktn flavor imports. */
const SPECIFIERS = [
  [/(["'])cdktf(["/])/g, "$1cdktn$2"],
  [/(["'])@cdktf\/provider-azurerm(["/])/g, "$1@cdktn/provider-azurerm$2"],
];
/** Any import of the cdktf core or a @cdktf package: none may remain after the rewrite. */
const CDKTF_IMPORT = /from\s+["'](cdktf|@cdktf\/[^"']+)(["'/])/;

/** What the cdktn package's manifest says instead of the cdktf one's. */
const CDKTN_PEERS = {
  cdktn: "^0.24.0",
  constructs: ">=10.6.0 <10.8.0",
  "@cdktn/provider-azurerm": "^16.1.0",
};
const CDKTN_KEYWORDS = ["cdktn", "cdk-terrain", "cdk", "terraform", "azure", "acr", "construct"];

/** Rewrites one source's module specifiers; fails when one is left pointing at cdktf. */
function rewrite(file) {
  const text = SPECIFIERS.reduce(
    (source, [pattern, replacement]) => source.replace(pattern, replacement),
    readFileSync(file, "utf8"),
  );
  if (CDKTF_IMPORT.test(text)) throw new Error(`${file}: an import of cdktf is left after rewrite`);
  writeFileSync(file, text);
  return text;
}

/** Every .ts/.mts file under `dir`. */
function sources(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.m?ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Copies lib/ and examples/ and points them at cdktn; lib/ only through the seam. */
function stageSources() {
  rmSync(STAGE, { recursive: true, force: true });
  cpSync(join(ROOT, "lib"), join(SOURCES, "lib"), { recursive: true });
  cpSync(join(ROOT, "examples"), join(SOURCES, "examples"), { recursive: true });
  for (const file of sources(join(SOURCES, "lib"))) {
    const seam = SEAM.includes(relative(SOURCES, file).split("\\").join("/"));
    if (seam) {
      if (rewrite(file) === readFileSync(join(ROOT, relative(SOURCES, file)), "utf8")) {
        throw new Error(`${file}: the seam module imports neither cdktf nor its azurerm bindings`);
      }
    } else if (CDKTF_IMPORT.test(readFileSync(file, "utf8"))) {
      throw new Error(`${relative(SOURCES, file)} imports cdktf outside the seam (${SEAM})`);
    }
  }
  for (const file of sources(join(SOURCES, "examples"))) rewrite(file);
}

/** Compiles the staged sources with the repo's compiler options into build/cdktn/out/. */
function compile() {
  const tsconfig = {
    extends: relative(STAGE, join(ROOT, "tsconfig.json")).split("\\").join("/"),
    compilerOptions: { rootDir: "src", outDir: "out" },
    include: ["src/lib", "src/examples"],
  };
  writeFileSync(join(STAGE, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  const tsc = createRequire(join(ROOT, "package.json")).resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", STAGE], { encoding: "utf8" });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error("the cdktn flavor does not compile against cdktn (see above)");
  }
  // The examples read files beside their sources (bulk-transfer's artifacts.txt).
  cpSync(join(SOURCES, "examples"), join(OUT, "examples"), {
    recursive: true,
    filter: (source) => !/\.m?ts$/.test(source),
  });
}

/** The cdktf package's manifest, turned into the cdktn package's. */
function cdktnManifest() {
  const real = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const optional = Object.keys(real.peerDependenciesMeta ?? {});
  const keptPeers = Object.fromEntries(
    Object.entries(real.peerDependencies).filter(([name]) => optional.includes(name)),
  );
  const [cdktfBin] = Object.values(real.bin);
  const {
    scripts: _scripts,
    devDependencies: _dev,
    overrides: _overrides,
    jsii: _jsii,
    ...kept
  } = real;
  return {
    ...kept,
    name: "cdktn-acr-transfer",
    description: real.description.replace("CDK for Terraform", "CDK Terrain (cdktn)"),
    keywords: CDKTN_KEYWORDS,
    // Its own name, and the cdktf flavor's, which the docs and the CI kit (ci/) call.
    bin: { "cdktn-acr-transfer": cdktfBin, ...real.bin },
    files: real.files.filter((entry) => entry !== ".jsii"),
    peerDependencies: { ...CDKTN_PEERS, ...keptPeers },
  };
}

/** Lays out build/cdktn/package/: the compiled library, the manifest, README, LICENSE, docs. */
function stagePackage() {
  cpSync(join(OUT, "lib"), join(PACKAGE, "dist"), { recursive: true });
  writeFileSync(join(PACKAGE, "package.json"), `${JSON.stringify(cdktnManifest(), null, 2)}\n`);
  for (const file of ["README.md", "LICENSE", "CHANGELOG.md"]) {
    cpSync(join(ROOT, file), join(PACKAGE, file));
  }
  // What else the cdktf package ships (docs/, the CI kit), as it is.
  const shipped = cdktnManifest().files.filter((entry) => !/^(!|dist\/)/.test(entry));
  for (const entry of shipped) {
    cpSync(join(ROOT, entry), join(PACKAGE, entry), { recursive: true });
  }
}

/** `npm pack` of the staged package into build/; returns the tarball's path. */
function pack() {
  const result = spawnSync("npm", ["pack", "--json", "--pack-destination", BUILD], {
    cwd: PACKAGE,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`npm pack failed:\n${result.stdout}${result.stderr}`);
  const [{ filename }] = JSON.parse(result.stdout);
  return join(BUILD, filename);
}

mkdirSync(BUILD, { recursive: true });
stageSources();
compile();
stagePackage();
console.log(`cdktn flavor built in ${relative(ROOT, PACKAGE)}`);
if (process.argv.includes("--pack")) console.log(pack());
