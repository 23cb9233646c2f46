import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { App, TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { TEST_STACKS } from "../support/stacks";
import { SECRET_STACKS } from "../validation/cases/secret-stacks";
import { buildTransferStack } from "../support/transfer-app";

const EXAMPLES = resolve(__dirname, "../../examples");

/** Synthesized Terraform JSON, as far as this test reads it. */
interface TerraformJson {
  readonly variable?: Record<string, { sensitive?: boolean; default?: unknown }>;
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
}

/** A Terraform expression and nothing else: `${...}`. */
const EXPRESSION = /^\$\{.+\}$/s;

/** Names of the sensitive variables a synthesized stack declares. */
function sensitiveVariables(json: TerraformJson): string[] {
  return Object.entries(json.variable ?? {})
    .filter(([, v]) => v.sensitive === true)
    .map(([name]) => name);
}

/** Runs `action` with `TF_VAR_<name>` set for each name, as Terraform would read them at apply. */
function withTfVars<T>(values: Record<string, string>, action: () => T): T {
  const saved = Object.keys(values).map((name) => [name, process.env[`TF_VAR_${name}`]] as const);
  try {
    for (const [name, value] of Object.entries(values)) process.env[`TF_VAR_${name}`] = value;
    return action();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[`TF_VAR_${name}`];
      else process.env[`TF_VAR_${name}`] = value;
    }
  }
}

/**
 * Asserts the hygiene rules on the stacks `build` makes: no SAS signature, no sensitive
 * variable with a default, Key Vault secret values only as expressions (write-only ones in
 * `value_wo` alone), and no runtime value of a sensitive variable, even when it is in the
 * environment at synth time.
 */
function expectClean(build: () => TerraformStack[]): void {
  const first = build().map((stack) => Testing.synth(stack));
  const runtime: Record<string, string> = {};
  for (const text of first) {
    const json = JSON.parse(text) as TerraformJson;
    for (const name of sensitiveVariables(json)) runtime[name] = `sv=2099&sig=RUNTIME-${name}`;
    expect(text).not.toMatch(/sig=/i);
    for (const [name, variable] of Object.entries(json.variable ?? {})) {
      if (variable.sensitive) expect(variable, `variable ${name}`).not.toHaveProperty("default");
    }
    for (const [name, secret] of Object.entries(json.resource?.azurerm_key_vault_secret ?? {})) {
      if ("value_wo" in secret) {
        expect(secret, `secret ${name}`).not.toHaveProperty("value");
        expect(secret.value_wo, `secret ${name}`).toMatch(EXPRESSION);
      } else {
        expect(secret.value, `secret ${name}`).toMatch(EXPRESSION);
      }
    }
  }
  const withValues = withTfVars(runtime, () => build().map((stack) => Testing.synth(stack)));
  expect(withValues).toEqual(first);
  for (const text of withValues) expect(text).not.toContain("RUNTIME-");
}

/** Example folders with an index.ts; each exports add*(app) functions that add stacks. */
const EXAMPLE_DIRS = existsSync(EXAMPLES)
  ? readdirSync(EXAMPLES).filter((dir) => existsSync(join(EXAMPLES, dir, "index.ts")))
  : [];

describe("secret hygiene", () => {
  it.each(SECRET_STACKS.map((s) => [s.name, s] as const))("secret path: %s", (_name, s) => {
    expectClean(() => [s.build()]);
  });

  it.each(TEST_STACKS.map((s) => [s.name, s] as const))("test stack: %s", (_name, s) => {
    expectClean(() => [s.build()]);
  });

  it("determinism fixture", () => {
    expectClean(() => [buildTransferStack()]);
  });

  it.each(EXAMPLE_DIRS)("example: %s", async (dir) => {
    const example = (await import(join(EXAMPLES, dir, "index.ts"))) as Record<string, unknown>;
    const adders = Object.entries(example).filter(
      (entry): entry is [string, (app: App) => TerraformStack[]] =>
        /^add[A-Z]/.test(entry[0]) && typeof entry[1] === "function",
    );
    expect(adders.length).toBeGreaterThan(0);
    expectClean(() => adders.flatMap(([, add]) => add(Testing.app())));
  });
});
