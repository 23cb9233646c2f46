import { App, TerraformStack } from "cdktf";
import { CrossTenantSourceStack } from "./source-stack";
import { CrossTenantTargetStack } from "./target-stack";

export { CrossTenantSourceStack } from "./source-stack";
export { CrossTenantTargetStack } from "./target-stack";

/** Adds the transfer between two tenants: `cross-tenant-source` and `cross-tenant-target`. */
export function addCrossTenant(app: App): TerraformStack[] {
  return [
    new CrossTenantSourceStack(app, "cross-tenant-source"),
    new CrossTenantTargetStack(app, "cross-tenant-target"),
  ];
}
