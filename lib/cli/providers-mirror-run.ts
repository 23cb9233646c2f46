import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  MirrorOptions,
  formatMirrorPlan,
  planProvidersMirror,
  readSynthesizedProviders,
} from "./providers-mirror";

/** Where the command writes and how it runs programs; tests give their own. */
export interface CliIo {
  /** Standard output. */
  readonly out: (text: string) => void;
  /** Standard error. */
  readonly err: (text: string) => void;
  /** Runs a command with inherited output; returns its exit status. */
  readonly run: (argv: readonly string[]) => number;
}

/** The usage text. */
export const PROVIDERS_MIRROR_USAGE = `Usage: cdktf-acr-transfer providers-mirror [options]

Prints (or, with --run, runs) what takes the Terraform providers of the synthesized stacks to a
machine without the Terraform registry: terraform providers lock and mirror on a connected
machine, the provider_installation block for the air-gapped side, and the deploy command.

Options:
  --out <dir>             cdktf output directory (default: cdktf.out)
  --mirror <dir>          where the mirror is written (default: terraform-providers)
  --platform <os_arch>    a platform to lock and mirror, repeatable (default: linux_amd64)
  --target-path <dir>     where the mirror will live on the air-gapped machine
                          (default: the mirror's absolute path)
  --network-mirror <url>  use a network mirror at <url> instead of a filesystem mirror
  --run                   run the lock and mirror commands (needs registry.terraform.io) and
                          write <mirror>/terraform.tfrc
  --help                  print this text

The Terraform binary is $TERRAFORM, else terraform on PATH.
`;

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  run: (argv) => spawnSync(argv[0], argv.slice(1), { stdio: "inherit" }).status ?? 1,
};

/** Runs `providers-mirror` with `argv` (the arguments after the command); returns the exit code. */
export function runProvidersMirror(argv: readonly string[], io: CliIo = defaultIo): number {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        out: { type: "string", default: "cdktf.out" },
        mirror: { type: "string", default: "terraform-providers" },
        platform: { type: "string", multiple: true },
        "target-path": { type: "string" },
        "network-mirror": { type: "string" },
        run: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }).values;
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${PROVIDERS_MIRROR_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(PROVIDERS_MIRROR_USAGE);
    return 0;
  }
  const options: MirrorOptions = {
    mirrorDir: values.mirror,
    platforms: values.platform ?? ["linux_amd64"],
    terraform: process.env.TERRAFORM ?? "terraform",
    targetPath: values["target-path"],
    networkMirrorUrl: values["network-mirror"],
  };
  let plan;
  try {
    plan = planProvidersMirror(readSynthesizedProviders(values.out), options);
  } catch (e) {
    io.err(`providers-mirror: ${(e as Error).message}\n`);
    return 1;
  }
  if (!values.run) {
    io.out(formatMirrorPlan(plan));
    return 0;
  }
  for (const command of [...plan.lockCommands, ...plan.mirrorCommands]) {
    io.out(`$ ${command.join(" ")}\n`);
    const status = io.run(command);
    if (status !== 0) {
      io.err(`providers-mirror: ${command.join(" ")} exited with ${status}\n`);
      return status;
    }
  }
  mkdirSync(resolve(options.mirrorDir), { recursive: true });
  const config = join(resolve(options.mirrorDir), "terraform.tfrc");
  writeFileSync(config, plan.cliConfig);
  io.out(
    `wrote ${config}; carry it, the mirror and the lock files to the air-gapped side:\n` +
      plan.lockFiles.map((f) => `  ${f}\n`).join(""),
  );
  return 0;
}
