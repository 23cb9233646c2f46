import { asRecord } from "../private/records";
import { TerraformBlock } from "./terraform-json";

/** azapi bodies are objects; a JSON string (azapi 1.x `jsonencode`) is read too. */
export function parseBody(body: unknown): Record<string, unknown> {
  if (typeof body !== "string") return asRecord(body);
  try {
    return asRecord(JSON.parse(body));
  } catch {
    return {};
  }
}

/** `body.properties` of an azapi block. */
export function bodyProperties(block: TerraformBlock): Record<string, unknown> {
  return asRecord(parseBody(block.body).properties);
}

/** A list of strings, or `[]` when the value is not a list. */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** A string, or undefined when the value is not one. */
export function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The construct path cdktf writes into a block's `"//"` metadata (absent after synthJson). */
export function constructPath(block: TerraformBlock): string | undefined {
  return optionalString(asRecord(asRecord(block["//"]).metadata).path);
}

/** Every construct path the `"//"` metadata of the document's resources and data sources names. */
export function constructPaths(doc: object): string[] {
  const root = asRecord(doc);
  return ["resource", "data"].flatMap((section) =>
    Object.values(asRecord(root[section])).flatMap((blocks) =>
      Object.values(asRecord(blocks)).flatMap((block) => {
        const path = constructPath(asRecord(block));
        return path === undefined ? [] : [path];
      }),
    ),
  );
}
