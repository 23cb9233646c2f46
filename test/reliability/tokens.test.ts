import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  IDENTITY_TOKEN_CASES,
  RUN_TOKEN_CASES,
  STORAGE_TOKEN_CASES,
  TokenCase,
} from "./cases/tokens";
import { newStack } from "./support";

/**
 * Everywhere a value can be a token. apiVersion is left out: the body's shape depends on it
 * (storageAccessMode from 2025-06-01-preview on), so it has to be known at synth time.
 */
const CASES: readonly TokenCase[] = [
  ...IDENTITY_TOKEN_CASES,
  ...STORAGE_TOKEN_CASES,
  ...RUN_TOKEN_CASES,
];

describe("unresolved tokens", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s: no check fires", (_name, testCase) => {
    const stack = newStack();
    testCase.build(stack);
    const json = Testing.synth(stack, true);
    expect(json).toContain(testCase.reference);
    const errors = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => /error/i.test(m.type));
    expect(errors).toEqual([]);
  });
});
