import { parseCommandLine } from "./args";
import { CliIo, PROCESS_IO, redactingIo } from "./cli-io";
import { printable } from "./printable";
import { runProvidersMirror } from "./providers-mirror-run";
import { runReview } from "./review-command";
import { MIRROR_USAGE, REVIEW_USAGE } from "./usage";

/**
 * Runs the command line; returns the exit code: 0 done, 1 the strict gate fails (review) or
 * a command run fails (providers-mirror --run: its code), 2 a usage or input error. Any error
 * ends as one printable line on stderr, never a stack trace.
 */
export function runCli(argv: readonly string[], given: CliIo = PROCESS_IO): number {
  const io = redactingIo(given);
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
