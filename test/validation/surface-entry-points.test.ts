// The entry-point sweep of the batches, policies, grants and network surfaces, in a file of its
// own so that vitest runs it beside entry-points.test.ts on another core.
import { describe } from "vitest";
import { SURFACE_ENTRY_POINTS } from "./cases/surface-entry-points";
import { sweep } from "./entry-point-kit";

describe("the batches, policies, grants and network surfaces, called from JavaScript or a config", () => {
  sweep(SURFACE_ENTRY_POINTS);
});
