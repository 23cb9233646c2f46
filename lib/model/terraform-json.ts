import { asRecord, ownValue } from "../private/records";

/**
 * Plain readers of synthesized Terraform JSON. No cdktf import: the review command loads this
 * module, and a stack is turned into JSON by synthesized-input.ts.
 */

/** One block of synthesized Terraform JSON, as written (`resource.<type>.<name>`). */
export type TerraformBlock = Record<string, unknown>;

/** Synthesized Terraform JSON, parsed: the parts the harness reads. */
export interface SynthesizedTerraform {
  /** `resource.<type>.<name>`. */
  readonly resource?: Record<string, Record<string, TerraformBlock>>;
  /** `data.<type>.<name>`. */
  readonly data?: Record<string, Record<string, TerraformBlock>>;
}

/** A resource or data source with its Terraform address (`azurerm_x.name`, `data.azurerm_x.name`). */
export interface AddressedBlock {
  /** Terraform address. */
  readonly address: string;
  /** Its arguments. */
  readonly block: TerraformBlock;
}

/** Every resource of one type, with its address. */
export function resourcesOfType(doc: SynthesizedTerraform, type: string): AddressedBlock[] {
  return blocksOf(doc.resource?.[type], type);
}

/** A resource (`type.name`) or data source (`data.type.name`) by address (own keys only). */
export function blockAt(doc: SynthesizedTerraform, address: string): TerraformBlock | undefined {
  const isData = address.startsWith("data.");
  const [type, name, ...rest] = (isData ? address.slice("data.".length) : address).split(".");
  if (name === undefined || rest.length > 0) return undefined;
  const blocks = asRecord(ownValue(asRecord(isData ? doc.data : doc.resource), type));
  const block = ownValue(blocks, name);
  return block === undefined ? undefined : asRecord(block);
}

function blocksOf(blocks: unknown, prefix: string): AddressedBlock[] {
  return Object.entries(asRecord(blocks))
    .filter(([name]) => name !== "//")
    .map(([name, block]) => ({ address: `${prefix}.${name}`, block: asRecord(block) }));
}
