import { KeyVaultAccessPolicyA as KeyVaultAccessPolicy } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
import { TerraformStack, TerraformVariable } from "cdktf";
import {
  AzureCloud,
  ImportOption,
  KeyVaultAccessModel,
  KeyVaultRef,
  PipelineIdentity,
  SasToken,
  SasTokenSecret,
  StorageAccess,
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
  sensitiveVariable,
  urlContainer,
  vault,
} from "../../support/pipelines";

/** Key Vault secret URIs and IDs, SAS token values, generated tokens and secret grants. */

const FUTURE_START = "2026-01-01T00:00:00Z";
const FUTURE_EXPIRY = "2099-01-01T00:00:00Z";
export const SAS_SIGNATURE = "sig=bGVha2VkLXNpZ25hdHVyZQ";

function badSecretUri(name: string, uri: string): BadInputCase {
  return {
    name,
    build: (s) => SasTokenSecret.fromSecretUri(s, "Secret", uri, { keyVault: vault(s) }),
    path: "test/Secret",
    value: uri,
  };
}

/** A new secret "test/Secret" in the vault "test/Vault" holding `token`. */
export function secretWith(s: TerraformStack, token: SasToken, secretName = "acrtransfersas") {
  return new SasTokenSecret(s, "Secret", { keyVault: vault(s), secretName, token });
}

function badDates(name: string, start: string, expiry: string, value: string): BadInputCase {
  return {
    name,
    build: (s) =>
      secretWith(
        s,
        SasToken.generateForExport({
          container: ownedContainer(s),
          start,
          expiry,
          allowLongLifetime: !name.includes("more than a year"),
        }),
      ),
    path: "test/Secret",
    value,
  };
}

/** A generated-token secret used by an import pipeline; the token and options vary. */
function importWithGenerated(
  s: TerraformStack,
  token: (container: TransferContainer) => SasToken,
  options: ImportOption[] = [],
) {
  const container = ownedContainer(s);
  const secret = secretWith(s, token(container));
  return importPipeline(s, { container, storageAccess: StorageAccess.sasToken(secret), options });
}

/** Secret URIs and IDs that do not parse or do not match their vault. */
export const SECRET_REFERENCE_CASES: readonly BadInputCase[] = [
  badSecretUri("secret URI over http", "http://myvault.vault.azure.net/secrets/acrexportsas"),
  badSecretUri(
    "key URI instead of a secret URI",
    "https://myvault.vault.azure.net/keys/acrexportsas",
  ),
  badSecretUri(
    "secret URI with an unknown vault suffix",
    "https://myvault.vault.azure.com/secrets/acrexportsas",
  ),
  badSecretUri("secret URI whose version is not 32 hex digits", `${ids.EXPORT_SECRET_URI}/latest`),
  badSecretUri(
    "secret URI with an underscore in the name",
    "https://myvault.vault.azure.net/secrets/acr_sas",
  ),
  badSecretUri("vault URI without a secret", "https://myvault.vault.azure.net/"),
  badSecretUri(
    "secret URI in the US Government cloud for a public vault",
    "https://myvault.vault.usgovcloudapi.net/secrets/acrexportsas",
  ),
  {
    name: "public secret URI for a vault in China",
    build: (s) =>
      SasTokenSecret.fromSecretUri(s, "Secret", ids.EXPORT_SECRET_URI, {
        keyVault: KeyVaultRef.fromKeyVaultId(s, "Vault", ids.VAULT_ID, {
          accessModel: KeyVaultAccessModel.RBAC,
          cloud: AzureCloud.CHINA,
        }),
      }),
    path: "test/Secret",
    value: ids.EXPORT_SECRET_URI,
  },
  badSecretUri(
    "secret URI naming another vault",
    "https://othervault.vault.azure.net/secrets/acrexportsas",
  ),
  {
    name: "secret resource ID of a key",
    build: (s) =>
      SasTokenSecret.fromSecretResourceId(s, "Secret", `${ids.VAULT_ID}/keys/acrexportsas`, {
        accessModel: KeyVaultAccessModel.ACCESS_POLICY,
      }),
    path: "test/Secret",
    value: `${ids.VAULT_ID}/keys/acrexportsas`,
  },
  {
    name: "secret resource ID with an invalid secret name",
    build: (s) =>
      SasTokenSecret.fromSecretResourceId(s, "Secret", `${ids.VAULT_ID}/secrets/acr.sas`, {
        accessModel: KeyVaultAccessModel.RBAC,
      }),
    path: "test/Secret",
    value: "secrets/acr.sas",
  },
];

/** Values written to new secrets. */
export const SECRET_VALUE_CASES: readonly BadInputCase[] = [
  {
    name: "new secret name with an underscore",
    build: (s) => secretWith(s, SasToken.fromVariable(sensitiveVariable(s, "sas"), 1), "acr_sas"),
    path: "test/Secret",
    value: '"acr_sas"',
  },
  {
    name: "literal SAS token string",
    build: (s) => secretWith(s, SasToken.fromValue(`sv=2022-11-02&sp=rl&${SAS_SIGNATURE}`, 1)),
    path: "test/Secret",
    value: "literal string",
    hidden: SAS_SIGNATURE,
  },
  {
    name: "SAS token variable with a default",
    build: (s) => {
      const variable = new TerraformVariable(s, "sas", {
        type: "string",
        sensitive: true,
        default: `sv=2022-11-02&${SAS_SIGNATURE}`,
      });
      return secretWith(s, SasToken.fromVariable(variable, 1));
    },
    path: "test/Secret",
    value: '"test/sas"',
    hidden: SAS_SIGNATURE,
  },
  {
    name: "SAS token variable that is not sensitive",
    build: (s) =>
      secretWith(s, SasToken.fromVariable(new TerraformVariable(s, "sas", { type: "string" }), 1)),
    path: "test/Secret",
    value: '"test/sas"',
  },
  {
    name: "write-only version 0",
    build: (s) => secretWith(s, SasToken.fromVariable(sensitiveVariable(s, "sas"), 0)),
    path: "test/Secret",
    value: "version 0",
  },
  {
    name: "write-only version that is not whole",
    build: (s) => secretWith(s, SasToken.fromVariable(sensitiveVariable(s, "sas"), 1.5)),
    path: "test/Secret",
    value: "version 1.5",
  },
];

/** Generated tokens: dates, containers and permissions. */
export const GENERATED_TOKEN_CASES: readonly BadInputCase[] = [
  badDates(
    "SAS valid for more than a year",
    FUTURE_START,
    "2027-06-01T00:00:00Z",
    "valid for 516 days",
  ),
  badDates("SAS expiry that is not a date", FUTURE_START, "next year", "next year"),
  badDates("SAS expiry without a time", FUTURE_START, "2099-01-01", '"2099-01-01"'),
  badDates("SAS expiry in month 13", FUTURE_START, "2099-13-01T00:00:00Z", "2099-13-01T00:00:00Z"),
  badDates("SAS start after the expiry", "2099-06-01T00:00:00Z", FUTURE_EXPIRY, FUTURE_EXPIRY),
  badDates("SAS start that is not a date", "now", FUTURE_EXPIRY, '"now"'),
  {
    name: "generated token for a container of unknown account",
    build: (s) =>
      secretWith(
        s,
        SasToken.generateForExport({
          container: urlContainer(s),
          start: FUTURE_START,
          expiry: FUTURE_EXPIRY,
          allowLongLifetime: true,
        }),
      ),
    path: "test/Secret",
    value: ids.CONTAINER_URL,
  },
  {
    name: "DeleteSourceBlobOnSuccess with a generated token without delete",
    build: (s) =>
      importWithGenerated(
        s,
        (container) =>
          SasToken.generateForImport({
            container,
            start: FUTURE_START,
            expiry: FUTURE_EXPIRY,
            allowLongLifetime: true,
          }),
        [ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS],
      ),
    path: "test/Import",
    value: "test/Secret",
  },
  {
    name: "generated export token on an import pipeline",
    build: (s) =>
      importWithGenerated(s, (container) =>
        SasToken.generateForExport({
          container,
          start: FUTURE_START,
          expiry: FUTURE_EXPIRY,
          allowLongLifetime: true,
        }),
      ),
    path: "test/Import",
    value: "test/Secret",
  },
  {
    name: "generated import token on an export pipeline",
    build: (s) => {
      const container = ownedContainer(s);
      const token = SasToken.generateForImport({
        container,
        start: FUTURE_START,
        expiry: FUTURE_EXPIRY,
        allowLongLifetime: true,
      });
      return exportPipeline(s, {
        container,
        storageAccess: StorageAccess.sasToken(secretWith(s, token)),
      });
    },
    path: "test/Export",
    value: "test/Secret",
  },
  {
    name: "generated token for another container than the pipeline's",
    build: (s) => {
      const storageAccount = StorageAccountRef.fromStorageAccountId(s, "Account", ids.ACCOUNT_ID);
      const tokenContainer = new TransferContainer(s, "Other", {
        storageAccount,
        containerName: "other",
      });
      const container = new TransferContainer(s, "Container", {
        storageAccount,
        containerName: "transfer",
      });
      const token = SasToken.generateForExport({
        container: tokenContainer,
        start: FUTURE_START,
        expiry: FUTURE_EXPIRY,
        allowLongLifetime: true,
      });
      return exportPipeline(s, {
        container,
        storageAccess: StorageAccess.sasToken(secretWith(s, token)),
      });
    },
    path: "test/Export",
    value: "test/Secret",
  },
];

/** Access policies azurerm would fight over, caught by the stack validation at synth. */
export const GRANT_CASES: readonly BadInputCase[] = [
  {
    name: "hand-written access policy beside the library's for a system-assigned identity",
    build: (s) => {
      const pipeline = exportPipeline(s);
      return new KeyVaultAccessPolicy(s, "Mine", {
        keyVaultId: ids.VAULT_ID,
        tenantId: pipeline.principalTenantId,
        objectId: pipeline.principalId,
        secretPermissions: ["Get", "List"],
      });
    },
    path: "test/Mine",
    value: "identity[0].principal_id",
    atStackValidation: true,
  },
  {
    name: "two hand-written access policies beside the library's for a user-assigned identity",
    build: (s) => {
      const identity = UserIdentity.fromIdentityId(s, "Identity", ids.IDENTITY_ID, {
        principalId: "33333333-3333-3333-3333-333333333333",
        tenantId: "22222222-2222-2222-2222-222222222222",
      });
      exportPipeline(s, { identity: PipelineIdentity.userAssigned(identity) });
      for (const id of ["Mine", "AlsoMine"]) {
        new KeyVaultAccessPolicy(s, id, {
          keyVaultId: ids.VAULT_ID,
          tenantId: identity.tenantId,
          objectId: identity.principalId,
          keyPermissions: ["Get"],
        });
      }
    },
    path: "test/Mine",
    value: "33333333-3333-3333-3333-333333333333",
    atStackValidation: true,
  },
];
