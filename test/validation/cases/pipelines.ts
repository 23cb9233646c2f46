import { ContainerRegistry } from "@cdktf/provider-azurerm/lib/container-registry";
import { TerraformStack } from "cdktf";
import {
  ExportOption,
  IExportPipeline,
  IImportPipeline,
  ImportOption,
  ImportPipeline,
  RegistryRef,
  SasTokenSecret,
  StorageAccess,
  StorageAccessMode,
} from "../../../lib";
import * as ids from "../../support/ids";
import {
  BadInputCase,
  exportPipeline,
  exportRun,
  importPipeline,
  importRun,
  ownedContainer,
  registry,
  sasAccess,
  urlContainer,
  vault,
} from "../../support/pipelines";

/** Options, storage modes, api-versions, locations, clouds and wiring of pipelines and runs. */

const USGOV_CONTAINER_URL = "https://accountname.blob.core.usgovcloudapi.net/containername";
const CHINA_CONTAINER_URL = "https://accountname.blob.core.chinacloudapi.cn/containername";
const USGOV_SECRET_URI = "https://myvault.vault.usgovcloudapi.net/secrets/acrexportsas";

/** A managed-identity export pipeline on a new container. */
function managedIdentityExport(s: TerraformStack, apiVersion?: string) {
  return exportPipeline(s, {
    container: ownedContainer(s),
    storageAccess: StorageAccess.managedIdentity(),
    apiVersion,
  });
}

/**
 * Two export pipelines in one registry, the second named `secondName`; with `sameRegistryAgain`
 * the second imports the registry again by its ID in uppercase.
 */
function twoExportPipelines(s: TerraformStack, secondName: string, sameRegistryAgain: boolean) {
  const container = urlContainer(s);
  const storageAccess = sasAccess(s);
  const first = registry(s);
  exportPipeline(s, { registry: first, container, storageAccess });
  const second = sameRegistryAgain
    ? RegistryRef.fromRegistryId(s, "SameRegistry", ids.REGISTRY_ID.toUpperCase(), {
        location: "eastus",
      })
    : first;
  return exportPipeline(
    s,
    { registry: second, container, storageAccess, pipelineName: secondName },
    "Export2",
  );
}

/** Pipeline options: each belongs to one side, once. */
export const OPTION_CASES: readonly BadInputCase[] = [
  {
    name: "import option on an export pipeline",
    build: (s) =>
      exportPipeline(s, { options: [ImportOption.OVERWRITE_TAGS as string as ExportOption] }),
    path: "test/Export",
    value: "OverwriteTags",
  },
  {
    name: "export option on an import pipeline",
    build: (s) =>
      importPipeline(s, { options: [ExportOption.OVERWRITE_BLOBS as string as ImportOption] }),
    path: "test/Import",
    value: "OverwriteBlobs",
  },
  {
    name: "unknown option",
    build: (s) => exportPipeline(s, { options: ["Overwrite" as ExportOption] }),
    path: "test/Export",
    value: "Overwrite",
  },
  {
    name: "the same option twice",
    build: (s) =>
      importPipeline(s, {
        options: [
          ImportOption.CONTINUE_ON_ERRORS,
          ImportOption.OVERWRITE_TAGS,
          ImportOption.CONTINUE_ON_ERRORS,
        ],
      }),
    path: "test/Import",
    value: "ContinueOnErrors",
  },
];

/** Storage access modes and api-versions. */
export const MODE_CASES: readonly BadInputCase[] = [
  {
    name: "managed-identity mode below 2025-06-01-preview",
    build: (s) => managedIdentityExport(s, "2023-11-01-preview"),
    path: "test/Export",
    value: "2023-11-01-preview",
  },
  {
    name: "SAS token mode without a secret",
    build: (s) =>
      importPipeline(s, { storageAccess: StorageAccess.fromMode(StorageAccessMode.SAS_TOKEN) }),
    path: "test/Import",
    value: '"SasToken"',
  },
  {
    name: "managed-identity mode with a secret",
    build: (s) =>
      exportPipeline(s, {
        container: ownedContainer(s),
        storageAccess: StorageAccess.fromMode(
          StorageAccessMode.MANAGED_IDENTITY,
          SasTokenSecret.fromSecretUri(s, "Secret", ids.EXPORT_SECRET_URI, { keyVault: vault(s) }),
        ),
      }),
    path: "test/Export",
    value: '"ManagedIdentity"',
  },
  {
    name: "storage access mode that does not exist",
    build: (s) =>
      exportPipeline(s, {
        storageAccess: StorageAccess.fromMode("Anonymous" as StorageAccessMode),
      }),
    path: "test/Export",
    value: '"Anonymous"',
  },
  {
    name: "managed-identity mode on a container of unknown account",
    build: (s) => exportPipeline(s, { storageAccess: StorageAccess.managedIdentity() }),
    path: "test/Export",
    value: ids.CONTAINER_URL,
  },
  {
    name: "unknown api-version on an export pipeline",
    build: (s) => exportPipeline(s, { apiVersion: "2024-01-01" }),
    path: "test/Export",
    value: '"2024-01-01"',
  },
  {
    name: "api-version without -preview on an import pipeline",
    build: (s) => importPipeline(s, { apiVersion: "2025-06-01" }),
    path: "test/Import",
    value: '"2025-06-01"',
  },
  {
    name: "unknown api-version on a pipeline imported by ID",
    build: (s) =>
      ImportPipeline.fromPipelineId(
        s,
        "Pipeline",
        `${ids.REGISTRY_ID}/importPipelines/importPipeline`,
        {
          apiVersion: "2019-05-01",
        },
      ),
    path: "test/Pipeline",
    value: '"2019-05-01"',
  },
];

/** Locations, export policy and clouds. */
export const PLACEMENT_CASES: readonly BadInputCase[] = [
  {
    name: "no location and a registry of unknown location",
    build: (s) =>
      exportPipeline(s, { registry: RegistryRef.fromRegistryId(s, "Registry", ids.REGISTRY_ID) }),
    path: "test/Export",
    value: "location is not set",
  },
  {
    name: "export pipeline on an azurerm registry with export disabled",
    build: (s) => {
      const acr = new ContainerRegistry(s, "Acr", {
        name: "sourceacr",
        resourceGroupName: "transfer-rg",
        location: "eastus",
        sku: "Premium",
        exportPolicyEnabled: false,
        publicNetworkAccessEnabled: false,
      });
      return exportPipeline(s, { registry: RegistryRef.fromContainerRegistry(acr) });
    },
    path: "test/Export",
    value: "test/Acr",
  },
  {
    name: "US Government location with a public-cloud container",
    build: (s) => exportPipeline(s, { registry: registry(s, "usgovvirginia") }),
    path: "test/Export",
    value: ids.CONTAINER_URL,
  },
  {
    name: "public location with a US Government container",
    build: (s) => importPipeline(s, { container: urlContainer(s, USGOV_CONTAINER_URL) }),
    path: "test/Import",
    value: USGOV_CONTAINER_URL,
  },
  {
    name: "public location with a secret in the US Government cloud",
    build: (s) =>
      exportPipeline(s, {
        storageAccess: StorageAccess.sasToken(
          SasTokenSecret.fromSecretUri(s, "Secret", USGOV_SECRET_URI),
        ),
      }),
    path: "test/Export",
    value: USGOV_SECRET_URI,
  },
  {
    name: "China location and container with a public-cloud secret",
    build: (s) =>
      exportPipeline(s, {
        registry: registry(s, "chinaeast2"),
        container: urlContainer(s, CHINA_CONTAINER_URL),
      }),
    path: "test/Export",
    value: ids.EXPORT_SECRET_URI,
  },
  {
    name: "pipeline location in another cloud than its registry's container",
    build: (s) => importPipeline(s, { location: "usgovtexas" }),
    path: "test/Import",
    value: ids.CONTAINER_URL,
  },
];

/** Duplicate names and runs wired to the wrong pipeline. */
export const WIRING_CASES: readonly BadInputCase[] = [
  {
    name: "two export pipelines with one name (case aside) in one registry",
    build: (s) => twoExportPipelines(s, "EXPORTPIPELINE", false),
    path: "test/Export2",
    value: "EXPORTPIPELINE",
  },
  {
    name: "two export pipelines with one name in one registry imported twice",
    build: (s) => twoExportPipelines(s, "exportPipeline", true),
    path: "test/Export2",
    value: '"exportPipeline"',
  },
  {
    name: "an export run and an import run with one name in one registry",
    build: (s) => {
      exportRun(s, { runName: "nightly01" });
      const imported = ImportPipeline.fromPipelineId(
        s,
        "Imported",
        `${ids.REGISTRY_ID}/importPipelines/importPipeline`,
      );
      return importRun(s, { pipeline: imported, runName: "Nightly01" }, "Run2");
    },
    path: "test/Run2",
    value: "Nightly01",
  },
  {
    name: "an export run given an import pipeline",
    build: (s) => exportRun(s, { pipeline: importPipeline(s) as unknown as IExportPipeline }),
    path: "test/Run",
    value: '"importPipeline"',
  },
  {
    name: "an import run given an export pipeline",
    build: (s) => importRun(s, { pipeline: exportPipeline(s) as unknown as IImportPipeline }),
    path: "test/Run",
    value: '"exportPipeline"',
  },
  {
    name: "run timeout that is not a Go duration",
    build: (s) => exportRun(s, { timeout: "2 hours" }),
    path: "test/Run",
    value: "2 hours",
  },
  {
    name: "run timeout of zero",
    build: (s) => importRun(s, { timeout: "0m" }),
    path: "test/Run",
    value: '"0m"',
  },
  {
    name: "run timeout as an ISO 8601 duration",
    build: (s) => exportRun(s, { timeout: "PT2H" }),
    path: "test/Run",
    value: "PT2H",
  },
  {
    name: "empty rerun token",
    build: (s) => exportRun(s, { rerunToken: "" }),
    path: "test/Run",
    value: 'rerunToken ""',
  },
  {
    name: "blank rerun token",
    build: (s) => importRun(s, { rerunToken: "   " }),
    path: "test/Run",
    value: 'rerunToken "   "',
  },
];
