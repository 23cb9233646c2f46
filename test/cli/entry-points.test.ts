// The CLI's entry points in the sweep's terms: every command and flag given missing, empty,
// wrongly typed, wrongly cased and out-of-range values ends in exit code 2 and one line on
// stderr that names the flag or the value (never a stack trace), run in-process.
import { describe, expect, it } from "vitest";
import { CliIo } from "../../lib/cli/cli-io";
import { runCli } from "../../lib/cli/run-cli";

function run(...argv: string[]): { code: number; out: string; err: string } {
  const result = { code: 0, out: "", err: "" };
  const io: CliIo = {
    out: (t) => (result.out += t),
    err: (t) => (result.err += t),
    run: () => {
      throw new Error("no program runs in this sweep");
    },
  };
  result.code = runCli(argv, io);
  return result;
}

const REVIEW_VALUE_FLAGS = ["--plan", "--format", "--max-length", "--full-report"];
const MIRROR_VALUE_FLAGS = ["--out", "--mirror", "--platform", "--target-path", "--network-mirror"];

describe("CLI entry points", () => {
  it.each([
    ...REVIEW_VALUE_FLAGS.flatMap((flag) => [
      [["review", ".", flag], `${flag} needs a value`],
      [["review", ".", `${flag}=`], `${flag} needs a value`],
      [["review", ".", `${flag}=  `], `${flag} needs a value`],
    ]),
    ...MIRROR_VALUE_FLAGS.flatMap((flag) => [
      [["providers-mirror", flag], `${flag} needs a value`],
      [["providers-mirror", `${flag}=`], `${flag} needs a value`],
    ]),
    [["review", ".", "--strict=true"], "--strict takes no value"],
    [["providers-mirror", "--run=1"], "--run takes no value"],
    [["review", ".", "--Format", "json"], "unknown option --Format"],
    [["review", ".", "--format", "JSON"], '--format is markdown, json, sarif, not "JSON"'],
    [["review", ".", "--format", "md"], '--format is markdown, json, sarif, not "md"'],
    [
      ["review", ".", "--max-length=-5"],
      '--max-length is a number of characters (0 for no limit), not "-5"',
    ],
    [["review", ".", "--max-length", "9007199254740993"], "--max-length is a number of characters"],
    [["review", ".", "--max-length", "ten"], "--max-length is a number of characters"],
    [["providers-mirror", "--platform", "Linux_AMD64"], "--platform is <os>_<arch> in lower case"],
    [["providers-mirror", "--platform", "linux"], "--platform is <os>_<arch> in lower case"],
    [
      ["providers-mirror", "cdktf.out"],
      "providers-mirror takes no directory; give it with --out cdktf.out",
    ],
    [["Review", "."], 'unknown command "Review"'],
    [["review"], "review needs a cdktf.out directory or a stack directory"],
    [["review", "a\u200bb"], "a<U+200B>b is not a directory"],
    [["review", "x\u001b]52;c;eA==\u0007"], "x]52;c;eA== is not a directory"],
  ])("%j: exit 2, %s", (argv, message) => {
    const result = run(...(argv as string[]));
    expect(result.code).toBe(2);
    expect(result.out).toBe("");
    expect(result.err).toMatch(/^cdktf-acr-transfer: [^\n]+\n$/);
    expect(result.err).toContain(message);
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  it("prints each command's help with exit 0", () => {
    for (const argv of [[], ["-h"], ["--help"], ["review", "--help"], ["review", "-h"]]) {
      expect(run(...argv)).toMatchObject({ code: 0, err: "" });
    }
    expect(run("providers-mirror", "-h").out).toMatch(
      /^Usage: cdktf-acr-transfer providers-mirror/,
    );
  });
});
