import { asRecord, ownValue } from "../private/records";
import { SynthesizedTerraform } from "./terraform-json";

/** A stack's name and its synthesized JSON. */
export interface NamedDoc {
  /** Stack name. */
  readonly name: string;
  /** Its cdk.tf.json, parsed. */
  readonly doc: SynthesizedTerraform;
}

/** Something a stack declares that other stacks read through remote state. */
export interface SharedThing {
  /** Its address in the stack that declares it. */
  readonly address: string;
  /** Its `name`, when the block writes one literally. */
  readonly name?: string;
  /** The stacks that read it. */
  readonly usedBy: readonly string[];
}

/** The app's stacks with cross-stack references followed, and what each stack shares. */
export interface CrossStackView {
  /** Each stack's JSON with remote-state outputs replaced by what they point at. */
  readonly docs: ReadonlyMap<string, SynthesizedTerraform>;
  /** What each stack shares with others, by stack name. */
  readonly shared: ReadonlyMap<string, readonly SharedThing[]>;
}

const INPUT_PREFIX = "cross-stack-reference-input-";
const REMOTE_OUTPUT = /\$\{data\.terraform_remote_state\.([\w-]+)\.outputs\.([\w-]+)\}/g;
const SINGLE_REFERENCE = /^\$\{((?:data\.)?)([A-Za-z][\w-]*)\.([A-Za-z_][\w-]*)\.([^${}]+)\}$/;

/**
 * Follows cdktf's cross-stack references: `${data.terraform_remote_state.
 * cross-stack-reference-input-<stack>.outputs.<output>}` becomes a reference to the block the
 * output names in <stack>, copied into the reading stack as a data source
 * (`data.<type>.<name>__<stack>`), so that the model names it as its own stack does (one
 * identity is one node, a container keeps its account). Outputs that are not one reference are
 * left as written. Linear in the size of the JSON.
 */
export function followCrossStack(stacks: readonly NamedDoc[]): CrossStackView {
  const byName = new Map(stacks.map((s) => [s.name, s.doc]));
  const sharing = new Map<string, Map<string, { name?: string; usedBy: Set<string> }>>();
  const docs = new Map<string, SynthesizedTerraform>();
  for (const { name: reader, doc } of stacks) {
    const copies = new Map<string, Record<string, unknown>>();
    const resolve = (input: string, output: string): string | undefined => {
      if (!input.startsWith(INPUT_PREFIX)) return undefined;
      const stack = input.slice(INPUT_PREFIX.length);
      const source = byName.get(stack);
      const value = asRecord(ownValue(asRecord(asRecord(source).output), output)).value;
      const ref = typeof value === "string" ? SINGLE_REFERENCE.exec(value) : null;
      if (!source || !ref) return undefined;
      const [, data, type, blockName, attribute] = ref;
      const section = asRecord(data ? source.data : source.resource);
      const block = ownValue(asRecord(ownValue(section, type)), blockName);
      if (block === undefined) return undefined;
      const copyName = `${blockName}__${stack.replace(/[^\w-]/g, "_")}`;
      const ofType = copies.get(type) ?? {};
      copies.set(type, Object.assign(ofType, Object.fromEntries([[copyName, block]])));
      const address = `${data}${type}.${blockName}`;
      const things = sharing.get(stack) ?? new Map();
      sharing.set(stack, things);
      const thing = things.get(address) ?? {
        name:
          typeof asRecord(block).name === "string" ? (asRecord(block).name as string) : undefined,
        usedBy: new Set<string>(),
      };
      thing.usedBy.add(reader);
      things.set(address, thing);
      return `\${data.${type}.${copyName}.${attribute}}`;
    };
    const resolved = replaceStrings(doc, (text) =>
      text.includes("terraform_remote_state")
        ? text.replace(
            REMOTE_OUTPUT,
            (whole, input: string, output: string) => resolve(input, output) ?? whole,
          )
        : text,
    ) as SynthesizedTerraform & { data?: Record<string, Record<string, unknown>> };
    if (copies.size > 0) {
      const data = new Map(Object.entries(asRecord(resolved.data)));
      for (const [type, blocks] of copies)
        data.set(type, { ...asRecord(data.get(type)), ...blocks });
      docs.set(reader, { ...resolved, data: Object.fromEntries(data) } as SynthesizedTerraform);
    } else {
      docs.set(reader, resolved);
    }
  }
  const shared = new Map(
    [...sharing].map(([stack, things]) => [
      stack,
      [...things].map(([address, t]) => ({ address, name: t.name, usedBy: [...t.usedBy].sort() })),
    ]),
  );
  return { docs, shared };
}

/** A copy of a JSON value (nesting bounded by the reader) with every string passed through `replace`. */
function replaceStrings(value: unknown, replace: (text: string) => string): unknown {
  if (typeof value === "string") return replace(value);
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, replace));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, replaceStrings(item, replace)]),
  );
}
