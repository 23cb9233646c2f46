import { dirname, join } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { IConstruct } from "constructs";
import { App, CORE_PACKAGE, TerraformStack } from "./cdk";

/** The flavor of this library built on each CDK core, as the fix names it. */
const FLAVORS: Record<string, string> = {
  cdktf: "cdktf-acr-transfer",
  cdktn: "cdktn-acr-transfer",
};

/**
 * Throws when the app (or the stack) that `scope` belongs to is built on another copy of the
 * CDK core than the one this library imports: an app of cdktn with the cdktf flavor of the
 * library, the reverse, or two copies of one core in node_modules. The app's synth would read
 * only its own core's aspects, so the library's policy packs and checks would be skipped
 * without a word; failing here names both copies and the fix instead.
 */
export function assertSameCore(scope: IConstruct): void {
  const root = scope.node.root;
  if (App.isApp(root) && !(root instanceof App)) throw new DifferentCoreError(scope, root);
  const stack = scope.node.scopes.find((s) => TerraformStack.isStack(s));
  if (stack && !(stack instanceof TerraformStack)) throw new DifferentCoreError(scope, stack);
}

/** Where the copy of the core that defined `construct`'s class lives, as name@version (dir). */
function coreOf(construct: IConstruct): { name: string; description: string } {
  const constructor = Object.getPrototypeOf(construct)?.constructor;
  let proto = constructor;
  // The class of the user's stack extends the core's TerraformStack: walk up to a core class.
  while (proto) {
    const file = Object.values(require.cache).find((m) =>
      Object.values(m?.exports ?? {}).includes(proto),
    )?.filename;
    const manifest = file ? packageJsonAbove(file) : undefined;
    if (manifest && (manifest.name === "cdktf" || manifest.name === "cdktn")) {
      return {
        name: manifest.name,
        description: `${manifest.name}@${manifest.version} (${manifest.dir})`,
      };
    }
    proto = Object.getPrototypeOf(proto);
  }
  return { name: "unknown", description: "a copy of the CDK core this library cannot locate" };
}

/** The nearest package.json above `file`: its name, version and folder. */
function packageJsonAbove(
  file: string,
): { name: string; version: string; dir: string } | undefined {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const path = join(dir, "package.json");
    if (!existsSync(path)) continue;
    const { name, version } = JSON.parse(readFileSync(path, "utf8")) as Record<string, string>;
    if (name) return { name, version, dir };
  }
  return undefined;
}

/** The library's own core, located through its App class. */
function ownCore(): string {
  const file = require.resolve(CORE_PACKAGE);
  const manifest = packageJsonAbove(file);
  return manifest ? `${manifest.name}@${manifest.version} (${manifest.dir})` : CORE_PACKAGE;
}

/**
 * The app or stack is built on another copy of the CDK core than the library: its synth would
 * skip the library's aspects (policy packs, warnings).
 */
class DifferentCoreError extends Error {
  public constructor(scope: IConstruct, foreign: IConstruct) {
    const theirs = coreOf(foreign);
    const what = App.isApp(foreign) ? "app" : `stack ${foreign.node.path}`;
    const fix =
      theirs.name !== CORE_PACKAGE && FLAVORS[theirs.name]
        ? `the app is a ${theirs.name} app: install ${FLAVORS[theirs.name]} instead of ${FLAVORS[CORE_PACKAGE]}, and remove ${CORE_PACKAGE} from the app's dependencies (npm ls ${CORE_PACKAGE} shows what brings it)`
        : `keep one copy of ${CORE_PACKAGE} in node_modules, the one the app imports (npm ls ${CORE_PACKAGE}; npm dedupe), at a version within the library's peer range`;
    super(
      `${scope.node.path || "(app)"}: the ${what} is built on ${theirs.description}, but ${FLAVORS[CORE_PACKAGE]} on ${ownCore()}; ` +
        `its synth would skip the library's aspects (policy packs, checks) without a word. ` +
        `rule: the app and the library must share one copy of the CDK core. fix: ${fix}.`,
    );
    this.name = "DifferentCoreError";
  }
}
