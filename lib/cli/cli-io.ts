import { spawnSync } from "node:child_process";
import { redactSecrets } from "../arm/secret-text";

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
 * `io` with every line redacted (redactSecrets: SAS signatures and storage keys in any encoding)
 * before it is written: the one pass every output of the command goes through.
 */
export function redactingIo(io: CliIo): CliIo {
  return {
    out: (text) => io.out(redactSecrets(text)),
    err: (text) => io.err(redactSecrets(text)),
    run: io.run,
  };
}
