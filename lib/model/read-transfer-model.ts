import { StorageAccessMode } from "../arm/storage-access-mode";
import { TransferSide } from "../arm/options";
import { apiVersionOf, transferSideOfType } from "../arm/resource-types";
import { deletesSourceBlobs, storageRoleFor } from "../arm/roles";
import { asRecord } from "../private/records";
import { bodyProperties, constructPath, optionalString, stringList } from "./json-values";
import { readGrants } from "./read-grants";
import { readRuns } from "./read-runs";
import { readIdentities, readSecrets } from "./read-secrets";
import { StackKeys } from "./stack-keys";
import { SynthesizedTerraform, TerraformBlock, resourcesOfType } from "./terraform-json";
import { Need, TransferModel, TransferPipelineModel } from "./transfer-model";

/**
 * Reads pipelines, grants, runs, secrets and identities out of synthesized JSON.
 *
 * Principals: a pipeline whose identity type is `SystemAssigned` acts as
 * `${azapi_resource.<X>.identity[0].principal_id}` (key `system:azapi_resource.<X>`); any other
 * type acts as its first `identity_ids` entry (key `identity:<ID>`). A grant's
 * object_id/principal_id is tied to an identity ID only when the tie is in the JSON:
 * `${[data.]azurerm_user_assigned_identity.<Y>.principal_id}` belongs to
 * `${[data.]azurerm_user_assigned_identity.<Y>.id}`; `${data.azapi_resource.<Z>.output.principal_id}`
 * of a `Microsoft.ManagedIdentity/userAssignedIdentities` lookup belongs to that lookup's
 * `resource_id` (literal IDs compared ignoring case); any other value belongs to the identity
 * ID `principalIds` maps to it. Nothing is matched by name alone, so no grant is credited to
 * the wrong identity.
 */
export function readTransferModel(
  doc: SynthesizedTerraform,
  principalIds: Readonly<Record<string, string>> = {},
): TransferModel {
  const keys = new StackKeys(doc, principalIds);
  const azapi = resourcesOfType(doc, "azapi_resource");
  const pipelines = azapi.flatMap(({ address, block }) => {
    const side = transferSideOfType(block.type);
    return side ? [readPipeline(keys, address, block, side)] : [];
  });
  const grants = readGrants(keys, doc);
  return {
    pipelines,
    runs: readRuns(keys, azapi),
    grants,
    secrets: readSecrets(keys, doc, pipelines),
    identities: readIdentities(keys, pipelines, grants),
  };
}

/** Reads one export or import pipeline block. */
export function readPipeline(
  keys: StackKeys,
  address: string,
  block: TerraformBlock,
  side: TransferSide,
): TransferPipelineModel {
  const label = `${address} (${side} pipeline ${JSON.stringify(block.name)})`;
  const systemPrincipal = `system:${address}`;
  const identity = asRecord(Array.isArray(block.identity) ? block.identity[0] : block.identity);
  const identityType = String(identity.type ?? "None");
  const identityIds = stringList(identity.identity_ids);
  const lowerType = identityType.toLowerCase();
  const principal =
    lowerType === "systemassigned"
      ? systemPrincipal
      : lowerType.includes("userassigned") && identityIds.length > 0
        ? keys.identityKey(identityIds[0])
        : undefined;
  const problems =
    principal === undefined
      ? [
          `${label} has no managed identity that could act for it (identity type ${identity.type ?? "None"})`,
        ]
      : [];
  const properties = bodyProperties(block);
  const storage = asRecord(side === TransferSide.EXPORT ? properties.target : properties.source);
  const options = stringList(properties.options);
  const need = readNeed(keys, storage, side, options);
  if (!need) {
    problems.push(
      `${label} names no storage access it can use ` +
        "(SasToken mode needs keyVaultUri, ManagedIdentity mode needs uri)",
    );
  }
  const containerUri = optionalString(storage.uri);
  return {
    address,
    path: constructPath(block),
    label,
    name: String(block.name ?? ""),
    side,
    registryId: String(block.parent_id ?? ""),
    registry: keys.registryKey(block.parent_id),
    apiVersion: apiVersionOf(block.type),
    identityType,
    identityIds,
    storageAccessMode: storageMode(storage),
    containerUri,
    container: containerUri === undefined ? undefined : keys.containerOfUri(containerUri),
    secretUri: optionalString(storage.keyVaultUri),
    options,
    sourceTrigger:
      side === TransferSide.IMPORT
        ? optionalString(asRecord(asRecord(properties.trigger).sourceTrigger).status)
        : undefined,
    principal,
    systemPrincipal,
    needs: need ? [need] : [],
    problems,
  };
}

/** storageAccessMode as written; a keyVaultUri alone means SasToken (api-versions before it). */
function storageMode(storage: Record<string, unknown>): string | undefined {
  if (typeof storage.storageAccessMode === "string") return storage.storageAccessMode;
  return storage.keyVaultUri !== undefined ? StorageAccessMode.SAS_TOKEN : undefined;
}

/** What the pipeline's storage access mode needs its principal to be granted. */
function readNeed(
  keys: StackKeys,
  storage: Record<string, unknown>,
  side: TransferSide,
  options: readonly string[],
): Need | undefined {
  const mode = storageMode(storage);
  if (mode === StorageAccessMode.SAS_TOKEN && typeof storage.keyVaultUri === "string") {
    return keys.secretNeed(storage.keyVaultUri);
  }
  if (mode !== StorageAccessMode.MANAGED_IDENTITY || typeof storage.uri !== "string") {
    return undefined;
  }
  return {
    kind: "container",
    container: keys.containerOfUri(storage.uri),
    role: storageRoleFor(side, deletesSourceBlobs(side, options)),
    uri: storage.uri,
  };
}
