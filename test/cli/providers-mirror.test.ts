// The providers-mirror command: a dry run that prints what it would run, a run with a stand-in
// Terraform, and (with the real Terraform, offline) that the CLI configuration it writes makes
// `terraform init` install the providers from a filesystem mirror without the registry.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { buildApp } from "../../examples/app";
import {
  planProvidersMirror,
  providerAddress,
  stackProviders,
} from "../../lib/cli/providers-mirror";
import { CliIo } from "../../lib/cli/cli-io";
import { runCli } from "../../lib/cli/run-cli";
import { readSynthOutput } from "../../lib/model/synth-output";
import { HAS_TERRAFORM, TERRAFORM_SKIP } from "../support/shadow";
import { writeSingleFileZip } from "../support/zip";

// Synthesizes the examples and spawns Terraform: slower than vitest's 5 s default.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ROOT = resolve(__dirname, "../..");
const scratch = mkdtempSync(join(tmpdir(), "providers-mirror-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const outdir = join(scratch, "cdktf.out");
buildApp(outdir).synth();
const STACKS = stackProviders(readSynthOutput(outdir));

const TERRAFORM = process.env.TERRAFORM ?? "terraform";

/** Runs the command with captured output and a stand-in for programs. */
function cli(
  argv: string[],
  status = 0,
): { out: string; err: string; ran: string[][]; code: number } {
  const result = { out: "", err: "", ran: [] as string[][], code: 0 };
  const io: CliIo = {
    out: (t) => (result.out += t),
    err: (t) => (result.err += t),
    run: (command) => (result.ran.push([...command]), status),
  };
  result.code = runCli(["providers-mirror", ...argv], io);
  return result;
}

describe("providerAddress", () => {
  it.each([
    ["azurerm", "registry.terraform.io/hashicorp/azurerm"],
    ["Azure/azapi", "registry.terraform.io/azure/azapi"],
    ["example.com/Team/thing", "example.com/team/thing"],
  ])("%s is %s", (source, address) => expect(providerAddress(source)).toBe(address));
});

describe("reading the synthesized stacks", () => {
  it("finds azapi and azurerm, with the constraints every example stack writes", () => {
    expect(STACKS.map((s) => s.stack)).toContain("seed-walkthrough-source");
    for (const stack of STACKS) {
      expect(stack.providers).toEqual([
        { address: "registry.terraform.io/azure/azapi", version: "~> 2.8" },
        { address: "registry.terraform.io/hashicorp/azurerm", version: "4.55.0" },
      ]);
    }
  });
});

describe("providers-mirror, dry run", () => {
  const mirror = join(scratch, "mirror");
  const { out, code, ran } = cli([
    "--out",
    outdir,
    "--mirror",
    mirror,
    "--platform",
    "linux_amd64",
    "--platform",
    "windows_amd64",
  ]);

  it("runs nothing and prints each step", () => {
    expect(code).toBe(0);
    expect(ran).toEqual([]);
    expect(out).toMatch(
      /registry\.terraform\.io\/azure\/azapi ~> 2\.8 {2}\(.*cross-tenant-source,/,
    );
    expect(out).toContain("registry.terraform.io/hashicorp/azurerm 4.55.0  (");
  });

  it("locks every stack for every platform, and mirrors each distinct set of requirements once", () => {
    for (const { directory } of STACKS) {
      expect(out).toContain(
        `terraform -chdir=${directory} providers lock -platform=linux_amd64 -platform=windows_amd64\n`,
      );
      expect(out).toContain(join(directory, ".terraform.lock.hcl"));
    }
    expect(out.match(/ providers mirror /g)).toHaveLength(1);
    expect(out).toContain(
      `providers mirror -platform=linux_amd64 -platform=windows_amd64 ${mirror}\n`,
    );
  });

  it("prints a CLI configuration with only the filesystem mirror, and deploys that skip the lock", () => {
    expect(out).toContain(
      [
        "   provider_installation {",
        "     filesystem_mirror {",
        `       path    = "${mirror}"`,
        '       include = ["registry.terraform.io/azure/azapi", "registry.terraform.io/hashicorp/azurerm"]',
        "     }",
        "   }",
      ].join("\n"),
    );
    expect(out).not.toContain("direct");
    expect(out).toContain("npx cdktf deploy seed-walkthrough-source --skip-provider-lock");
  });

  it("uses a network mirror when given one, at the path the air-gapped side names", () => {
    const plan = planProvidersMirror(STACKS, {
      mirrorDir: "m",
      platforms: ["linux_amd64"],
      terraform: "terraform",
      networkMirrorUrl: "https://mirror.example.internal/providers/",
    });
    expect(plan.cliConfig).toContain(
      'network_mirror {\n    url     = "https://mirror.example.internal/providers/"',
    );
    const target = cli(["--out", outdir, "--target-path", "/opt/terraform/providers"]).out;
    expect(target).toContain('path    = "/opt/terraform/providers"');
  });
});

describe("providers-mirror --run", () => {
  it("runs the lock and mirror commands with $TERRAFORM and writes the CLI configuration", () => {
    const mirror = join(scratch, "run-mirror");
    const { code, ran, out } = cli(["--out", outdir, "--mirror", mirror, "--run"]);
    expect(code).toBe(0);
    expect(ran).toHaveLength(STACKS.length + 1);
    expect(ran.at(-1)).toEqual([
      TERRAFORM,
      `-chdir=${STACKS[0].directory}`,
      "providers",
      "mirror",
      "-platform=linux_amd64",
      mirror,
    ]);
    const config = readFileSync(join(mirror, "terraform.tfrc"), "utf8");
    expect(config).toMatch(/^provider_installation \{\n  filesystem_mirror \{/);
    expect(out).toContain(`wrote ${join(mirror, "terraform.tfrc")}`);
  });

  it("stops at the first command that fails, with its status", () => {
    const { code, ran, err } = cli(["--out", outdir, "--mirror", join(scratch, "x"), "--run"], 3);
    expect(code).toBe(3);
    expect(ran).toHaveLength(1);
    expect(err).toMatch(/providers lock -platform=linux_amd64 exited with 3/);
  });

  it("says what is missing: a synth, or a known option", () => {
    const missing = cli(["--out", join(scratch, "nowhere")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^cdktf-acr-transfer: .*nowhere is not a directory\n$/);
    const unknown = cli(["--mirorr", "x"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe(
      "cdktf-acr-transfer: unknown option --mirorr (--help lists the options)\n",
    );
  });
});

describe("the built command", () => {
  it("is the package's bin's providers-mirror subcommand, and prints its usage", () => {
    const bin = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).bin;
    const entry = join(ROOT, bin["cdktf-acr-transfer"]);
    expect(
      execFileSync(process.execPath, [entry, "providers-mirror", "--help"], { encoding: "utf8" }),
    ).toMatch(/^Usage: cdktf-acr-transfer providers-mirror \[options\]/);
    expect(execFileSync(process.execPath, [entry, "--help"], { encoding: "utf8" })).toMatch(
      /Also: cdktf-acr-transfer providers-mirror \[options\]/,
    );
  });
});

describe.skipIf(!HAS_TERRAFORM)(
  `the CLI configuration against Terraform, offline${TERRAFORM_SKIP}`,
  () => {
    it("makes terraform init install azapi and azurerm from the filesystem mirror", () => {
      const mirror = join(scratch, "fake-mirror");
      // Stand-in packages at the versions the stacks accept, in the packed mirror layout.
      for (const [address, version] of [
        ["registry.terraform.io/azure/azapi", "2.8.0"],
        ["registry.terraform.io/hashicorp/azurerm", "4.55.0"],
      ]) {
        const name = address.split("/").pop()!;
        const dir = join(mirror, address);
        mkdirSync(dir, { recursive: true });
        writeSingleFileZip(
          join(dir, `terraform-provider-${name}_${version}_linux_amd64.zip`),
          `terraform-provider-${name}_v${version}`,
          Buffer.from("#!/bin/sh\n"),
        );
      }
      const plan = planProvidersMirror(STACKS, {
        mirrorDir: mirror,
        platforms: ["linux_amd64"],
        terraform: TERRAFORM,
      });
      const config = join(scratch, "terraform.tfrc");
      writeFileSync(config, plan.cliConfig);
      const stack = STACKS.find((s) => s.stack === "seed-walkthrough-source")!;
      const env = {
        ...process.env,
        TF_CLI_CONFIG_FILE: config,
        TF_PLUGIN_CACHE_DIR: "",
        CHECKPOINT_DISABLE: "1",
      };
      const init = spawnSync(
        TERRAFORM,
        [`-chdir=${stack.directory}`, "init", "-backend=false", "-input=false", "-no-color"],
        { env, encoding: "utf8" },
      );
      expect(init.stderr).not.toMatch(/problems with the CLI configuration/);
      expect(init.status, init.stdout + init.stderr).toBe(0);
      expect(init.stdout).toMatch(/Installing azure\/azapi v2\.8\.0/);
      const lock = readFileSync(join(stack.directory, ".terraform.lock.hcl"), "utf8");
      expect(lock).toContain('provider "registry.terraform.io/hashicorp/azurerm"');
      expect(existsSync(join(stack.directory, ".terraform"))).toBe(true);
    });
  },
);

describe("providers-mirror on a hand-written cdktf.out", () => {
  /** A cdktf.out whose stacks hold the given pipeline sides, names and dependencies. */
  function handWritten(
    stacks: Record<string, { sides: string[]; dependencies?: string[]; workingDirectory?: string }>,
  ): string {
    const dir = mkdtempSync(join(scratch, "hand-"));
    const manifest: Record<string, object> = {};
    for (const [name, { sides, dependencies, workingDirectory }] of Object.entries(stacks)) {
      const folder = `stacks/${name.replace(/[^\w-]/g, "_")}`;
      mkdirSync(join(dir, folder), { recursive: true });
      const resources = Object.fromEntries(
        sides.map((side) => [
          `${side}Pipeline`,
          { type: `Microsoft.ContainerRegistry/registries/${side}Pipelines@2025-06-01-preview` },
        ]),
      );
      writeFileSync(
        join(dir, folder, "cdk.tf.json"),
        JSON.stringify({
          terraform: {
            required_providers: { azapi: { source: "Azure/azapi", version: "~> 2.8" } },
          },
          resource: { azapi_resource: resources },
        }),
      );
      manifest[name] = {
        synthesizedStackPath: `${folder}/cdk.tf.json`,
        workingDirectory: workingDirectory ?? folder,
        dependencies: dependencies ?? [],
      };
    }
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ stacks: manifest }));
    return dir;
  }

  it("deploys in stack-dependency order: export stacks, the blob copy, then import stacks", () => {
    const out = handWritten({
      "a-import": { sides: ["import"] },
      "b-export": { sides: ["export"], dependencies: ["c-shared"] },
      "c-shared": { sides: [] },
    });
    const { code, out: text } = cli(["--out", out]);
    expect(code).toBe(0);
    const deploys = text.split("\n").filter((l) => /npx cdktf deploy|# copy/.test(l));
    expect(deploys.map((l) => l.trim())).toEqual([
      "npx cdktf deploy c-shared --skip-provider-lock",
      "npx cdktf deploy b-export --skip-provider-lock",
      "# copy the exported blobs to the import side's container (outside Terraform)",
      "npx cdktf deploy a-import --skip-provider-lock",
    ]);
  });

  it("quotes every value for the shell", () => {
    const out = handWritten({ "x; touch pwned $(id)": { sides: ["export"] } });
    const { code, out: text } = cli(["--out", out]);
    expect(code).toBe(0);
    expect(text).toContain("npx cdktf deploy 'x; touch pwned $(id)' --skip-provider-lock");
  });

  it("refuses a workingDirectory or stack file outside the output folder, in one line", () => {
    const out = handWritten({ outside: { sides: ["export"], workingDirectory: "../.." } });
    const { code, err, ran } = cli(["--out", out, "--run"]);
    expect(code).toBe(2);
    expect(ran).toEqual([]);
    expect(err).toMatch(/^cdktf-acr-transfer: stack "outside": .* is outside .*\n$/);
  });
});
