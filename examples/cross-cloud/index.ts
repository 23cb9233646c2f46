import { App, TerraformStack } from "cdktf";
import { CrossCloudSourceStack } from "./source-stack";
import { CrossCloudTargetStack } from "./target-stack";

export { CrossCloudSourceStack } from "./source-stack";
export { CrossCloudTargetStack } from "./target-stack";

/** Adds the public-to-US-Government transfer: `cross-cloud-source` and `cross-cloud-target`. */
export function addCrossCloud(app: App): TerraformStack[] {
  return [
    new CrossCloudSourceStack(app, "cross-cloud-source"),
    new CrossCloudTargetStack(app, "cross-cloud-target"),
  ];
}
