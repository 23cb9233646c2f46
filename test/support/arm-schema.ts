import Ajv, { ValidateFunction } from "ajv-draft-04";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { REFERENCE_DIR, readReferenceJson } from "./reference";

const SCHEMA_DIR = "azure/arm-schemas";

/** The resourceDefinitions of the three ACR Transfer types. */
export type TransferDefinition =
  "registries_exportPipelines" | "registries_importPipelines" | "registries_pipelineRuns";

/** The api-versions that have a schema file in the reference folder, oldest first. */
export function schemaVersions(): string[] {
  const dir = join(REFERENCE_DIR, SCHEMA_DIR);
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** The schema file to hold an api-version against: its own, or the newest older one. */
export function schemaVersionFor(apiVersion: string): string {
  const older = schemaVersions().filter((v) => v <= apiVersion);
  if (older.length === 0) throw new Error(`no ARM schema at or before ${apiVersion}`);
  return older[older.length - 1];
}

/**
 * Forbids additional properties on every object schema that lists its properties, as azapi
 * does when it validates a body against its embedded schema.
 */
function closeObjects(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(closeObjects);
  if (node === null || typeof node !== "object") return;
  const schema = node as Record<string, unknown>;
  if (schema.type === "object" && schema.properties && schema.additionalProperties === undefined) {
    const hasOwnProperties = Object.keys(schema.properties as object).length > 0;
    if (hasOwnProperties) schema.additionalProperties = false;
  }
  Object.values(schema).forEach(closeObjects);
}

const EXPRESSION_SCHEMA = {
  id: "https://schema.management.azure.com/schemas/common/definitions.json",
  definitions: { expression: { type: "string", pattern: "^\\[([^\\[].*)?\\]$" } },
};

const cache = new Map<string, ValidateFunction>();

/** A validator for one resource definition of one schema version, additional properties forbidden. */
export function transferValidator(
  schemaVersion: string,
  definition: TransferDefinition,
): ValidateFunction {
  const key = `${schemaVersion}/${definition}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const document = readReferenceJson(
    `${SCHEMA_DIR}/${schemaVersion}/Microsoft.ContainerRegistry.json`,
  );
  closeObjects(document);
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(EXPRESSION_SCHEMA);
  ajv.addSchema({ ...document, id: `urn:acr:${schemaVersion}` });
  const validate = ajv.compile({
    $ref: `urn:acr:${schemaVersion}#/resourceDefinitions/${definition}`,
  });
  cache.set(key, validate);
  return validate;
}
