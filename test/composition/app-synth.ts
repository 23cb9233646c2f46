import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";

/** One stack of a synthesized app: its Terraform JSON and its manifest entry. */
export interface SynthesizedStack {
  /** Stack name. */
  readonly name: string;
  /** Its cdk.tf.json, parsed. */
  readonly json: any;
  /** Names of the stacks it depends on, from manifest.json. */
  readonly dependencies: string[];
  /** Its folder in the output (for terraform-shadow). */
  readonly dir: string;
}

/** Synthesizes a whole app (validations included) into a temporary folder and reads it back. */
export function synthApp(build: (app: App) => void): {
  stacks: Map<string, SynthesizedStack>;
  outdir: string;
  cleanup: () => void;
} {
  const outdir = mkdtempSync(join(tmpdir(), "acr-app-"));
  const app = new App({ outdir });
  build(app);
  app.synth();
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
  const stacks = new Map<string, SynthesizedStack>();
  for (const [name, entry] of Object.entries<any>(manifest.stacks)) {
    const dir = join(outdir, entry.workingDirectory);
    stacks.set(name, {
      name,
      json: JSON.parse(readFileSync(join(outdir, entry.synthesizedStackPath), "utf8")),
      dependencies: entry.dependencies,
      dir,
    });
  }
  return { stacks, outdir, cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** Every `depends_on` entry of every resource and data source in a stack's JSON. */
export function dependsOnEntries(json: any): string[] {
  const blocks = [json.resource ?? {}, json.data ?? {}].flatMap((kind: any) =>
    Object.values<any>(kind).flatMap((byName: any) => Object.values<any>(byName)),
  );
  return blocks.flatMap((block: any) => block.depends_on ?? []);
}

/** Addresses of every resource (`type.name`) and data source (`data.type.name`) in a stack. */
export function addressesOf(json: any): Set<string> {
  const addresses = new Set<string>();
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    for (const name of Object.keys(byName)) addresses.add(`${type}.${name}`);
  }
  for (const [type, byName] of Object.entries<any>(json.data ?? {})) {
    for (const name of Object.keys(byName)) addresses.add(`data.${type}.${name}`);
  }
  return addresses;
}
