import { SynthesizedTerraform, TerraformBlock, blockAt } from "./terraform-json";

/** A string that is one Terraform reference and nothing else: `${<address>.<attribute>}`. */
export interface Reference {
  /** Resource or data source address, e.g. `azurerm_key_vault.Vault` or `data.azapi_resource.X`. */
  readonly address: string;
  /** The attribute path after the address, e.g. `id` or `identity[0].principal_id`. */
  readonly attribute: string;
  /** The block at that address, when the synthesized JSON holds it. */
  readonly block?: TerraformBlock;
}

const REFERENCE = /^\$\{((?:data\.)?[A-Za-z][\w-]*\.[A-Za-z_][\w-]*)\.([^${}]+)\}$/;

/**
 * Reads references and names in synthesized JSON, so that the same thing written two ways
 * (a literal ARM ID, or a reference to the resource that has it) gets the same key.
 */
export class References {
  public constructor(private readonly doc: SynthesizedTerraform) {}

  /** The reference `value` is, if it is exactly one. */
  public parse(value: unknown): Reference | undefined {
    const match = typeof value === "string" ? REFERENCE.exec(value) : null;
    if (!match) return undefined;
    return { address: match[1], attribute: match[2], block: blockAt(this.doc, match[1]) };
  }

  /**
   * A key for a name: a literal in lower case (ARM names ignore case); `${X.name}` or `${X.id}`
   * as X's literal `name` when it has one, else `ref:X`; any other expression as written.
   */
  public nameKey(value: unknown): string | undefined {
    if (typeof value !== "string") return undefined;
    const ref = this.parse(value);
    if (ref && (ref.attribute === "name" || ref.attribute === "id")) {
      const name = ref.block?.name;
      return typeof name === "string" && !isExpression(name)
        ? name.toLowerCase()
        : `ref:${ref.address}`;
    }
    return isExpression(value) ? value : value.toLowerCase();
  }

  /** The name key of the resource an ARM ID (or a reference to its resource) identifies. */
  public idNameKey(
    value: unknown,
    idPattern: RegExp,
    terraformTypes: readonly string[],
  ): string | undefined {
    if (typeof value !== "string") return undefined;
    const ref = this.parse(value);
    if (ref) {
      return ref.attribute === "id" && terraformTypes.includes(terraformType(ref))
        ? this.nameKey(value)
        : undefined;
    }
    const match = isExpression(value) ? null : idPattern.exec(value);
    return match ? match[1].toLowerCase() : undefined;
  }
}

/** Whether a string holds a Terraform expression. */
export function isExpression(value: string): boolean {
  return value.includes("${");
}

/** The Terraform type of a reference's address (`azurerm_key_vault` for `data.azurerm_key_vault.x`). */
export function terraformType(ref: Reference): string {
  const parts = ref.address.split(".");
  return parts[0] === "data" ? parts[1] : parts[0];
}
