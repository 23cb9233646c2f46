import { TerraformVariable, Testing, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  IDENTITY_TOKEN_CASES,
  RUN_TOKEN_CASES,
  STORAGE_TOKEN_CASES,
  TokenCase,
} from "./cases/tokens";
import { ValidationMessages } from "../../lib";
import { exportPipeline } from "../support/pipelines";
import { newStack } from "../support/new-stack";

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
    const stack = newStack("test", { providers: true });
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

describe("values in messages", () => {
  it("never shows a token, and never fails on what a caller passed", () => {
    const token = Token.asString({ resolve: () => "x" });
    expect(ValidationMessages.describeValue({ uri: token })).toBe(
      '{"uri":"(known at apply time)"}',
    );
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(ValidationMessages.describeValue(circular)).toBe("[object Object]");
    expect(ValidationMessages.describeValue({ stack: newStack("test", { providers: true }) })).toBe(
      '{"stack":"<test>"}',
    );
  });

  it("shows a token given where a literal is needed as the expression it stands for", () => {
    const stack = newStack("test", { providers: true });
    const variable = new TerraformVariable(stack, "api", { type: "string" });
    expect(() => exportPipeline(stack, { apiVersion: variable.stringValue })).toThrow(
      'test/Export: apiVersion "${var.api}" is only known at apply time',
    );
  });
});
