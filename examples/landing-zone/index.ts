import { App, TerraformStack } from "cdktf";
import { LandingZoneStack } from "./landing-zone-stack";

export { LANDING_ZONE_REGISTRIES, LandingZoneRegistry } from "./config";
export { LandingZoneStack } from "./landing-zone-stack";
export { TransferLandingZone, TransferLandingZoneProps } from "./transfer-landing-zone";

/** Adds the landing zone as one stack, `landing-zone`. */
export function addLandingZone(app: App): TerraformStack[] {
  return [new LandingZoneStack(app, "landing-zone")];
}
