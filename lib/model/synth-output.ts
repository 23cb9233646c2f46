import { existsSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { asRecord, ownValue } from "../private/records";
import { SynthOutputError, confinedPath, readJsonFile } from "./read-json-file";
import { SynthesizedTerraform } from "./terraform-json";

export { SynthOutputError } from "./read-json-file";

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
  /** Its cdk.tf.json, relative to the directory read (for SARIF locations). */
  readonly file: string;
  /** Its working directory (real path, inside the directory read). */
  readonly workingDirectory: string;
  /** The stacks it depends on (manifest.json `dependencies`). */
  readonly dependencies: readonly string[];
}

const MANIFEST = "manifest.json";
const STACK_FILE = "cdk.tf.json";
/**
 * Annotation levels as the CDK core writes them into manifest.json. CDK Terrain (cdktn 0.24)
 * kept cdktf's names (`@cdktf/error`, ...), so one table reads both flavors' output.
 */
const LEVELS: ReadonlyMap<string, string> = new Map([
  ["@cdktf/error", "error"],
  ["@cdktf/warn", "warning"],
  ["@cdktf/info", "info"],
]);

/**
 * Reads `cdktf synth` output: a cdktf.out directory (every stack manifest.json lists) or one
 * stack's directory (cdktf.out/stacks/<name>, its annotations read from ../../manifest.json).
 * cdktf keeps annotations only in manifest.json (`stacks.<name>.annotations`), never in the
 * stack JSON. Stacks come sorted by name. Every file is read inside the directory given (real
 * paths: no `..`, no symlink out), within the size and nesting limits of read-json-file.ts.
 */
export function readSynthOutput(target: string): SynthesizedStack[] {
  if (!existsSync(target) || !statSync(target).isDirectory()) {
    throw new SynthOutputError(`${target} is not a directory`);
  }
  const dir = realpathSync(target);
  if (existsSync(join(dir, MANIFEST))) return readManifest(dir);
  if (existsSync(join(dir, STACK_FILE))) {
    const doc = readStack(dir, join(dir, STACK_FILE));
    const metadataName = asRecord(
      asRecord(doc["//" as keyof SynthesizedTerraform]).metadata,
    ).stackName;
    const name = typeof metadataName === "string" ? metadataName : basename(dir);
    const root = dirname(dirname(dir));
    const manifestFile = join(root, MANIFEST);
    const entry = existsSync(manifestFile)
      ? asRecord(
          ownValue(
            asRecord(
              asRecord(readJsonFile(confinedPath(root, manifestFile, "manifest"), "manifest"))
                .stacks,
            ),
            name,
          ),
        )
      : {};
    return [
      {
        name,
        doc,
        annotations: annotationsOf(entry),
        file: STACK_FILE,
        workingDirectory: dir,
        dependencies: [],
      },
    ];
  }
  throw new SynthOutputError(
    `${target} holds neither ${MANIFEST} (a cdktf.out directory) nor ${STACK_FILE} (a stack directory); run cdktf synth first`,
  );
}

function readManifest(dir: string): SynthesizedStack[] {
  const manifest = asRecord(
    readJsonFile(confinedPath(dir, join(dir, MANIFEST), "manifest"), "manifest"),
  );
  const stacks = asRecord(manifest.stacks);
  return Object.keys(stacks)
    .sort()
    .map((name) => {
      if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) {
        throw new SynthOutputError(
          `manifest.json: a stack name holds a control character or line break: ${JSON.stringify(name)}`,
        );
      }
      const entry = asRecord(stacks[name]);
      const stackPath = entry.synthesizedStackPath;
      const workingDirectory = entry.workingDirectory;
      if (typeof stackPath !== "string" || typeof workingDirectory !== "string") {
        throw new SynthOutputError(
          `manifest.json: stack ${JSON.stringify(name)} has no synthesizedStackPath or workingDirectory`,
        );
      }
      const file = join(dir, stackPath);
      return {
        name,
        doc: readStack(dir, file),
        annotations: annotationsOf(entry),
        file: relative(dir, confinedPath(dir, file, "stack file")),
        dependencies: Array.isArray(entry.dependencies)
          ? entry.dependencies.filter((d): d is string => typeof d === "string")
          : [],
        workingDirectory: confinedPath(
          dir,
          join(dir, workingDirectory),
          `stack ${JSON.stringify(name)}:`,
        ),
      };
    });
}

function readStack(root: string, file: string): SynthesizedTerraform {
  if (!existsSync(file)) {
    const hcl = file.replace(/\.tf\.json$/, ".tf");
    throw new SynthOutputError(
      existsSync(hcl)
        ? `${hcl} is HCL; the review reads JSON: synthesize without --hcl`
        : `${file} does not exist`,
    );
  }
  const real = confinedPath(root, file, "stack file");
  return asRecord(readJsonFile(real, "stack file")) as SynthesizedTerraform;
}

function annotationsOf(entry: Record<string, unknown>): SynthAnnotation[] {
  const list = Array.isArray(entry.annotations) ? entry.annotations : [];
  return list.map((item) => {
    const a = asRecord(item);
    return {
      level: LEVELS.get(String(a.level)) ?? text(a.level),
      path: text(a.constructPath),
      message: text(a.message),
    };
  });
}

/** A string as written; any other JSON value as JSON ("" when absent). */
function text(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
