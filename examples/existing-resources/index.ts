import { App, TerraformStack } from "cdktf";
import { ExistingResourcesStack } from "./existing-resources-stack";

export { ExistingResourcesStack } from "./existing-resources-stack";

/** Adds the everything-by-ID example as one stack, `existing-resources`. */
export function addExistingResources(app: App): TerraformStack[] {
  return [new ExistingResourcesStack(app, "existing-resources")];
}
