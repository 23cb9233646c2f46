import { execFileSync } from "node:child_process";
import { homedir, hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Testing } from "cdktf";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as ids from "../support/ids";
import { GIVEN_TIMESTAMPS, buildTransferStack } from "../support/transfer-app";

// Compiles, spawns processes or synthesizes whole apps: slower than vitest's 5 s default.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ROOT = resolve(__dirname, "../..");
const SCRIPT = join("test", "support", "print-synth.ts");

/** Synthesizes the fixture app in a new process, with its own time zone and locale. */
function synthInNewProcess(timeZone: string, locale: string): string {
  return execFileSync("npx", ["--no-install", "tsx", SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, TZ: timeZone, LANG: locale, LC_ALL: locale },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe("determinism", () => {
  let first: string;
  let second: string;

  beforeAll(() => {
    first = synthInNewProcess("UTC", "C.UTF-8");
    second = synthInNewProcess("Pacific/Kiritimati", "en_US.UTF-8");
  });

  it("synthesizes a non-trivial app", () => {
    const resources = JSON.parse(first).resource as Record<string, object>;
    expect(Object.keys(resources.azapi_resource).length).toBe(9);
  });

  it("gives identical bytes in two processes", () => {
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it("gives the same bytes in this process", () => {
    expect(Testing.synth(buildTransferStack(), true)).toBe(first);
  });

  it("holds no absolute path", () => {
    for (const path of ["/work", "/tmp", "/root", ROOT, homedir(), tmpdir()]) {
      expect(first).not.toContain(path);
    }
  });

  it("holds no host name", () => {
    const host = hostname().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(first).not.toMatch(new RegExp(`(?<![\\w-])${host}(?![\\w-])`, "i"));
  });

  it("holds no timestamp but those the app was given", () => {
    const stamps = first.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[^"]*/g) ?? [];
    expect(new Set(stamps)).toEqual(new Set(GIVEN_TIMESTAMPS));
    expect(first).not.toContain(new Date().toISOString().slice(0, 10));
    const yearMs = 366 * 86_400_000;
    const nearNow = (n: number) => Math.abs(n - Date.now()) < yearMs;
    const epochs = (first.match(/\d{10,13}/g) ?? []).map(Number);
    expect(epochs.filter((n) => nearNow(n) || nearNow(n * 1000))).toEqual([]);
  });

  it("holds no GUID it was not given", () => {
    const guids =
      first.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? [];
    expect(new Set(guids)).toEqual(new Set([ids.SUBSCRIPTION]));
  });
});
