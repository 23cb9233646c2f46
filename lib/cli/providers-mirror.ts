import { join, resolve } from "node:path";
import { TransferSide } from "../arm/options";
import { transferSideOfType } from "../arm/resource-types";
import { asRecord } from "../private/records";
import { SynthesizedStack } from "../model/synth-output";

// `providers-mirror`: the Terraform providers the synthesized stacks require, and the commands
// that carry them to a machine without the Terraform registry. Pure functions over cdktf.out;
// providers-mirror-run.ts parses the arguments and runs the commands; main.ts dispatches to it.

/** The Terraform registry's host: unqualified provider sources live there. */
const DEFAULT_REGISTRY = "registry.terraform.io";

/** One provider a stack requires. */
export interface ProviderRequirement {
  /** Full address, lower case, e.g. `registry.terraform.io/azure/azapi`. */
  readonly address: string;
  /**
   * Version constraint, as the stack writes it (e.g. `~> 2.8`).
   * @default none: any version
   */
  readonly version?: string;
}

/** The providers of one synthesized stack. */
export interface StackProviders {
  /** Stack name. */
  readonly stack: string;
  /** The stack's working directory (its real path). */
  readonly directory: string;
  /** Its `terraform.required_providers`. */
  readonly providers: ProviderRequirement[];
  /** Stacks it depends on (manifest.json `dependencies`). */
  readonly dependencies: readonly string[];
  /** Whether it holds export pipelines, import pipelines, both or neither. */
  readonly sides: readonly TransferSide[];
}

/** A provider source as Terraform reads it: `name`, `namespace/name` or `host/namespace/name`. */
export function providerAddress(source: string): string {
  const parts = source.toLowerCase().split("/");
  if (parts.length === 1) return `${DEFAULT_REGISTRY}/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `${DEFAULT_REGISTRY}/${parts.join("/")}`;
  return parts.join("/");
}

/** The required providers of every stack read from a cdktf output directory. */
export function stackProviders(stacks: readonly SynthesizedStack[]): StackProviders[] {
  return stacks.map(({ name, doc, workingDirectory, dependencies }) => {
    const required = asRecord(asRecord(asRecord(doc).terraform).required_providers);
    const providers = Object.entries(required)
      .map(([key, value]) => {
        const r = asRecord(value);
        return {
          address: providerAddress(typeof r.source === "string" ? r.source : key),
          version: typeof r.version === "string" ? r.version : undefined,
        };
      })
      .sort((a, b) => a.address.localeCompare(b.address));
    const sides = new Set<TransferSide>();
    for (const block of Object.values(asRecord(asRecord(doc.resource).azapi_resource))) {
      const side = transferSideOfType(asRecord(block).type);
      if (side) sides.add(side);
    }
    return {
      stack: name,
      directory: workingDirectory,
      providers,
      dependencies,
      sides: [...sides].sort(),
    };
  });
}

/** How to build and use the mirror. */
export interface MirrorOptions {
  /** Where `terraform providers mirror` writes, on the connected machine. */
  readonly mirrorDir: string;
  /** Platforms (`os_arch`) to lock and mirror. */
  readonly platforms: string[];
  /** The Terraform binary. */
  readonly terraform: string;
  /**
   * Where the mirror lives on the air-gapped machine.
   * @default `mirrorDir`, absolute
   */
  readonly targetPath?: string;
  /**
   * A network mirror's URL to use instead of a filesystem mirror on the air-gapped side.
   * @default none: a filesystem mirror
   */
  readonly networkMirrorUrl?: string;
}

/** A command to run, as argv. */
export type Command = readonly string[];

/** What the mirror takes, step by step. */
export interface MirrorPlan {
  /** Every provider, with the constraints and stacks that require it. */
  readonly providers: { address: string; versions: string[]; stacks: string[] }[];
  /** Lock each stack's providers for the platforms (official checksums, from the registry). */
  readonly lockCommands: Command[];
  /** Mirror the locked providers, once per distinct set of requirements. */
  readonly mirrorCommands: Command[];
  /** The lock files to carry along, one per stack. */
  readonly lockFiles: string[];
  /** The air-gapped side's Terraform CLI configuration (`TF_CLI_CONFIG_FILE`). */
  readonly cliConfig: string;
  /** Deploys that use the mirror and never ask the registry. */
  readonly deployCommands: string[];
}

/** The plan for the given stacks. */
export function planProvidersMirror(stacks: StackProviders[], options: MirrorOptions): MirrorPlan {
  const byAddress = new Map<string, { versions: Set<string>; stacks: string[] }>();
  for (const { stack, providers } of stacks) {
    for (const p of providers) {
      const entry = byAddress.get(p.address) ?? { versions: new Set<string>(), stacks: [] };
      if (p.version) entry.versions.add(p.version);
      entry.stacks.push(stack);
      byAddress.set(p.address, entry);
    }
  }
  const platforms = options.platforms.map((p) => `-platform=${p}`);
  const withProviders = stacks.filter((s) => s.providers.length > 0);
  const lockCommands = withProviders.map((s) => [
    options.terraform,
    `-chdir=${s.directory}`,
    "providers",
    "lock",
    ...platforms,
  ]);
  const distinct = new Map<string, StackProviders>();
  for (const s of withProviders) {
    const key = JSON.stringify(s.providers);
    if (!distinct.has(key)) distinct.set(key, s);
  }
  const mirrorCommands = [...distinct.values()].map((s) => [
    options.terraform,
    `-chdir=${s.directory}`,
    "providers",
    "mirror",
    ...platforms,
    resolve(options.mirrorDir),
  ]);
  const addresses = [...byAddress.keys()].sort();
  return {
    providers: addresses.map((address) => ({
      address,
      versions: [...byAddress.get(address)!.versions].sort(),
      stacks: byAddress.get(address)!.stacks,
    })),
    lockCommands,
    mirrorCommands,
    lockFiles: withProviders.map((s) => join(s.directory, ".terraform.lock.hcl")),
    cliConfig: cliConfiguration(addresses, options),
    deployCommands: deploySteps(withProviders),
  };
}

/**
 * The `provider_installation` block: only the mirror, so Terraform never asks the registry
 * (no `direct` block), for exactly the providers the stacks require.
 */
function cliConfiguration(addresses: string[], options: MirrorOptions): string {
  const include = `[${addresses.map((a) => JSON.stringify(a)).join(", ")}]`;
  const source = options.networkMirrorUrl
    ? ["  network_mirror {", `    url     = ${JSON.stringify(options.networkMirrorUrl)}`]
    : [
        "  filesystem_mirror {",
        `    path    = ${JSON.stringify(options.targetPath ?? resolve(options.mirrorDir))}`,
      ];
  return ["provider_installation {", ...source, `    include = ${include}`, "  }", "}", ""].join(
    "\n",
  );
}

/** The plan as the dry run prints it. */
export function formatMirrorPlan(plan: MirrorPlan): string {
  const shell = (command: Command) => command.map(shellWord).join(" ");
  return [
    "Providers the synthesized stacks require:",
    ...plan.providers.map(
      (p) =>
        `  ${p.address} ${p.versions.join(" and ") || "(any version)"}  (${p.stacks.join(", ")})`,
    ),
    "",
    "1. On a machine that reaches registry.terraform.io, after `npm run synth`: lock each stack",
    "   for your platforms (official checksums), then mirror the locked versions:",
    ...[...plan.lockCommands, ...plan.mirrorCommands].map((c) => `   ${shell(c)}`),
    "",
    "2. Carry the mirror and these lock files to the air-gapped side; after `cdktf synth` there,",
    "   put each lock file back in its stack's folder (synth keeps it there):",
    ...plan.lockFiles.map((f) => `   ${shellWord(f)}`),
    "",
    "3. On the air-gapped side, point Terraform at the mirror (TF_CLI_CONFIG_FILE=<this file>):",
    ...plan.cliConfig
      .trimEnd()
      .split("\n")
      .map((l) => `   ${l}`),
    "",
    "4. Deploy; --skip-provider-lock keeps cdktf from running `terraform providers lock`, which",
    "   asks the registry whatever the CLI configuration says:",
    ...plan.deployCommands.map((d) => `   ${d}`),
    "",
  ].join("\n");
}

/**
 * The deploy commands in stack-dependency order (a stack after the stacks it depends on);
 * among stacks free to go, export stacks first and import stacks last, with the blob copy
 * between them, as a transfer runs: export, copy, import.
 */
function deploySteps(stacks: readonly StackProviders[]): string[] {
  const rank = (s: StackProviders) =>
    s.sides.length === 1 ? (s.sides[0] === TransferSide.EXPORT ? 0 : 2) : 1;
  const known = new Set(stacks.map((s) => s.stack));
  const waiting = new Map(
    stacks.map((s) => [
      s.stack,
      new Set(s.dependencies.filter((d) => known.has(d) && d !== s.stack)),
    ]),
  );
  const ordered: StackProviders[] = [];
  while (ordered.length < stacks.length) {
    const free = stacks.filter((s) => waiting.has(s.stack) && waiting.get(s.stack)!.size === 0);
    // A dependency cycle (not one cdktf writes): the rest in rank and name order.
    const candidates = free.length > 0 ? free : stacks.filter((s) => waiting.has(s.stack));
    const next = [...candidates].sort(
      (a, b) => rank(a) - rank(b) || a.stack.localeCompare(b.stack),
    )[0];
    ordered.push(next);
    waiting.delete(next.stack);
    for (const deps of waiting.values()) deps.delete(next.stack);
  }
  const steps: string[] = [];
  let exported = false;
  for (const s of ordered) {
    if (s.sides.includes(TransferSide.EXPORT)) exported = true;
    else if (exported && s.sides.includes(TransferSide.IMPORT)) {
      steps.push("# copy the exported blobs to the import side's container (outside Terraform)");
      exported = false;
    }
    steps.push(`npx cdktf deploy ${shellWord(s.stack)} --skip-provider-lock`);
  }
  return steps;
}

/** A shell word: quoted when it holds anything but safe characters. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./~-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
