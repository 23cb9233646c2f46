import { parseArgs } from "node:util";
import { DEFAULT_MAX_LENGTH } from "./markdown";

/** A command line the CLI cannot run: one line on stderr, exit code 2. */
export class UsageError extends Error {}

/** Markdown for a pull-request comment, JSON for tools, SARIF for code scanning. */
export type ReviewFormat = "markdown" | "json" | "sarif";

/** What `review` was asked to do. */
export interface ReviewArgs {
  /** A cdktf.out directory or a stack directory. */
  readonly target: string;
  /** `terraform show -json` files. */
  readonly plans: readonly string[];
  /** Output format. */
  readonly format: ReviewFormat;
  /** Exit 1 when the strict gate fails. */
  readonly strict: boolean;
  /** The Markdown report's limit in characters; Infinity for none. */
  readonly maxLength: number;
  /** Where to write the full Markdown report, when asked. */
  readonly fullReport?: string;
}

/** What `providers-mirror` was asked to do. */
export interface MirrorArgs {
  /** cdktf output directory. */
  readonly out: string;
  /** Where the mirror is written. */
  readonly mirror: string;
  /** Platforms to lock and mirror. */
  readonly platforms: readonly string[];
  /** Where the mirror lives on the air-gapped machine. */
  readonly targetPath?: string;
  /** A network mirror's URL. */
  readonly networkMirror?: string;
  /** Run the commands rather than print them. */
  readonly run: boolean;
}

/** A parsed command line. */
export type Command =
  | { readonly kind: "help"; readonly text: string }
  | { readonly kind: "review"; readonly args: ReviewArgs }
  | { readonly kind: "providers-mirror"; readonly args: MirrorArgs };

const FORMATS: readonly string[] = ["markdown", "json", "sarif"];
const COMMANDS = ["review", "providers-mirror"];

/**
 * Parses the arguments after the program name with Node's `util.parseArgs` (strict: unknown
 * options and missing values are errors); every error is a UsageError with one line.
 */
export function parseCommandLine(
  argv: readonly string[],
  usage: { readonly review: string; readonly mirror: string },
): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help") {
    return { kind: "help", text: usage.review };
  }
  if (command === "review") {
    const values = parse(rest, {
      plan: { type: "string", multiple: true },
      format: { type: "string" },
      strict: { type: "boolean" },
      "max-length": { type: "string" },
      "full-report": { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.values.help) return { kind: "help", text: usage.review };
    return { kind: "review", args: reviewArgs(values.values, values.positionals) };
  }
  if (command === "providers-mirror") {
    const values = parse(rest, {
      out: { type: "string" },
      mirror: { type: "string" },
      platform: { type: "string", multiple: true },
      "target-path": { type: "string" },
      "network-mirror": { type: "string" },
      run: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.values.help) return { kind: "help", text: usage.mirror };
    if (values.positionals.length > 0) {
      throw new UsageError(
        `providers-mirror takes no directory; give it with --out ${values.positionals[0]}`,
      );
    }
    const v = values.values;
    return {
      kind: "providers-mirror",
      args: {
        out: nonEmpty("--out", v.out) ?? "cdktf.out",
        mirror: nonEmpty("--mirror", v.mirror) ?? "terraform-providers",
        platforms: (v.platform as string[] | undefined)?.map((p) =>
          platform(nonEmpty("--platform", p)!),
        ) ?? ["linux_amd64"],
        targetPath: nonEmpty("--target-path", v["target-path"]),
        networkMirror: nonEmpty("--network-mirror", v["network-mirror"]),
        run: v.run === true,
      },
    };
  }
  throw new UsageError(
    `unknown command ${JSON.stringify(command)}; the commands are ${COMMANDS.join(" and ")} (--help for usage)`,
  );
}

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;
type Options = NonNullable<Parameters<typeof parseArgs>[0]>["options"];

function parse(
  args: readonly string[],
  options: Options,
): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-[^' ]*)/.exec(message)?.[1] ?? "an option";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      throw new UsageError(`unknown option ${option} (--help lists the options)`);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new UsageError(
        /does not take an argument/.test(message)
          ? `${option} takes no value`
          : `${option} needs a value`,
      );
    }
    throw new UsageError(message.split("\n")[0]);
  }
}

function reviewArgs(v: Values, positionals: readonly string[]): ReviewArgs {
  const format = nonEmpty("--format", v.format) ?? "markdown";
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format is ${FORMATS.join(", ")}, not ${JSON.stringify(format)}`);
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? "review needs a cdktf.out directory or a stack directory"
        : `review takes one directory, received ${positionals.length}: ${positionals.join(", ")}`,
    );
  }
  const maxLength = nonEmpty("--max-length", v["max-length"]);
  const limit = maxLength === undefined ? undefined : Number(maxLength);
  if (
    limit !== undefined &&
    !(Number.isSafeInteger(limit) && limit >= 0 && /^\d+$/.test(maxLength!))
  ) {
    throw new UsageError(
      `--max-length is a number of characters (0 for no limit), not ${JSON.stringify(maxLength)}`,
    );
  }
  return {
    target: positionals[0],
    plans: ((v.plan as string[] | undefined) ?? []).map((p) => nonEmpty("--plan", p)!),
    format: format as ReviewFormat,
    strict: v.strict === true,
    maxLength: limit === 0 ? Infinity : (limit ?? DEFAULT_MAX_LENGTH),
    fullReport: nonEmpty("--full-report", v["full-report"]),
  };
}

/** A string option's value; an empty one is a usage error. */
function nonEmpty(flag: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "")
    throw new UsageError(`${flag} needs a value`);
  return value;
}

/** A Terraform platform: `<os>_<arch>` in lower case. */
function platform(value: string): string {
  if (!/^[a-z0-9]+_[a-z0-9]+$/.test(value)) {
    throw new UsageError(
      `--platform is <os>_<arch> in lower case (linux_amd64, windows_amd64, darwin_arm64), not ${JSON.stringify(value)}`,
    );
  }
  return value;
}
