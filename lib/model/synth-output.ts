import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { asRecord } from "../private/records";
import { SynthesizedTerraform } from "./terraform-json";

/** An annotation of the synth, as cdktf writes it into manifest.json. */
export interface SynthAnnotation {
  /** "error", "warning" or "info". */
  readonly level: string;
  /** Construct path. */
  readonly path: string;
  /** The message. */
  readonly message: string;
}

/** One synthesized stack, read from disk. */
export interface SynthesizedStack {
  /** Stack name. */
  readonly name: string;
  /** Its cdk.tf.json, parsed (with cdktf's `"//"` metadata). */
  readonly doc: SynthesizedTerraform;
  /** Its annotations from manifest.json; empty when the manifest is not found. */
  readonly annotations: readonly SynthAnnotation[];
}

const MANIFEST = "manifest.json";
const STACK_FILE = "cdk.tf.json";
/** Annotation levels as either flavor of the CDK core (cdktf or CDK Terrain) writes them. */
const LEVELS: ReadonlyMap<string, string> = new Map(
  ["@cdktf", "@cdktn"].flatMap((core) => [
    [`${core}/error`, "error"],
    [`${core}/warn`, "warning"],
    [`${core}/info`, "info"],
  ]),
);

/** A cdktf.out directory or a stack directory that cannot be reviewed. */
export class SynthOutputError extends Error {}

/**
 * Reads `cdktf synth` output: a cdktf.out directory (every stack manifest.json lists) or one
 * stack's directory (cdktf.out/stacks/<name>, its annotations read from ../../manifest.json).
 * cdktf keeps annotations only in manifest.json (`stacks.<name>.annotations`), never in the
 * stack JSON. Stacks come sorted by name.
 */
export function readSynthOutput(target: string): SynthesizedStack[] {
  const dir = resolve(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new SynthOutputError(`${target} is not a directory`);
  }
  if (existsSync(join(dir, MANIFEST))) {
    const manifest = readJson(join(dir, MANIFEST));
    const stacks = asRecord(asRecord(manifest).stacks);
    return Object.keys(stacks)
      .sort()
      .map((name) => {
        const entry = asRecord(stacks[name]);
        const file = join(dir, String(entry.synthesizedStackPath ?? ""));
        return { name, doc: readStackFile(file), annotations: annotationsOf(entry) };
      });
  }
  if (existsSync(join(dir, STACK_FILE))) {
    const doc = readStackFile(join(dir, STACK_FILE));
    const name = String(
      asRecord(asRecord(asRecord(doc)["//"]).metadata).stackName ?? basename(dir),
    );
    const manifestFile = join(dirname(dirname(dir)), MANIFEST);
    const entry = existsSync(manifestFile)
      ? asRecord(asRecord(asRecord(readJson(manifestFile)).stacks)[name])
      : {};
    return [{ name, doc, annotations: annotationsOf(entry) }];
  }
  throw new SynthOutputError(
    `${target} holds neither ${MANIFEST} (a cdktf.out directory) nor ${STACK_FILE} (a stack directory); run cdktf synth first`,
  );
}

function readStackFile(file: string): SynthesizedTerraform {
  if (!existsSync(file)) {
    const hcl = file.replace(/\.tf\.json$/, ".tf");
    throw new SynthOutputError(
      existsSync(hcl)
        ? `${hcl} is HCL; the review reads JSON: synthesize without --hcl`
        : `${file} does not exist`,
    );
  }
  return asRecord(readJson(file)) as SynthesizedTerraform;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SynthOutputError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function annotationsOf(entry: Record<string, unknown>): SynthAnnotation[] {
  const list = Array.isArray(entry.annotations) ? entry.annotations : [];
  return list.map((item) => {
    const a = asRecord(item);
    return {
      level: LEVELS.get(String(a.level)) ?? String(a.level),
      path: String(a.constructPath ?? ""),
      message: String(a.message ?? ""),
    };
  });
}
