import { ContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
import { DataAzurermContainerRegistry } from "@cdktf/provider-azurerm/lib/data-azurerm-container-registry";
import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { KeyVaultSecret } from "@cdktf/provider-azurerm/lib/key-vault-secret";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { Fn, TerraformStack, TerraformVariable, Token } from "cdktf";
import {
  ExportOption,
  ExportPipeline,
  ImportOption,
  ImportPipeline,
  ITransferContainer,
  KeyVaultAccessModel,
  KeyVaultRef,
  PipelineIdentity,
  RegistryRef,
  SasToken,
  SasTokenSecret,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
  UserIdentity,
} from "../../../lib";
import * as ids from "../../support/ids";
import {
  exportPipeline,
  exportRun,
  importPipeline,
  importRun,
  ownedContainer,
  registry,
  sensitiveVariable,
  urlContainer,
  vault,
} from "../../support/pipelines";

/** A value that is only known at apply time, in one place the library accepts it. */
export interface TokenCase {
  /** Where the token goes, as the test title. */
  readonly name: string;
  /** Builds a stack that is valid apart from holding the token. */
  readonly build: (stack: TerraformStack) => unknown;
  /** A Terraform expression the synthesized JSON must contain: the token was used, not dropped. */
  readonly reference: string;
}

const START = "2026-01-01T00:00:00Z";
const EXPIRY = "2099-01-01T00:00:00Z";

/** `${var.<name>}` of a new string variable. */
function stringVar(s: TerraformStack, name: string): string {
  return new TerraformVariable(s, name, { type: "string" }).stringValue;
}

/** A list variable of strings. */
function listVar(s: TerraformStack, name: string): string[] {
  return new TerraformVariable(s, name, { type: "list(string)" }).listValue;
}

/** Managed-identity access to `container` (a new one by default). */
function managedIdentity(s: TerraformStack, container: ITransferContainer = ownedContainer(s)) {
  return { container, storageAccess: StorageAccess.managedIdentity() };
}

/** A SAS secret with an existing URI given as `uri`, in the vault "test/Vault" unless given. */
function secretAt(s: TerraformStack, uri: string, keyVault = vault(s)) {
  return StorageAccess.sasToken(SasTokenSecret.fromSecretUri(s, "Secret", uri, { keyVault }));
}

/** A generated export SAS for a new container, with the given dates. */
function generatedExport(s: TerraformStack, start: string, expiry: string) {
  const container = ownedContainer(s);
  const token = SasToken.generateForExport({ container, start, expiry, allowLongLifetime: true });
  const secret = new SasTokenSecret(s, "Secret", {
    keyVault: vault(s),
    secretName: "acrexportsas",
    token,
  });
  return exportPipeline(s, { container, storageAccess: StorageAccess.sasToken(secret) });
}

/** Names, locations, IDs and registries. */
export const IDENTITY_TOKEN_CASES: readonly TokenCase[] = [
  {
    name: "export pipeline name from a variable",
    build: (s) => exportPipeline(s, { pipelineName: stringVar(s, "name") }),
    reference: "${var.name}",
  },
  {
    name: "import pipeline name from a function",
    build: (s) => importPipeline(s, { pipelineName: Fn.lower(stringVar(s, "name")) }),
    reference: "${lower(var.name)}",
  },
  {
    name: "two pipelines with names from variables in one registry",
    build: (s) => {
      const reg = registry(s);
      const container = urlContainer(s);
      exportPipeline(s, { registry: reg, container, pipelineName: stringVar(s, "first") });
      const storageAccess = StorageAccess.sasToken(
        SasTokenSecret.fromSecretUri(s, "Secret2", ids.EXPORT_SECRET_URI),
      );
      const name = stringVar(s, "second");
      exportPipeline(s, { registry: reg, container, storageAccess, pipelineName: name }, "Two");
    },
    reference: "${var.second}",
  },
  {
    name: "export run name from a variable",
    build: (s) => exportRun(s, { runName: stringVar(s, "run_name") }),
    reference: "${var.run_name}",
  },
  {
    name: "import run name from a function, twice in one registry",
    build: (s) => {
      const pipeline = importPipeline(s);
      const build = stringVar(s, "build");
      importRun(s, { pipeline, runName: Fn.format("nightly%s", [build]) });
      importRun(s, { pipeline, runName: Fn.format("weekly%s", [build]) }, "Run2");
    },
    reference: '${format(\\"weekly%s\\", var.build)}',
  },
  {
    name: "registry ID from a variable",
    build: (s) => {
      const reg = RegistryRef.fromRegistryId(s, "Registry", stringVar(s, "registry_id"), {
        location: "eastus",
      });
      exportRun(s, { pipeline: exportPipeline(s, { registry: reg }) });
    },
    reference: "${var.registry_id}",
  },
  {
    name: "registry location from a variable",
    build: (s) =>
      exportPipeline(s, {
        registry: RegistryRef.fromRegistryId(s, "Registry", ids.REGISTRY_ID, {
          location: stringVar(s, "location"),
        }),
      }),
    reference: "${var.location}",
  },
  {
    name: "pipeline location from a function, with a US Government container",
    build: (s) =>
      importPipeline(s, {
        location: Fn.lower(stringVar(s, "location")),
        container: urlContainer(s, "https://accountname.blob.core.usgovcloudapi.net/transfer"),
      }),
    reference: "${lower(var.location)}",
  },
  {
    name: "registry from an azurerm data source",
    build: (s) => {
      const acr = new DataAzurermContainerRegistry(s, "Acr", {
        name: stringVar(s, "acr_name"),
        resourceGroupName: "transfer-rg",
      });
      exportPipeline(s, { registry: RegistryRef.fromDataContainerRegistry(acr) });
    },
    reference: "${data.azurerm_container_registry.Acr.location}",
  },
  {
    name: "registry whose export policy comes from a variable",
    build: (s) => {
      const enabled = new TerraformVariable(s, "export_enabled", { type: "bool" });
      const acr = new ContainerRegistry(s, "Acr", {
        name: "sourceacr",
        resourceGroupName: "transfer-rg",
        location: "eastus",
        sku: "Premium",
        exportPolicyEnabled: enabled.booleanValue,
      });
      exportPipeline(s, { registry: RegistryRef.fromContainerRegistry(acr) });
    },
    reference: "${var.export_enabled}",
  },
  {
    name: "user-assigned identity ID from a variable",
    build: (s) => {
      const identity = UserIdentity.fromIdentityId(s, "Identity", stringVar(s, "identity_id"));
      exportPipeline(s, { identity: PipelineIdentity.userAssigned(identity) });
    },
    reference: "${var.identity_id}",
  },
  {
    name: "user-assigned identity from an azurerm resource",
    build: (s) => {
      const identity = new UserAssignedIdentity(s, "Uami", {
        name: stringVar(s, "identity_name"),
        resourceGroupName: "transfer-rg",
        location: "eastus",
      });
      const user = UserIdentity.fromUserAssignedIdentity(identity);
      importPipeline(s, { identity: PipelineIdentity.systemAndUserAssigned(user) });
    },
    reference: "${azurerm_user_assigned_identity.Uami.principal_id}",
  },
  {
    name: "export pipeline ID from a variable",
    build: (s) =>
      exportRun(s, {
        pipeline: ExportPipeline.fromPipelineId(s, "Pipeline", stringVar(s, "pipeline_id")),
      }),
    reference: "${var.pipeline_id}",
  },
  {
    name: "import pipeline ID from a function",
    build: (s) =>
      importRun(s, {
        pipeline: ImportPipeline.fromPipelineId(
          s,
          "Pipeline",
          Fn.format("%s/importPipelines/importPipeline", [stringVar(s, "registry_id")]),
        ),
      }),
    reference: "var.registry_id",
  },
];

/** Containers, vaults and secrets. */
export const STORAGE_TOKEN_CASES: readonly TokenCase[] = [
  {
    name: "storage account ID from a variable",
    build: (s) => {
      const storageAccount = StorageAccountRef.fromStorageAccountId(
        s,
        "Account",
        stringVar(s, "account_id"),
      );
      const container = new TransferContainer(s, "Container", {
        storageAccount,
        containerName: "transfer",
      });
      exportPipeline(s, managedIdentity(s, container));
    },
    reference: "${var.account_id}",
  },
  {
    name: "container name from a variable",
    build: (s) => importPipeline(s, managedIdentity(s, ownedContainer(s, stringVar(s, "name")))),
    reference: "${var.name}",
  },
  {
    name: "container URL from a variable",
    build: (s) => exportPipeline(s, { container: urlContainer(s, stringVar(s, "url")) }),
    reference: "${var.url}",
  },
  {
    name: "container URL built from a storage account's blob endpoint",
    build: (s) => {
      const account = new StorageAccount(s, "Sa", {
        name: "accountname",
        resourceGroupName: "transfer-rg",
        location: "eastus",
        accountTier: "Standard",
        accountReplicationType: "LRS",
      });
      importPipeline(s, { container: urlContainer(s, `${account.primaryBlobEndpoint}transfer`) });
    },
    reference: "${azurerm_storage_account.Sa.primary_blob_endpoint}transfer",
  },
  {
    name: "container URL from a variable, with its storage account, in managed-identity mode",
    build: (s) => {
      const storageAccount = StorageAccountRef.fromStorageAccountId(s, "Account", ids.ACCOUNT_ID);
      const container = TransferContainer.fromUrl(s, "Container", stringVar(s, "url"), {
        storageAccount,
      });
      exportPipeline(s, managedIdentity(s, container));
    },
    reference: "${var.url}",
  },
  {
    name: "container resource ID from a variable, in managed-identity mode",
    build: (s) => {
      const id = stringVar(s, "container_id");
      const container = TransferContainer.fromContainerResourceId(s, "Container", id);
      importPipeline(s, managedIdentity(s, container));
    },
    reference: "var.container_id",
  },
  {
    name: "key vault ID from a variable",
    build: (s) => {
      const keyVault = KeyVaultRef.fromKeyVaultId(s, "Vault", stringVar(s, "vault_id"), {
        accessModel: KeyVaultAccessModel.RBAC,
      });
      exportPipeline(s, { storageAccess: secretAt(s, ids.EXPORT_SECRET_URI, keyVault) });
    },
    reference: "${var.vault_id}",
  },
  {
    name: "key vault resource whose name comes from a variable",
    build: (s) => {
      const kv = new KeyVault(s, "Kv", {
        name: stringVar(s, "vault_name"),
        resourceGroupName: "transfer-rg",
        location: "eastus",
        skuName: "standard",
        tenantId: "22222222-2222-2222-2222-222222222222",
      });
      const keyVault = KeyVaultRef.fromKeyVault(kv);
      importPipeline(s, { storageAccess: secretAt(s, ids.IMPORT_SECRET_URI, keyVault) });
    },
    reference: "${azurerm_key_vault.Kv.id}",
  },
  {
    name: "secret URI from a variable",
    build: (s) => exportPipeline(s, { storageAccess: secretAt(s, stringVar(s, "secret_uri")) }),
    reference: "${var.secret_uri}",
  },
  {
    name: "secret URI from an azurerm secret's versionless ID",
    build: (s) => {
      const secret = new KeyVaultSecret(s, "Kvs", {
        keyVaultId: ids.VAULT_ID,
        name: "acrimportsas",
        valueWo: sensitiveVariable(s, "sas").stringValue,
        valueWoVersion: 1,
      });
      importPipeline(s, { storageAccess: secretAt(s, secret.versionlessId) });
    },
    reference: "${azurerm_key_vault_secret.Kvs.versionless_id}",
  },
  {
    name: "secret URI from a function",
    build: (s) => {
      const uri = Fn.format("https://%s.vault.azure.net/secrets/acrexportsas", [
        stringVar(s, "vault_name"),
      ]);
      exportPipeline(s, { storageAccess: secretAt(s, uri) });
    },
    reference: "var.vault_name",
  },
  {
    name: "write-only SAS token from a function of a sensitive variable",
    build: (s) => {
      const value = Fn.trimspace(sensitiveVariable(s, "sas").stringValue);
      const secret = new SasTokenSecret(s, "Secret", {
        keyVault: vault(s),
        secretName: "acrexportsas",
        token: SasToken.fromValue(value, 1),
      });
      exportPipeline(s, { storageAccess: StorageAccess.sasToken(secret) });
    },
    reference: "${trimspace(var.sas)}",
  },
  {
    name: "write-only version from a variable",
    build: (s) => {
      const version = new TerraformVariable(s, "version", { type: "number" }).numberValue;
      const secret = new SasTokenSecret(s, "Secret", {
        keyVault: vault(s),
        secretName: "acrexportsas",
        token: SasToken.fromVariable(sensitiveVariable(s, "sas"), version),
      });
      exportPipeline(s, { storageAccess: StorageAccess.sasToken(secret) });
    },
    reference: "${var.version}",
  },
  {
    name: "SAS start and expiry from variables",
    build: (s) => generatedExport(s, stringVar(s, "start"), stringVar(s, "expiry")),
    reference: "${var.expiry}",
  },
  {
    name: "SAS expiry from a function, start literal",
    build: (s) => generatedExport(s, START, Fn.timeadd(stringVar(s, "from"), "8760h")),
    reference: '${timeadd(var.from, \\"8760h\\")}',
  },
  {
    name: "SAS start from a variable, expiry literal",
    build: (s) => generatedExport(s, stringVar(s, "start"), EXPIRY),
    reference: "${var.start}",
  },
];

/** Artifacts, options and run inputs. */
export const RUN_TOKEN_CASES: readonly TokenCase[] = [
  {
    name: "artifacts as a list variable",
    build: (s) => exportRun(s, { artifacts: listVar(s, "artifacts") }),
    reference: "${var.artifacts}",
  },
  {
    name: "artifacts from a function returning a list",
    build: (s) => exportRun(s, { artifacts: Fn.split(",", stringVar(s, "csv")) }),
    reference: '${split(\\",\\", var.csv)}',
  },
  {
    name: "artifacts mixing literals and token elements",
    build: (s) =>
      exportRun(s, {
        artifacts: ["samples/hello-world:v1", `samples/app:${stringVar(s, "tag")}`],
      }),
    reference: "samples/app:${var.tag}",
  },
  {
    name: "artifacts whose every element is a token",
    build: (s) => exportRun(s, { artifacts: [stringVar(s, "first"), stringVar(s, "second")] }),
    reference: "${var.second}",
  },
  {
    name: "export options as a list variable",
    build: (s) =>
      exportPipeline(s, { options: Token.asList(listVar(s, "options")) as ExportOption[] }),
    reference: "${var.options}",
  },
  {
    name: "import options as a list variable",
    build: (s) =>
      importPipeline(s, { options: Token.asList(listVar(s, "options")) as ImportOption[] }),
    reference: "${var.options}",
  },
  {
    name: "rerun token from a variable",
    build: (s) => exportRun(s, { rerunToken: stringVar(s, "build_number") }),
    reference: "${var.build_number}",
  },
  {
    name: "export blob name from a variable",
    build: (s) => exportRun(s, { blobName: stringVar(s, "blob") }),
    reference: "${var.blob}",
  },
  {
    name: "import blob name and rerun token from a function",
    build: (s) => {
      const blob = Fn.format("images-%s", [stringVar(s, "month")]);
      importRun(s, { blobName: blob, rerunToken: blob });
    },
    reference: '${format(\\"images-%s\\", var.month)}',
  },
  {
    name: "catalog digest from an export run's output",
    build: (s) => {
      const exported = exportRun(s, {}, "ExportRun");
      const pipelineId = `${ids.REGISTRY_ID}/importPipelines/importPipeline`;
      const pipeline = ImportPipeline.fromPipelineId(s, "Imported", pipelineId);
      importRun(s, { pipeline, catalogDigest: exported.catalogDigest });
    },
    reference: "${azapi_resource.ExportRun_",
  },
];
