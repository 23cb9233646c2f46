#!/usr/bin/env node
// `npm run check:jsii`: compiles the main entry point (lib/index.ts) with jsii, so that lib/ stays
// compilable for Python, Java, C# and Go. Nothing is published with jsii; this is a check only.
//
// jsii reads its settings from package.json and writes its own tsconfig.json, .jsii and .js files
// next to the sources. To leave the real package.json and the work tree alone, the script lays out
// a throwaway package in the OS temp dir (a package.json with the jsii settings, the README, a copy
// of lib/ without the folders of the other entry points, node_modules linked to the repo's), runs
// jsii there with warnings as errors, deletes it and exits with jsii's status. Extra arguments go
// to jsii (e.g. `-- -vv` lists what other languages will not see). It needs no network.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Folders of lib/ outside the main entry point (`cdktf-acr-transfer/testing`, the review command); not part of the check. */
const EXCLUDED = ["testing", "model", "cli"].map((folder) => join(ROOT, "lib", folder));

const real = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const optionalPeers = real.peerDependenciesMeta ?? {};

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

/** The throwaway package; author and repository are placeholders that jsii requires. */
const manifest = {
  name: real.name,
  version: real.version,
  description: real.description,
  license: real.license,
  author: { name: "cdktf-acr-transfer contributors", organization: false },
  repository: { type: "git", url: "https://example.invalid/cdktf-acr-transfer.git" },
  main: "lib/index.js",
  types: "lib/index.d.ts",
  peerDependencies,
  devDependencies,
  jsii: {},
};

const work = mkdtempSync(join(tmpdir(), "cdktf-acr-transfer-jsii-"));
/** jsii names files relative to the throwaway package; this makes them relative to the repo. */
const inRepo = (output) =>
  output
    .toString()
    .replaceAll(`${work}${sep}`, "")
    .replaceAll(`${relative(work, ROOT)}${sep}`, "");

try {
  writeFileSync(join(work, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(join(ROOT, "README.md"), join(work, "README.md"));
  cpSync(join(ROOT, "lib"), join(work, "lib"), {
    recursive: true,
    filter: (source) => !EXCLUDED.some((dir) => source === dir || source.startsWith(dir + sep)),
  });
  symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"), "junction");

  const jsii = createRequire(join(ROOT, "package.json")).resolve("jsii/bin/jsii");
  const result = spawnSync(process.execPath, [jsii, "--Werr", ...process.argv.slice(2)], {
    cwd: work,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      // jsii would otherwise download its release calendar to warn about its own support dates.
      JSII_SILENCE_SUPPORT_WARNING: "1",
      // The project supports Node 20 (package.json "engines"); jsii's banner about it is noise.
      JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: "20",
    },
  });
  process.stdout.write(inRepo(result.stdout));
  process.stderr.write(inRepo(result.stderr));
  if (result.status !== 0) console.error("check:jsii: lib/ does not compile with jsii (see above)");
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
