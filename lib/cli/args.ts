/** A command line the CLI cannot run: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** What `review` was asked to do. */
export interface ReviewArgs {
  /** A cdktf.out directory or a stack directory. */
  readonly target: string;
  /** `terraform show -json` files. */
  readonly plans: readonly string[];
  /** Output format. */
  readonly format: "markdown" | "json";
  /** Exit 1 when a policy error or warning stands. */
  readonly strict: boolean;
}

/** A parsed command line. */
export type Command = { readonly kind: "help" } | ({ readonly kind: "review" } & ReviewArgs);

/** The usage text. */
export const USAGE = `Usage: cdktf-acr-transfer review <cdktf.out dir | stack dir> [options]

Prints a review of the synthesized ACR Transfer stacks, in Markdown to paste into a pull
request: a Mermaid flowchart per stack, the pipelines, runs, grants and SAS token secrets,
the policy results with every suppression and its reason, and the synth's annotations.

Options:
  --plan <file>       \`terraform show -json\` output of a stack's plan; adds the reviewer's
                      red flags (runs that run or re-run, pipelines replaced or destroyed,
                      grants removed, secrets whose write-only version changes). Repeatable.
  --format <format>   markdown (default) or json
  --strict            exit 1 when a policy error or warning stands
  -h, --help          show this help

Exit codes: 0 reviewed; 1 with --strict, a policy finding stands; 2 usage or input error.

Also: cdktf-acr-transfer providers-mirror [options]: the Terraform providers the stacks
require, for a machine without the Terraform registry (providers-mirror --help).
`;

const FORMATS = ["markdown", "json"];

/** Parses the arguments after the program name. */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0 || argv.includes("-h") || argv.includes("--help")) return { kind: "help" };
  const [command, ...rest] = argv;
  if (command !== "review")
    throw new UsageError(
      `unknown command "${command}"; the commands are review and providers-mirror`,
    );
  const plans: string[] = [];
  const targets: string[] = [];
  let format = "markdown";
  let strict = false;
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = splitFlag(rest[i]);
    const value = (): string => {
      const next = inline ?? rest[++i];
      if (next === undefined || (inline === undefined && next.startsWith("--"))) {
        throw new UsageError(`${flag} needs a value`);
      }
      return next;
    };
    if (flag === "--plan") plans.push(value());
    else if (flag === "--format") format = value();
    else if (flag === "--strict" && inline === undefined) strict = true;
    else if (flag.startsWith("-")) throw new UsageError(`unknown option ${rest[i]}`);
    else targets.push(rest[i]);
  }
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format is ${FORMATS.join(" or ")}, not "${format}"`);
  }
  if (targets.length !== 1) {
    throw new UsageError(
      targets.length === 0
        ? "review needs a cdktf.out directory or a stack directory"
        : `review takes one directory, received ${targets.length}: ${targets.join(", ")}`,
    );
  }
  return {
    kind: "review",
    target: targets[0],
    plans,
    format: format as ReviewArgs["format"],
    strict,
  };
}

/** `--name=value` as [--name, value]; anything else as [arg, undefined]. */
function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  return arg.startsWith("--") && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}
