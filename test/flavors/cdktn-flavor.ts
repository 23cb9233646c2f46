// The CDK Terrain flavor as `npm run pack:cdktn` builds it (build/cdktn/), loaded beside the
// cdktf flavor: the same library, examples and testing harness compiled against cdktn and
// @cdktn/provider-azurerm. Typed as the cdktf flavor, whose API it is.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");
/** What npm run build:cdktn (and pack:cdktn) stages. */
export const STAGE = join(ROOT, "build/cdktn");
/** The staged cdktn-acr-transfer package. */
export const PACKAGE = join(STAGE, "package");

/** Whether the flavor was built (npm test builds it before vitest runs). */
export const BUILT = existsSync(join(PACKAGE, "dist/index.js"));

/** The cdktn flavor's modules, each typed as its cdktf twin. */
export interface CdktnFlavor {
  readonly core: typeof import("cdktf");
  readonly lib: typeof import("../../lib");
  readonly testing: typeof import("../../lib/testing");
  readonly examples: typeof import("../../examples/app");
  readonly providers: typeof import("../../examples/shared/providers");
}

/** Loads the built flavor; fails with what to run when it is missing. */
export function loadCdktnFlavor(): CdktnFlavor {
  if (!BUILT) throw new Error("build/cdktn is missing: run npm run build:cdktn (npm test does)");
  const load = createRequire(join(PACKAGE, "package.json"));
  return {
    core: load("cdktn"),
    lib: load("./dist"),
    testing: load("./dist/testing"),
    examples: load(join(STAGE, "out/examples/app")),
    providers: load(join(STAGE, "out/examples/shared/providers")),
  };
}
