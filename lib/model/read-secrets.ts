import { StackKeys } from "./stack-keys";
import { constructPath, optionalString } from "./json-values";
import { isExpression } from "./references";
import { SynthesizedTerraform, TerraformBlock, resourcesOfType } from "./terraform-json";
import {
  Grant,
  IdentityModel,
  SecretKind,
  SecretModel,
  TransferPipelineModel,
} from "./transfer-model";

/** The content_type the library gives the secrets it writes. */
const LIBRARY_CONTENT_TYPE = "SAS token for ACR Transfer";
/** Data sources that sign a SAS with the storage account key (which then sits in state). */
const SAS_DATA_SOURCES = /^\$\{data\.azurerm_storage_account(_blob_container)?_sas\./;

interface Found {
  readonly secret: Omit<SecretModel, "usedBy">;
  readonly usedBy: string[];
  /** Written by the library (its content_type), so listed even when no pipeline reads it. */
  readonly byLibrary?: boolean;
}

/**
 * The SAS token secrets of a stack: every azurerm_key_vault_secret a pipeline's keyVaultUri
 * names or that the library wrote (its content_type), and, as "existing", every secret a
 * pipeline names that the stack does not declare.
 */
export function readSecrets(
  keys: StackKeys,
  doc: SynthesizedTerraform,
  pipelines: readonly TransferPipelineModel[],
): SecretModel[] {
  const declared: Found[] = resourcesOfType(doc, "azurerm_key_vault_secret").map(
    ({ address, block }) => ({
      secret: {
        address,
        path: constructPath(block),
        name: keys.nameKey(block.name) ?? `ref:${address}`,
        vault: keys.vaultKey(block.key_vault_id),
        kind: secretKind(block),
        writeOnlyVersion:
          block.value_wo_version === undefined ? undefined : String(block.value_wo_version),
        expiry: optionalString(block.expiration_date),
      },
      usedBy: [],
      byLibrary: block.content_type === LIBRARY_CONTENT_TYPE,
    }),
  );
  const existing = new Map<string, Found>();
  const byName = new Map<string, Found[]>();
  for (const found of declared) {
    const named = byName.get(found.secret.name);
    if (named) named.push(found);
    else byName.set(found.secret.name, [found]);
  }
  for (const pipeline of pipelines) {
    for (const need of pipeline.needs) {
      if (need.kind !== "secret") continue;
      const name = need.secret ?? need.uri;
      const match = byName
        .get(name)
        ?.find(({ secret }) => need.vault === undefined || secret.vault === need.vault);
      const key = `${need.vault ?? ""}/${name}`;
      let found = match ?? existing.get(key);
      if (!found) {
        found = { secret: { name, vault: need.vault, kind: "existing" }, usedBy: [] };
        existing.set(key, found);
      }
      found.usedBy.push(pipeline.address);
    }
  }
  return [...declared.filter((f) => f.usedBy.length > 0 || f.byLibrary), ...existing.values()].map(
    ({ secret, usedBy }) => ({ ...secret, usedBy }),
  );
}

function secretKind(block: TerraformBlock): SecretKind {
  if (block.value_wo !== undefined) return "write-only";
  return typeof block.value === "string" && SAS_DATA_SOURCES.test(block.value)
    ? "generated"
    : "value";
}

/** Every identity that acts for a pipeline or holds a grant, in the order first met. */
export function readIdentities(
  keys: StackKeys,
  pipelines: readonly TransferPipelineModel[],
  grants: readonly Grant[],
): IdentityModel[] {
  const actsFor = new Map<string, string[]>();
  const meet = (key: string) => actsFor.get(key) ?? actsFor.set(key, []).get(key)!;
  for (const pipeline of pipelines) {
    if (pipeline.principal !== undefined) meet(pipeline.principal).push(pipeline.address);
  }
  for (const grant of grants) meet(grant.principal);
  const byAddress = new Map(pipelines.map((p) => [p.address, p]));
  return [...actsFor].map(([key, addresses]) => ({
    key,
    kind: key.startsWith("system:") ? "system" : key.startsWith("identity:") ? "user" : "principal",
    name: identityName(keys, key, byAddress),
    actsFor: addresses,
  }));
}

/** A principal key as people name it: the pipeline's name, or the identity's. */
function identityName(
  keys: StackKeys,
  key: string,
  pipelines: ReadonlyMap<string, TransferPipelineModel>,
): string {
  if (key.startsWith("system:")) {
    const address = key.slice("system:".length);
    const pipeline = pipelines.get(address);
    return `system identity of ${pipeline?.name ?? address}`;
  }
  if (key.startsWith("identity:ref:")) {
    const address = key.slice("identity:ref:".length);
    return keys.nameKey(`\${${address}.name}`) ?? address;
  }
  if (key.startsWith("identity:")) {
    const id = key.slice("identity:".length);
    return isExpression(id) ? id : id.slice(id.lastIndexOf("/") + 1);
  }
  return key.slice("principal:".length);
}
