import { ContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { KeyVaultSecret } from "@cdktf/provider-azurerm/lib/key-vault-secret";
import { TerraformStack } from "cdktf";
import {
  AzapiEnvironment,
  AzapiProvider,
  ExportOption,
  ExportPipeline,
  ExportPipelineRun,
  ImportOption,
  IUserIdentity,
  KeyVaultAccessModel,
  KeyVaultRef,
  PipelineIdentity,
  RegistryRef,
  SasToken,
  SasTokenSecret,
  StorageAccess,
  StorageAccessMode,
  StorageAccountRef,
  TransferContainer,
  UserIdentity,
} from "../../../lib";
import * as ids from "../../support/ids";
import {
  BadInputCase,
  exportPipeline,
  importPipeline,
  ownedContainer,
  registry,
  sensitiveVariable,
  vault,
} from "../../support/pipelines";

/**
 * Input as JavaScript callers and configs read from JSON or YAML reach the library: props
 * objects missing or empty, booleans and enums spelled as strings, hand-built references, and
 * settings the types accept but Azure or the transfer cannot work with.
 */

/** A value of the wrong type, as an untyped caller passes it. */
function untyped<T>(value: unknown): T {
  return value as T;
}

function premiumRegistry(s: TerraformStack, overrides: Record<string, unknown> = {}) {
  return new ContainerRegistry(s, "Acr", {
    name: "sourceacr",
    resourceGroupName: "transfer-rg",
    location: "eastus",
    sku: "Premium",
    ...overrides,
  });
}

/** Props objects left out, null or empty, and hand-built references without their IDs. */
export const MISSING_INPUT_CASES: readonly BadInputCase[] = [
  {
    name: "new SAS token secret without a token",
    build: (s) =>
      new SasTokenSecret(s, "Secret", untyped({ keyVault: vault(s), secretName: "acrsas" })),
    path: "test/Secret",
    value: "token is missing",
  },
  {
    name: "export pipeline without props",
    build: (s) => new ExportPipeline(s, "Export", untyped(undefined)),
    path: "test/Export",
    value: "props is missing",
  },
  {
    name: "export run with null props",
    build: (s) => new ExportPipelineRun(s, "Run", untyped(null)),
    path: "test/Run",
    value: "props is missing",
  },
  {
    name: "new container with empty props",
    build: (s) => new TransferContainer(s, "Container", untyped({})),
    path: "test/Container",
    value: "storageAccount is missing",
  },
  {
    name: "vault by ID without options",
    build: (s) => KeyVaultRef.fromKeyVaultId(s, "Vault", ids.VAULT_ID, untyped(undefined)),
    path: "test/Vault",
    value: "options is missing",
  },
  {
    name: "registry from an azurerm registry that is not there",
    build: () => RegistryRef.fromContainerRegistry(untyped(undefined)),
    path: "RegistryRef.fromContainerRegistry",
    value: "registry is missing",
  },
  {
    name: "SAS token from a variable's name instead of the variable",
    build: (s) =>
      new SasTokenSecret(s, "Secret", {
        keyVault: vault(s),
        secretName: "acrsas",
        token: SasToken.fromVariable(untyped("export_sas"), 1),
      }),
    path: "test/Secret",
    value: '"export_sas"',
  },
  {
    name: "user-assigned pipeline identity given as an empty object",
    build: (s) =>
      exportPipeline(s, { identity: PipelineIdentity.userAssigned(untyped<IUserIdentity>({})) }),
    path: "test/Export",
    value: "identity.userIdentity.identityId is missing",
  },
  {
    name: "user-assigned pipeline identity left out",
    build: (s) =>
      importPipeline(s, { identity: PipelineIdentity.systemAndUserAssigned(untyped(undefined)) }),
    path: "test/Import",
    value: "identity.userIdentity is missing",
  },
  {
    name: "blob access granted without a role",
    build: (s) => {
      const pipeline = exportPipeline(s);
      const landing = new TransferContainer(s, "Landing", {
        storageAccount: StorageAccountRef.fromStorageAccountId(s, "Account", ids.ACCOUNT_ID),
        containerName: "landing",
      });
      return landing.grantBlobAccess(pipeline.grantPrincipal, untyped({}));
    },
    path: "test/Landing",
    value: "options.roleName is missing",
  },
];

/** Booleans and enums as strings from a config: refused, never read as something else. */
export const CONFIG_VALUE_CASES: readonly BadInputCase[] = [
  {
    name: 'source trigger given as the string "false"',
    build: (s) => importPipeline(s, { sourceTriggerEnabled: untyped<boolean>("false") }),
    path: "test/Import",
    value: 'sourceTriggerEnabled "false"',
  },
  {
    name: 'generated import token with allowDelete "true"',
    build: (s) =>
      new SasTokenSecret(s, "Secret", {
        keyVault: vault(s),
        secretName: "acrsas",
        token: SasToken.generateForImport({
          container: ownedContainer(s),
          start: "2026-01-01T00:00:00Z",
          expiry: "2099-01-01T00:00:00Z",
          allowDelete: untyped<boolean>("true"),
        }),
      }),
    path: "test/Secret",
    value: 'token.allowDelete "true"',
  },
  {
    name: 'identity grants managed elsewhere given as "false"',
    build: (s) =>
      UserIdentity.fromIdentityId(s, "Identity", ids.IDENTITY_ID, {
        grantsManagedElsewhere: untyped<boolean>("false"),
      }),
    path: "test/Identity",
    value: 'grantsManagedElsewhere "false"',
  },
  {
    name: 'azurerm vault with rbac_authorization_enabled "true"',
    build: (s) =>
      KeyVaultRef.fromKeyVault(
        new KeyVault(s, "Kv", {
          name: "transfer-kv",
          resourceGroupName: "transfer-rg",
          location: "eastus",
          skuName: "standard",
          tenantId: ids.SUBSCRIPTION,
          rbacAuthorizationEnabled: untyped<boolean>("true"),
        }),
      ),
    path: "test/Kv",
    value: 'rbac_authorization_enabled "true"',
  },
  {
    name: 'azurerm registry with export_policy_enabled "false"',
    build: (s) =>
      RegistryRef.fromContainerRegistry(
        premiumRegistry(s, { exportPolicyEnabled: untyped<boolean>("false") }),
      ),
    path: "test/Acr",
    value: 'export_policy_enabled "false"',
  },
  {
    name: 'vault access model "rbac" in lower case',
    build: (s) =>
      KeyVaultRef.fromKeyVaultId(s, "Vault", ids.VAULT_ID, {
        accessModel: untyped<KeyVaultAccessModel>("rbac"),
      }),
    path: "test/Vault",
    value: 'accessModel "rbac"',
  },
  {
    name: 'storage account cloud "USGovernment"',
    build: (s) =>
      StorageAccountRef.fromStorageAccountId(s, "Account", ids.ACCOUNT_ID, {
        cloud: untyped("USGovernment"),
      }),
    path: "test/Account",
    value: 'cloud "USGovernment"',
  },
  {
    name: 'storage access mode "sasToken"',
    build: (s) =>
      exportPipeline(s, {
        storageAccess: StorageAccess.fromMode(
          untyped<StorageAccessMode>("sasToken"),
          SasTokenSecret.fromSecretUri(s, "Secret", ids.EXPORT_SECRET_URI),
        ),
      }),
    path: "test/Export",
    value: '"sasToken"',
  },
  {
    name: 'export option "overwriteBlobs"',
    build: (s) => exportPipeline(s, { options: [untyped<ExportOption>("overwriteBlobs")] }),
    path: "test/Export",
    value: '"overwriteBlobs"',
  },
];

/** Settings the types accept that the transfer cannot work with. */
export const WORKABILITY_CASES: readonly BadInputCase[] = [
  {
    name: "read-only storage role for a managed-identity export",
    build: (s) =>
      exportPipeline(s, {
        container: ownedContainer(s),
        storageAccess: StorageAccess.managedIdentity(),
        storageRoleName: "Storage Blob Data Reader",
      }),
    path: "test/Export",
    value: '"Storage Blob Data Reader"',
  },
  {
    name: "read-only storage role for a managed-identity import that deletes source blobs",
    build: (s) =>
      importPipeline(s, {
        container: ownedContainer(s),
        storageAccess: StorageAccess.managedIdentity(),
        options: [ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS],
        storageRoleName: "Storage Blob Data Reader",
      }),
    path: "test/Import",
    value: '"Storage Blob Data Reader"',
  },
  {
    name: "control-plane role for a managed-identity import",
    build: (s) =>
      importPipeline(s, {
        container: ownedContainer(s),
        storageAccess: StorageAccess.managedIdentity(),
        storageRoleName: "Contributor",
      }),
    path: "test/Import",
    value: '"Contributor"',
  },
  {
    name: "azurerm registry of the Standard SKU",
    build: (s) =>
      exportPipeline(s, {
        registry: RegistryRef.fromContainerRegistry(premiumRegistry(s, { sku: "Standard" })),
      }),
    path: "test/Acr",
    value: 'sku "Standard"',
  },
  {
    name: "registry of the Premium SKU spelled in lower case",
    build: (s) => RegistryRef.fromContainerRegistry(premiumRegistry(s, { sku: "premium" })),
    path: "test/Acr",
    value: 'sku "premium"',
  },
];

/** Names that clash across the app: caught when the second is declared. */
export const CLASH_CASES: readonly BadInputCase[] = [
  {
    name: "two new containers of one name in one storage account",
    build: (s) => {
      ownedContainer(s, "transfer");
      const other = new TerraformStack(s.node.root, "other");
      new TransferContainer(other, "Landing", {
        storageAccount: StorageAccountRef.fromStorageAccountId(other, "Account", ids.ACCOUNT_ID),
        containerName: "transfer",
      });
    },
    path: "other/Landing",
    value: "test/Container",
  },
  {
    name: "two new secrets of one name in one vault",
    build: (s) => {
      const token = () =>
        SasToken.fromVariable(sensitiveVariable(s, `sas${s.node.children.length}`), 1);
      new SasTokenSecret(s, "Secret", { keyVault: vault(s), secretName: "acrsas", token: token() });
      const again = KeyVaultRef.fromKeyVaultId(s, "SameVault", ids.VAULT_ID.toUpperCase(), {
        accessModel: KeyVaultAccessModel.ACCESS_POLICY,
      });
      new SasTokenSecret(s, "Again", { keyVault: again, secretName: "ACRSAS", token: token() });
    },
    path: "test/Again",
    value: '"ACRSAS"',
  },
];

/** Secret URIs that pin one version of the secret. */
export const VERSIONED_SECRET_CASES: readonly BadInputCase[] = [
  {
    name: "secret URI with a version",
    build: (s) =>
      SasTokenSecret.fromSecretUri(
        s,
        "Secret",
        `${ids.EXPORT_SECRET_URI}/${"0123456789abcdef".repeat(2)}`,
        {
          keyVault: vault(s),
        },
      ),
    path: "test/Secret",
    value: `${ids.EXPORT_SECRET_URI}/0123456789abcdef0123456789abcdef`,
  },
  {
    name: "azurerm secret's versioned id as the secret URI",
    build: (s) => {
      const secret = new KeyVaultSecret(s, "Mine", {
        keyVaultId: ids.VAULT_ID,
        name: "acrsas",
        valueWo: sensitiveVariable(s, "sas").stringValue,
        valueWoVersion: 1,
      });
      return SasTokenSecret.fromSecretUri(s, "Secret", secret.id, { keyVault: vault(s) });
    },
    path: "test/Secret",
    value: "${azurerm_key_vault_secret.Mine.id}",
  },
];

const USGOV_CONTAINER_URL = "https://accountname.blob.core.usgovcloudapi.net/containername";
const USGOV_SECRET_URI = "https://myvault.vault.usgovcloudapi.net/secrets/acrexportsas";

/** A US Government export pipeline, container and secret, created through `provider`. */
function usGovExport(s: TerraformStack, provider?: AzapiProvider) {
  return exportPipeline(s, {
    registry: registry(s, "usgovvirginia"),
    container: TransferContainer.fromUrl(s, "Container", USGOV_CONTAINER_URL),
    storageAccess: StorageAccess.sasToken(
      SasTokenSecret.fromSecretUri(s, "Secret", USGOV_SECRET_URI),
    ),
    provider,
  });
}

/** Pipelines bound to an azapi provider of another cloud than their location's. */
export const PROVIDER_CLOUD_CASES: readonly BadInputCase[] = [
  {
    name: "US Government pipeline through a public-cloud azapi provider",
    build: (s) =>
      usGovExport(
        s,
        new AzapiProvider(s, "Public", { alias: "public", environment: AzapiEnvironment.PUBLIC }),
      ),
    path: "test/Export",
    value: '"usgovvirginia"',
    atStackValidation: true,
  },
];

/** Sovereign pipelines beside references whose cloud was never set: the fix names `cloud`. */
export const CLOUD_NOT_SET_CASES: readonly BadInputCase[] = [
  {
    name: "new secret in a vault given by ID without cloud, for a US Government pipeline",
    build: (s) =>
      exportPipeline(s, {
        registry: registry(s, "usgovvirginia"),
        container: TransferContainer.fromUrl(s, "Container", USGOV_CONTAINER_URL),
        storageAccess: StorageAccess.sasToken(
          new SasTokenSecret(s, "Secret", {
            keyVault: vault(s),
            secretName: "acrsas",
            token: SasToken.fromVariable(sensitiveVariable(s, "sas"), 1),
          }),
        ),
      }),
    path: "test/Export",
    value: 'storageAccess "test/Secret"',
  },
  {
    name: "new container in a storage account given by ID without cloud, for a US Government pipeline",
    build: (s) =>
      importPipeline(s, {
        registry: registry(s, "usgovvirginia"),
        container: ownedContainer(s),
        storageAccess: StorageAccess.managedIdentity(),
      }),
    path: "test/Import",
    value: 'container "test/Container"',
  },
  {
    name: "secret by resource ID without cloud, for a US Government pipeline",
    build: (s) =>
      exportPipeline(s, {
        registry: registry(s, "usgovvirginia"),
        container: TransferContainer.fromUrl(s, "Container", USGOV_CONTAINER_URL),
        storageAccess: StorageAccess.sasToken(
          SasTokenSecret.fromSecretResourceId(s, "Secret", `${ids.VAULT_ID}/secrets/acrsas`, {
            accessModel: KeyVaultAccessModel.RBAC,
          }),
        ),
      }),
    path: "test/Export",
    value: "its vault's cloud is not set",
  },
];

/** Values only known at apply time are never shown as tokens: the construct is named instead. */
export const TOKEN_VALUE_CASES: readonly BadInputCase[] = [
  {
    name: "managed identity on a container given by a token URL and no storage account",
    build: (s) =>
      exportPipeline(s, {
        container: TransferContainer.fromUrl(
          s,
          "Container",
          sensitiveVariable(s, "url").stringValue,
        ),
        storageAccess: StorageAccess.managedIdentity(),
      }),
    path: "test/Export",
    value: 'container "test/Container"',
  },
];
