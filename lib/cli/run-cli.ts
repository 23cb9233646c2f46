import { spawnSync } from "node:child_process";
import { parseCommandLine } from "./args";
import { printable } from "./printable";
import { runProvidersMirror } from "./providers-mirror-run";
import { runReview } from "./review-command";
import { MIRROR_USAGE, REVIEW_USAGE } from "./usage";

/** Where the command writes and how it runs programs; tests give their own. */
export interface CliIo {
  /** Standard output. */
  readonly out: (text: string) => void;
  /** Standard error. */
  readonly err: (text: string) => void;
  /** Runs a command with inherited output; returns its exit status. */
  readonly run: (argv: readonly string[]) => number;
}

/** The process's own streams and programs. */
export const PROCESS_IO: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  run: (argv) => spawnSync(argv[0], argv.slice(1), { stdio: "inherit" }).status ?? 1,
};

/**
 * Runs the command line; returns the exit code: 0 done, 1 the strict gate fails (review) or
 * a command run fails (providers-mirror --run: its code), 2 a usage or input error. Any error
 * ends as one printable line on stderr, never a stack trace.
 */
export function runCli(argv: readonly string[], io: CliIo = PROCESS_IO): number {
  try {
    const command = parseCommandLine(argv, { review: REVIEW_USAGE, mirror: MIRROR_USAGE });
    if (command.kind === "help") {
      io.out(command.text);
      return 0;
    }
    if (command.kind === "providers-mirror") return runProvidersMirror(command.args, io);
    const result = runReview(command.args);
    io.out(result.stdout);
    return result.exitCode;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`cdktf-acr-transfer: ${printable(message)}\n`);
    return 2;
  }
}
