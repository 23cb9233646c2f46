import { App, DISABLE_STACK_TRACE_IN_METADATA, TerraformStack } from "cdktf";
import { addBulkTransfer } from "./bulk-transfer";
import { addCrossCloud } from "./cross-cloud";
import { addCrossTenant } from "./cross-tenant";
import { addExistingResources } from "./existing-resources";
import { addLandingZone } from "./landing-zone";
import { addManagedIdentity } from "./managed-identity";
import { addSeedWalkthrough } from "./seed-walkthrough";

/** One example: its folder name and the function that adds its stacks to an app. */
export interface Example {
  /** Folder under examples/. */
  readonly name: string;
  /** Adds the example's stacks to `app` and returns them. */
  readonly add: (app: App) => TerraformStack[];
}

/** Every example, in the order the README presents them. */
export const EXAMPLES: readonly Example[] = [
  { name: "seed-walkthrough", add: (app) => addSeedWalkthrough(app) },
  { name: "cross-cloud", add: addCrossCloud },
  { name: "cross-tenant", add: addCrossTenant },
  { name: "managed-identity", add: addManagedIdentity },
  { name: "landing-zone", add: addLandingZone },
  { name: "existing-resources", add: addExistingResources },
  { name: "bulk-transfer", add: addBulkTransfer },
];

/**
 * One cdktf app holding every example's stacks (each on cdktf's default local backend).
 * @param outdir where `app.synth()` writes; default: cdktf's (`cdktf.out`, or what the CLI sets)
 */
export function buildApp(outdir?: string): App {
  // Annotations (warnings, infos) go into manifest.json without the stack traces cdktf adds by
  // default: those name folders of the machine that synthesized.
  const context = { [DISABLE_STACK_TRACE_IN_METADATA]: true };
  const app = new App(outdir === undefined ? { context } : { outdir, context });
  for (const example of EXAMPLES) example.add(app);
  return app;
}
