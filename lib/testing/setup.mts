/**
 * Registers the harness's matchers with vitest: add `cdktf-acr-transfer/testing/setup` to
 * `test.setupFiles` in vitest.config, or import it at the top of a test file. An ES module,
 * because vitest cannot be loaded with require().
 */
import { expect } from "vitest";
import { transferMatchers } from "./matchers.js";

expect.extend(transferMatchers);

/** The matchers' types; exporting them brings the augmentation of vitest's Assertion along. */
export type { TransferMatchers } from "./matchers.js";
