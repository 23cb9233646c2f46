#!/usr/bin/env node
// `npm run check:jsii`: compiles the construct entry point (lib/index.ts) with jsii, so that lib/
// stays usable from Python, Java, C# and Go. `--assembly` (npm run build:jsii, and prepack) also
// puts the result into the package: the assembly as .jsii at the top of the repo, and jsii's
// JavaScript for the entry point's modules over tsc's in dist/ (jsii's adds the runtime type
// information the jsii kernel reads). `--python` then generates the Python package from the
// assembly with jsii-pacmak (code only: no Python registry is needed) and byte-compiles it with
// `python3 -m compileall`. The testing harness (`cdktf-acr-transfer/testing`), the review's
// model/ and the command in cli/ are TypeScript-only entry points: not part of the assembly.
//
// jsii reads its settings from package.json and writes its own tsconfig.json, .jsii and .js files
// next to the sources. To leave the real package.json and the work tree alone, the script lays out
// a throwaway package in the OS temp dir (package.json with the real name, version, targets and
// repository, the README, a copy of lib/ without the folders of the other entry points,
// node_modules linked to the repo's), runs jsii there with warnings as errors, takes what it
// asked for and deletes it. Other arguments go to jsii (e.g. `-- -vv`). It needs no network.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Folders of lib/ outside the main entry point (`cdktf-acr-transfer/testing`, the review command); not part of the check. */
const EXCLUDED = ["testing", "model", "cli"].map((folder) => join(ROOT, "lib", folder));
const FLAGS = ["--assembly", "--python"];
const flags = new Set(process.argv.slice(2).filter((arg) => FLAGS.includes(arg)));
const jsiiArgs = process.argv.slice(2).filter((arg) => !FLAGS.includes(arg));

const real = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const optionalPeers = real.peerDependenciesMeta ?? {};
const requireHere = createRequire(join(ROOT, "package.json"));

/**
 * jsii libraries take the jsii libraries whose types they expose (cdktf, constructs, azurerm) as
 * peer dependencies, and each peer as a devDependency at its lowest version. Optional peers
 * (vitest, for the testing entry point) are left out: jsii accepts only jsii libraries there.
 */
const declaredPeers = {
  ...real.dependencies,
  ...Object.fromEntries(
    Object.entries(real.peerDependencies).filter(([name]) => !optionalPeers[name]?.optional),
  ),
};
/**
 * jsii wants each peer range to start at the devDependency the check compiles against; a peer
 * whose range starts lower (e.g. azurerm ^14.11.0 against 14.23.1) is checked against what is
 * installed, from that version on.
 */
const peerDependencies = Object.fromEntries(
  Object.entries(declaredPeers).map(([name, range]) => {
    const installed = real.devDependencies[name];
    return [name, installed && range !== installed ? `^${installed}` : range];
  }),
);
const devDependencies = Object.fromEntries(
  Object.entries(peerDependencies).map(([name, range]) => [
    name,
    real.devDependencies[name] ?? range,
  ]),
);

/** The throwaway package: the real one's identity and jsii targets, lib/index.ts as its main. */
const manifest = {
  name: real.name,
  version: real.version,
  description: real.description,
  license: real.license,
  author: real.author,
  repository: real.repository,
  homepage: real.homepage,
  keywords: real.keywords,
  main: "lib/index.js",
  types: "lib/index.d.ts",
  peerDependencies,
  devDependencies,
  jsii: real.jsii,
};

const work = mkdtempSync(join(tmpdir(), "cdktf-acr-transfer-jsii-"));
/** jsii names files relative to the throwaway package; this makes them relative to the repo. */
const inRepo = (output) =>
  output
    .toString()
    .replaceAll(`${work}${sep}`, "")
    .replaceAll(`${relative(work, ROOT)}${sep}`, "");

/** Runs a node script; echoes its output (to stderr) with repo-relative paths; returns its status. */
function runNode(script, args, cwd) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      // jsii would otherwise download its release calendar to warn about its own support dates.
      JSII_SILENCE_SUPPORT_WARNING: "1",
      // The project supports Node 20 (package.json "engines"); jsii's banner about it is noise.
      JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: "20",
      JSII_SUPPRESS_UPGRADE_PROMPT: "1",
    },
  });
  // All of it to stderr: under `npm pack --json` (prepack), stdout is npm's JSON.
  process.stderr.write(inRepo(result.stdout));
  process.stderr.write(inRepo(result.stderr));
  return result.status ?? 1;
}

/** Every .js file jsii emitted for lib/, relative to lib/. */
function emittedJs() {
  return readdirSync(join(work, "lib"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".js"))
    .map((entry) => relative(join(work, "lib"), join(entry.parentPath, entry.name)));
}

/** The assembly into the repo, jsii's JavaScript over tsc's in dist/ (npm run build first). */
function install() {
  cpSync(join(work, ".jsii"), join(ROOT, ".jsii"));
  for (const file of emittedJs()) cpSync(join(work, "lib", file), join(ROOT, "dist", file));
}

/** jsii-pacmak's Python code for the assembly, byte-compiled; returns the status. */
function python() {
  const out = join(work, "pacmak");
  const pacmak = requireHere.resolve("jsii-pacmak/bin/jsii-pacmak");
  const args = ["--code-only", "--targets", "python", "--outdir", out, work];
  if (runNode(pacmak, args, ROOT) !== 0) return 1;
  const compiled = spawnSync("python3", ["-m", "compileall", "-q", out], { encoding: "utf8" });
  process.stderr.write(inRepo(compiled.stdout ?? ""));
  process.stderr.write(inRepo(`${compiled.stderr ?? ""}${compiled.error ?? ""}`));
  if (compiled.status !== 0) return 1;
  const modules = readdirSync(join(out, "python"), { recursive: true }).filter((f) =>
    String(f).endsWith(".py"),
  );
  console.error(`check:jsii: Python package generated and compiled (${modules.length} modules)`);
  return 0;
}

try {
  writeFileSync(join(work, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(join(ROOT, "README.md"), join(work, "README.md"));
  cpSync(join(ROOT, "LICENSE"), join(work, "LICENSE"));
  cpSync(join(ROOT, "lib"), join(work, "lib"), {
    recursive: true,
    filter: (source) => !EXCLUDED.some((dir) => source === dir || source.startsWith(dir + sep)),
  });
  symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"), "junction");

  let status = runNode(requireHere.resolve("jsii/bin/jsii"), ["--Werr", ...jsiiArgs], work);
  if (status !== 0) console.error("check:jsii: lib/ does not compile with jsii (see above)");
  if (status === 0 && flags.has("--assembly")) install();
  if (status === 0 && flags.has("--python")) status = python();
  process.exitCode = status;
} finally {
  rmSync(work, { recursive: true, force: true });
}
