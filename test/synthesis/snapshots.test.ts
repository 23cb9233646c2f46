import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { TEST_STACKS } from "../support/stacks";

describe("synthesized Terraform JSON", () => {
  for (const { name, build } of TEST_STACKS) {
    it(name, () => {
      expect(Testing.synth(build())).toMatchSnapshot();
    });
  }

  it("is the same bytes when synthesized twice", () => {
    for (const { build } of TEST_STACKS) {
      expect(Testing.synth(build())).toBe(Testing.synth(build()));
    }
  });
});
