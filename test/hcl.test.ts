import { describe, expect, it } from "vitest";
import { hclBodies, jsonBodies, synthHclParsed } from "./support/hcl";
import { TEST_STACKS } from "./support/stacks";

describe("cdktf synth --hcl (the way off CDKTF)", () => {
  for (const { name, build } of TEST_STACKS) {
    it(`${name}: parses as HCL and carries the same azapi bodies as the JSON`, async () => {
      const parsed = await synthHclParsed(build());
      expect(hclBodies(parsed)).toEqual(jsonBodies(build()));
    });
  }
});
