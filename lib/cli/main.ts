#!/usr/bin/env node
// The `cdktf-acr-transfer` command (package.json "bin"). Dependency-free: Node's own modules and
// the package's model readers, never cdktf, so it starts fast on a CI runner.
import { SynthOutputError } from "../model/synth-output";
import { USAGE, UsageError, parseArgs } from "./args";
import { runProvidersMirror } from "./providers-mirror-run";
import { runReview } from "./review-command";

/** Runs the command line; returns the exit code. */
function main(argv: readonly string[]): number {
  if (argv[0] === "providers-mirror") return runProvidersMirror(argv.slice(1));
  try {
    const command = parseArgs(argv);
    if (command.kind === "help") {
      process.stdout.write(USAGE);
      return 0;
    }
    const result = runReview(command);
    process.stdout.write(result.stdout);
    return result.exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`cdktf-acr-transfer: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof SynthOutputError) {
      process.stderr.write(`cdktf-acr-transfer: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
