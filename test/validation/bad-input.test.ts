import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { TransferValidationError } from "../../lib";
import { BATCH_CASES } from "./cases/batches";
import { NAME_CASES, RESOURCE_ID_CASES } from "./cases/names-and-ids";
import { MODE_CASES, OPTION_CASES, PLACEMENT_CASES, WIRING_CASES } from "./cases/pipelines";
import {
  GENERATED_TOKEN_CASES,
  GRANT_CASES,
  SECRET_REFERENCE_CASES,
  SECRET_VALUE_CASES,
} from "./cases/secrets";
import { CONTAINER_NAME_CASES, CONTAINER_URL_CASES, RUN_INPUT_CASES } from "./cases/storage";
import { FORMAT_CASES } from "./cases/formats";
import { SECRET_BYPASS_CASES } from "./cases/secret-bypasses";
import { UNTYPED_CASES } from "./cases/untyped";
import { NEAR_MISS_CASES } from "./cases/near-misses";
import { BATCH_INPUT_CASES, GRANT_INPUT_CASES, POSTURE_CASES } from "./cases/extension-surfaces";
import {
  CLASH_CASES,
  CLOUD_NOT_SET_CASES,
  CONFIG_VALUE_CASES,
  MISSING_INPUT_CASES,
  PROVIDER_CLOUD_CASES,
  TOKEN_VALUE_CASES,
  VERSIONED_SECRET_CASES,
  WORKABILITY_CASES,
} from "./cases/input-paths";
import { BadInputCase } from "../support/pipelines";
import { newStack } from "../support/new-stack";

/** Every wrong configuration, by topic. */
const CASES: readonly BadInputCase[] = [
  ...NAME_CASES,
  ...RESOURCE_ID_CASES,
  ...CONTAINER_URL_CASES,
  ...CONTAINER_NAME_CASES,
  ...RUN_INPUT_CASES,
  ...OPTION_CASES,
  ...MODE_CASES,
  ...PLACEMENT_CASES,
  ...WIRING_CASES,
  ...SECRET_REFERENCE_CASES,
  ...SECRET_VALUE_CASES,
  ...GENERATED_TOKEN_CASES,
  ...GRANT_CASES,
  ...UNTYPED_CASES,
  ...FORMAT_CASES,
  ...SECRET_BYPASS_CASES,
  ...BATCH_CASES,
  ...MISSING_INPUT_CASES,
  ...CONFIG_VALUE_CASES,
  ...WORKABILITY_CASES,
  ...CLASH_CASES,
  ...VERSIONED_SECRET_CASES,
  ...PROVIDER_CLOUD_CASES,
  ...CLOUD_NOT_SET_CASES,
  ...TOKEN_VALUE_CASES,
  ...NEAR_MISS_CASES,
  ...GRANT_INPUT_CASES,
  ...POSTURE_CASES,
  ...BATCH_INPUT_CASES,
];

/** What building the case and synthesizing it with every validation throws, if anything. */
function thrown(testCase: BadInputCase): Error | undefined {
  const stack = newStack("test", { providers: true });
  try {
    testCase.build(stack);
    Testing.synth(stack, true);
  } catch (err) {
    return err as Error;
  }
  return undefined;
}

/** The first stack frame: where the error was made. */
function origin(err: Error): string {
  return (err.stack ?? "").split("\n").find((line) => line.trimStart().startsWith("at ")) ?? "";
}

describe("bad input", () => {
  it("covers at least 45 distinct wrong configurations", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(45);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, testCase) => {
    const err = thrown(testCase);
    if (!err) throw new Error("expected an error, but synth succeeded");
    expect(err, err.stack).not.toBeInstanceOf(TypeError);
    if (testCase.atStackValidation) {
      expect(err.message).toContain(`${testCase.path}: `);
    } else {
      expect(err).toBeInstanceOf(TransferValidationError);
      expect(err.name).toBe("TransferValidationError");
      expect((err as TransferValidationError).constructPath).toBe(testCase.path);
      expect(err.message.startsWith(`${testCase.path}: `)).toBe(true);
      expect(origin(err)).not.toMatch(/node_modules/);
    }
    expect(err.message).toContain(testCase.value);
    expect(err.message, "a message shows values, not unresolved tokens").not.toContain(
      "${TfToken[",
    );
    expect(err.message).toMatch(/\. rule: .+\. fix: .+\.$/m);
    if (testCase.hidden) expect(err.message).not.toContain(testCase.hidden);
  });

  it("keeps its messages as reviewed", () => {
    const messages = CASES.map((c) => {
      const err = thrown(c);
      const message = err ? `${err.name}: ${err.message}` : "(no error)";
      const stable = message.replace(/TOKEN\.\d+/g, "TOKEN.n").replace(/\n/g, "\n  ");
      return `${c.name}\n  ${stable}`;
    });
    expect(messages).toMatchSnapshot();
  });
});
