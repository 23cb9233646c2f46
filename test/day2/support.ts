import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { SHADOW } from "../support/shadow";

/** Which of the two versions of an app a builder is asked for. */
export type Version = "before" | "after";

/** One change terraform-shadow --day2 reports, under its original cdktf address. */
export interface Day2Change {
  readonly action: string;
  readonly address: string;
  readonly type: string;
  readonly from?: string;
  readonly reason?: string;
  readonly args?: { name: string; path: string; before: string; after: string }[];
}

/** The --json document: per stack its changes and problems. */
export interface Day2Report {
  readonly stacks: Record<
    string,
    { changes: Day2Change[]; problems: { address: string; message: string }[] }
  >;
  readonly summary: string;
}

/**
 * Synthesizes the app twice, as `build` makes it for "before" and for "after", and runs
 * `terraform-shadow --day2` over both: what the next apply does after the change. The stacks are
 * split into `parallel` groups of about the same size, one tool process each, at the same time
 * (the tool plans stacks one after the other; two cores plan two at once).
 */
export async function day2(
  build: (app: App, version: Version) => void,
  parallel = 2,
): Promise<Day2Report> {
  const root = mkdtempSync(join(tmpdir(), "acr-day2-"));
  try {
    for (const version of ["before", "after"] as const) {
      const app = new App({ outdir: join(root, version) });
      build(app, version);
      app.synth();
    }
    const groups = stackGroups(root, parallel);
    const reports = await Promise.all(
      groups.map((names, i) => {
        for (const version of ["before", "after"]) {
          const dir = join(root, `${version}-${i}`);
          mkdirSync(dir);
          for (const name of names) {
            const stack = join(root, version, "stacks", name);
            if (existsSync(stack)) symlinkSync(stack, join(dir, name));
          }
        }
        return runDay2(join(root, `before-${i}`), join(root, `after-${i}`));
      }),
    );
    return {
      stacks: Object.assign({}, ...reports.map((r) => r.stacks)),
      summary: reports.map((r) => r.summary).join("; "),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The stack names of both versions in `count` groups, by size (largest first, to the smallest group). */
function stackGroups(root: string, count: number): string[][] {
  const sizes = new Map<string, number>();
  for (const version of ["before", "after"]) {
    const stacks = join(root, version, "stacks");
    for (const name of existsSync(stacks) ? readdirSync(stacks) : []) {
      const file = join(stacks, name, "cdk.tf.json");
      sizes.set(name, Math.max(sizes.get(name) ?? 0, existsSync(file) ? statSync(file).size : 0));
    }
  }
  const groups = Array.from({ length: count }, () => ({ names: [] as string[], size: 0 }));
  for (const [name, size] of [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    const smallest = groups.reduce((a, b) => (b.size < a.size ? b : a));
    smallest.names.push(name);
    smallest.size += size;
  }
  return groups.map((g) => g.names).filter((names) => names.length > 0);
}

/** One terraform-shadow --day2 --json run, in a child process. */
function runDay2(before: string, after: string): Promise<Day2Report> {
  return new Promise((done, failed) => {
    execFile(
      "node",
      [SHADOW, "--day2", before, after, "--json"],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // exit 1 is a report with problems, which the tests read; anything else is the tool's
        if (error && error.code !== 1) failed(new Error(`${error.message}\n${stderr}`));
        else done(JSON.parse(stdout) as Day2Report);
      },
    );
  });
}

/**
 * The changes of a report as short lines, sorted: `<stack> <action> <address>`, with the hash
 * cdktf appends to logical IDs removed (`azapi_resource.Bulk_Batches_b0`) and the changed
 * arguments of updates and replaces (`[body]`).
 */
export function changeLines(report: Day2Report, prefixes?: readonly string[]): string[] {
  const lines: string[] = [];
  for (const [stack, { changes }] of Object.entries(report.stacks)) {
    for (const change of changes) {
      if (prefixes && !prefixes.some((p) => nameOf(change.address).startsWith(`${p}_`))) continue;
      const args = change.args?.length ? ` [${change.args.map((a) => a.name).join(", ")}]` : "";
      lines.push(`${stack} ${change.action} ${withoutHash(change.address)}${args}`);
    }
  }
  return lines.sort();
}

/** The resource name of an address (`azapi_resource.A_B` is `A_B`). */
export function nameOf(address: string): string {
  return address.split(".").slice(-1)[0];
}

/**
 * What the next apply does, in short: the number of each action, in the tool's order, or "no
 * change" ("2 updates", "1 import, 2 creates").
 */
export function summaryOf(lines: readonly string[]): string {
  const order = ["import", "create", "read", "update", "replace", "move", "delete", "forget"];
  const counts = new Map<string, number>();
  for (const line of lines) {
    const action = line.split(" ")[1];
    counts.set(action, (counts.get(action) ?? 0) + 1);
  }
  const parts = order
    .filter((a) => counts.has(a))
    .map((a) => `${counts.get(a)} ${a}${counts.get(a) === 1 ? "" : "s"}`);
  return parts.length > 0 ? parts.join(", ") : "no change";
}

/** Every problem of a report, as lines. */
export function problemLines(report: Day2Report): string[] {
  return Object.entries(report.stacks).flatMap(([stack, { problems }]) =>
    problems.map((p) => `${stack} ${p.address}: ${p.message}`),
  );
}

/** An address without the hash cdktf appends to logical IDs. */
export function withoutHash(address: string): string {
  return address.replace(/_[0-9A-F]{8}(?=$|\[|\.)/g, "");
}
