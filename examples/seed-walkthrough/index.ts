import { App, TerraformStack } from "cdktf";
import { SeedSourceStack } from "./source-stack";
import { SeedTargetStack, SeedTargetStackProps } from "./target-stack";

export { SeedSourceStack } from "./source-stack";
export { SeedTargetStack, SeedTargetStackProps } from "./target-stack";

/** Adds Microsoft's walkthrough as two stacks: `seed-walkthrough-source` and `-target`. */
export function addSeedWalkthrough(app: App, target: SeedTargetStackProps = {}): TerraformStack[] {
  return [
    new SeedSourceStack(app, "seed-walkthrough-source"),
    new SeedTargetStack(app, "seed-walkthrough-target", target),
  ];
}
