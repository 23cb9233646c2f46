import { App, TerraformStack } from "cdktf";
import { ManagedIdentitySourceStack } from "./source-stack";
import { ManagedIdentityTargetStack } from "./target-stack";

export { ManagedIdentitySourceStack } from "./source-stack";
export { ManagedIdentityTargetStack } from "./target-stack";

/** Adds the SAS-free transfer: `managed-identity-source` and `managed-identity-target`. */
export function addManagedIdentity(app: App): TerraformStack[] {
  return [
    new ManagedIdentitySourceStack(app, "managed-identity-source"),
    new ManagedIdentityTargetStack(app, "managed-identity-target"),
  ];
}
