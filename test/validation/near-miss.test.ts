// The shared "did you mean" and the invisible characters of messages, and the core messages
// built on them: a region typo, a complete ID with a bad name.
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { describeValue } from "../../lib/validation/error";
import { didYouMean, editDistance, nearMiss } from "../../lib/arm/near-miss";
import { showInvisible } from "../../lib/arm/visible";
import { KNOWN_REGIONS } from "../../lib/arm/locations";
import { annotationsOf } from "../policies/fixtures";
import { exportPipeline, registry } from "../support/pipelines";
import { newStack } from "../support/new-stack";
import { synthJson } from "../../lib/testing";
import { TransferWarningIds } from "../../lib";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and swaps of neighbours", () => {
    expect(editDistance("eastus", "eastus")).toBe(0);
    expect(editDistance("eastuss", "eastus")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "abd", 1.5)).toBe(1.5);
    expect(editDistance("Rbca", "Rbac")).toBe(1);
  });
});

describe("nearMiss", () => {
  const regions = ["eastus", "eastus2", "westus", "westeurope"];
  it.each([
    ["eastuss", "eastus"],
    ["EastUS", "eastus"],
    ["westeurop", "westeurope"],
    ["warn", "warning"],
  ])("%s -> %s", (value, near) => {
    expect(nearMiss(value, [...regions, "warning", "error"])).toBe(near);
  });

  it("guesses nothing when nothing is near, when two are equally near, or for the value itself", () => {
    expect(nearMiss("brazilsouth", regions)).toBeUndefined();
    expect(nearMiss("eastus3", ["eastus1", "eastus2"])).toBeUndefined();
    expect(nearMiss("eastus", regions)).toBeUndefined();
    expect(nearMiss("", regions)).toBeUndefined();
  });

  it("words the guess for a fix", () => {
    expect(didYouMean("eastuss", regions)).toBe('did you mean "eastus"? ');
    expect(didYouMean("brazilsouth", regions)).toBe("");
  });
});

describe("invisible characters", () => {
  it.each([
    ["zero-width space", "a\u200bb", "a<U+200B>b"],
    ["byte order mark", "\ufeffeastus", "<U+FEFF>eastus"],
    ["no-break space", "a\u00a0b", "a<U+00A0>b"],
    ["right-to-left override", "a\u202eb", "a<U+202E>b"],
    ["Hangul filler", "a\u3164b", "a<U+3164>b"],
  ])("a %s is shown by its code point", (_name, text, shown) => {
    expect(showInvisible(text)).toBe(shown);
  });

  it("leaves plain spaces and visible text alone", () => {
    expect(showInvisible("East US é 東京")).toBe("East US é 東京");
  });

  it("describeValue shows them inside JSON strings and lists", () => {
    expect(describeValue(["samples/a\u200b:v1"])).toBe('["samples/a<U+200B>:v1"]');
  });
});

describe("a region this library does not know", () => {
  it("is a warning with the nearest known region, not an error (new regions appear)", () => {
    const stack = newStack("test", { providers: true });
    exportPipeline(stack, { location: "eastuss" });
    Testing.synth(stack, true);
    expect(annotationsOf(stack).filter((a) => a.level === "warn")).toContainEqual({
      level: "warn",
      path: "test/Export",
      message:
        '[AcrTransfer-UnknownRegion] location "eastuss" is not an Azure region this library knows. rule: a pipeline runs in the registry\'s Azure region. fix: did you mean "eastus"? if it is a new region, acknowledge this warning (az account list-locations lists the regions). ' +
        'To accept it here: TransferSuppressions.add(construct, "AcrTransfer-UnknownRegion", "<reason>")',
    });
  });

  it("is warned about when it comes from the registry, too", () => {
    const stack = newStack("test", { providers: true });
    exportPipeline(stack, { registry: registry(stack, "West Eurpoe") });
    synthJson(stack);
    expect(annotationsOf(stack).map((a) => a.message)).toContainEqual(
      expect.stringContaining('location "westeurpoe" is not an Azure region this library knows'),
    );
  });

  it("is not warned about for a known region, in any part of the world", () => {
    for (const location of ["eastus", "westeurope", "newzealandnorth"]) {
      const stack = newStack("test", { providers: true });
      exportPipeline(stack, { location });
      synthJson(stack);
      const regionWarnings = annotationsOf(stack).filter((a) =>
        a.message.startsWith(`[${TransferWarningIds.UNKNOWN_REGION}]`),
      );
      expect(regionWarnings).toEqual([]);
    }
    expect(new Set(KNOWN_REGIONS).size).toBe(KNOWN_REGIONS.length);
    expect(KNOWN_REGIONS.every((r) => /^[a-z][a-z0-9]*$/.test(r))).toBe(true);
  });
});
