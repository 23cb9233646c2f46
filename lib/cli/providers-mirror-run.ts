import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readSynthOutput } from "../model/synth-output";
import { MirrorArgs } from "./args";
import {
  MirrorOptions,
  formatMirrorPlan,
  planProvidersMirror,
  shellWord,
  stackProviders,
} from "./providers-mirror";
import { CliIo } from "./cli-io";

/**
 * Runs `providers-mirror`: prints the plan, or with `--run` runs the lock and mirror commands
 * and writes the CLI configuration. Returns the exit code (a failing command's own code).
 */
export function runProvidersMirror(args: MirrorArgs, io: CliIo): number {
  const options: MirrorOptions = {
    mirrorDir: args.mirror,
    platforms: [...args.platforms],
    terraform: process.env.TERRAFORM ?? "terraform",
    targetPath: args.targetPath,
    networkMirrorUrl: args.networkMirror,
  };
  const plan = planProvidersMirror(stackProviders(readSynthOutput(args.out)), options);
  if (!args.run) {
    io.out(formatMirrorPlan(plan));
    return 0;
  }
  for (const command of [...plan.lockCommands, ...plan.mirrorCommands]) {
    io.out(`$ ${command.map(shellWord).join(" ")}\n`);
    const status = io.run(command);
    if (status !== 0) {
      io.err(`providers-mirror: ${command.map(shellWord).join(" ")} exited with ${status}\n`);
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
