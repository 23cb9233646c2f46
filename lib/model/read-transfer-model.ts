import { StorageAccessMode } from "../arm/storage-access-mode";
import { ImportOption, TransferSide } from "../arm/options";
import {
  EXPORT_PIPELINE_TYPE,
  IMPORT_PIPELINE_TYPE,
  PIPELINE_RUN_TYPE,
} from "../arm/resource-types";
import { STORAGE_BLOB_DATA_CONTRIBUTOR, STORAGE_BLOB_DATA_READER } from "../arm/roles";
import { StackKeys, roleName } from "./stack-keys";
import { SynthesizedTerraform, TerraformBlock, resourcesOfType } from "./terraform-json";
import {
  Grant,
  Need,
  PipelineRunModel,
  TransferModel,
  TransferPipelineModel,
  baseType,
} from "./transfer-model";

/**
 * Reads pipelines, grants and runs out of synthesized JSON.
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
  principalIds: Readonly<Record<string, string>>,
): TransferModel {
  const keys = new StackKeys(doc, principalIds);
  const azapi = resourcesOfType(doc, "azapi_resource");
  return {
    pipelines: azapi.flatMap(({ address, block }) => {
      const side = sideOf(block.type);
      return side ? [readPipeline(keys, address, block, side)] : [];
    }),
    runs: azapi
      .filter(({ block }) => baseType(block.type) === PIPELINE_RUN_TYPE.toLowerCase())
      .map(({ address, block }) => readRun(keys, address, block)),
    grants: [
      ...resourcesOfType(doc, "azurerm_key_vault_access_policy").map(({ address, block }) =>
        readAccessPolicy(keys, address, block),
      ),
      ...resourcesOfType(doc, "azurerm_role_assignment").map(({ address, block }) =>
        readRoleAssignment(keys, address, block),
      ),
    ],
  };
}

function readPipeline(
  keys: StackKeys,
  address: string,
  block: TerraformBlock,
  side: TransferSide,
): TransferPipelineModel {
  const label = `${address} (${side} pipeline ${JSON.stringify(block.name)})`;
  const systemPrincipal = `system:${address}`;
  const identity = asRecord(Array.isArray(block.identity) ? block.identity[0] : block.identity);
  const identityType = String(identity.type ?? "None").toLowerCase();
  const identityIds = Array.isArray(identity.identity_ids) ? identity.identity_ids : [];
  const principal =
    identityType === "systemassigned"
      ? systemPrincipal
      : identityType.includes("userassigned") && identityIds.length > 0
        ? keys.identityKey(identityIds[0])
        : undefined;
  const problems =
    principal === undefined
      ? [
          `${label} has no managed identity that could act for it (identity type ${identity.type ?? "None"})`,
        ]
      : [];
  const need = readNeed(keys, block, side);
  if (!need) {
    problems.push(
      `${label} names no storage access it can use ` +
        "(SasToken mode needs keyVaultUri, ManagedIdentity mode needs uri)",
    );
  }
  return { address, label, principal, systemPrincipal, needs: need ? [need] : [], problems };
}

/** What the pipeline's storage access mode needs its principal to be granted. */
function readNeed(keys: StackKeys, block: TerraformBlock, side: TransferSide): Need | undefined {
  const properties = asRecord(asRecord(parseBody(block.body)).properties);
  const storage = asRecord(side === TransferSide.EXPORT ? properties.target : properties.source);
  const mode =
    storage.storageAccessMode ??
    (storage.keyVaultUri !== undefined ? StorageAccessMode.SAS_TOKEN : undefined);
  if (mode === StorageAccessMode.SAS_TOKEN && typeof storage.keyVaultUri === "string") {
    return keys.secretNeed(storage.keyVaultUri);
  }
  if (mode !== StorageAccessMode.MANAGED_IDENTITY || typeof storage.uri !== "string") {
    return undefined;
  }
  const options = Array.isArray(properties.options) ? properties.options : [];
  const deletes =
    side === TransferSide.IMPORT && options.includes(ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS);
  return {
    kind: "container",
    container: keys.containerOfUri(storage.uri),
    role:
      side === TransferSide.EXPORT || deletes
        ? STORAGE_BLOB_DATA_CONTRIBUTOR
        : STORAGE_BLOB_DATA_READER,
    uri: storage.uri,
  };
}

function readRun(keys: StackKeys, address: string, block: TerraformBlock): PipelineRunModel {
  const request = asRecord(asRecord(asRecord(parseBody(block.body)).properties).request);
  const ref = keys.parse(request.pipelineResourceId);
  const dependsOn = Array.isArray(block.depends_on) ? block.depends_on : [];
  return {
    address,
    label: `${address} (pipeline run ${JSON.stringify(block.name)})`,
    pipeline: ref?.attribute === "id" ? ref.address : undefined,
    dependsOn: dependsOn.map((d) => String(d).replace(/^\$\{(.*)\}$/, "$1")),
  };
}

function readAccessPolicy(keys: StackKeys, address: string, block: TerraformBlock): Grant {
  const secretPermissions = permissions(block.secret_permissions);
  const others = ["key_permissions", "certificate_permissions", "storage_permissions"].filter(
    (key) => permissions(block[key]).length > 0,
  );
  const readOnly =
    others.length === 0 && secretPermissions.map((p) => p.toLowerCase()).join() === "get";
  const vault = keys.vaultKey(block.key_vault_id);
  return {
    address,
    principal: keys.principalKey(block.object_id),
    target: { kind: "access-policy", vault, readOnly },
    description:
      `an access policy on vault ${vault} with secret_permissions ${JSON.stringify(secretPermissions)}` +
      (others.length > 0 ? ` and ${others.join(", ")}` : ""),
  };
}

function readRoleAssignment(keys: StackKeys, address: string, block: TerraformBlock): Grant {
  const role = roleName(block);
  return {
    address,
    principal: keys.principalKey(block.principal_id),
    target: { kind: "role", role, scope: keys.roleScope(block.scope) },
    description: `role "${role}" on ${String(block.scope)}`,
  };
}

function sideOf(type: unknown): TransferSide | undefined {
  const base = baseType(type);
  if (base === EXPORT_PIPELINE_TYPE.toLowerCase()) return TransferSide.EXPORT;
  if (base === IMPORT_PIPELINE_TYPE.toLowerCase()) return TransferSide.IMPORT;
  return undefined;
}

function permissions(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** azapi bodies are objects; a JSON string (azapi 1.x `jsonencode`) is read too. */
function parseBody(body: unknown): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
