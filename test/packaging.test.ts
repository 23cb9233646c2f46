import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";

// Compiles, spawns processes or synthesizes whole apps: slower than vitest's 5 s default.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ROOT = resolve(__dirname, "..");

/** Loads `entry` from dist/ in a fresh process and reports which azurerm modules came with it. */
function loadInFreshProcess(entry: string): { azurermModules: string[]; rootLoaded: boolean } {
  const script = `
    require(${JSON.stringify(entry)});
    const loaded = Object.keys(require.cache).filter((f) => f.includes("provider-azurerm"));
    console.log(JSON.stringify({
      azurermModules: loaded.map((f) => f.slice(f.indexOf("provider-azurerm"))),
      rootLoaded: loaded.some((f) => /provider-azurerm[\\\\/]lib[\\\\/]index\\.js$/.test(f)),
    }));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT }).toString());
}

describe("the built package", () => {
  it("exists (npm test builds it first)", () => {
    expect(existsSync(join(ROOT, "dist/index.js")), "run npm run build").toBe(true);
  });

  it("loads azurerm by submodule only, never the package root", () => {
    const { azurermModules, rootLoaded } = loadInFreshProcess("./dist");
    expect(rootLoaded).toBe(false);
    expect(azurermModules.length).toBeGreaterThan(0);
    expect(azurermModules.length).toBeLessThan(20);
  });
});
