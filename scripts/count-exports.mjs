#!/usr/bin/env node
// `node scripts/count-exports.mjs [--list]`: how large the public API of the root entry point is.
// Prints two counts: the runtime exports of the built `dist/index.js` (run `npm run build` first),
// and every exported symbol of `lib/index.ts` as the TypeScript program sees it (classes, enums,
// functions, constants, interfaces and type aliases). `--list` prints the names as well.
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const list = process.argv.includes("--list");

const runtime = Object.keys(require(join(ROOT, "dist", "index.js"))).sort();

const config = ts.getParsedCommandLineOfConfigFile(
  join(ROOT, "tsconfig.json"),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  },
);
const program = ts.createProgram([join(ROOT, "lib", "index.ts")], config.options);
const checker = program.getTypeChecker();
const entry = program.getSourceFile(join(ROOT, "lib", "index.ts"));
const all = checker
  .getExportsOfModule(checker.getSymbolAtLocation(entry))
  .map((symbol) => symbol.getName())
  .sort();
const typeOnly = all.filter((name) => !runtime.includes(name));

console.log(`runtime exports of dist/index.js: ${runtime.length}`);
console.log(`all exported symbols of lib/index.ts: ${all.length} (${typeOnly.length} type-only)`);
if (list) {
  console.log(`\nruntime:\n  ${runtime.join("\n  ")}`);
  console.log(`\ntype-only:\n  ${typeOnly.join("\n  ")}`);
}
