import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** `../shared/reference` beside the checkout (CI has it; a user's fresh clone may not). */
export const REFERENCE_DIR = resolve(__dirname, "../../../shared/reference");

/** Whether the reference data is present. */
export const HAS_REFERENCE = existsSync(join(REFERENCE_DIR, "README.md"));

const ABSENT = `${REFERENCE_DIR} is absent; CI has it`;

/** Why reference-based tests are skipped, shown in the test title. */
export const SKIP_REASON = HAS_REFERENCE ? "" : ` (skipped: ${ABSENT})`;

// The default reporter shows no titles of skipped tests: say why once per test file that skips.
if (!HAS_REFERENCE) console.warn(`Skipping the tests on Microsoft's reference data: ${ABSENT}`);

/** Reads and parses a JSON file under the reference folder. */
export function readReferenceJson(relativePath: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(REFERENCE_DIR, relativePath), "utf8"));
}
