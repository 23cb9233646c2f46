import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  ExportPipeline,
  ExportPipelineRun,
  ImportPipeline,
  ImportPipelineRun,
  KeyVaultAccessModel,
  KeyVaultRef,
  PipelineIdentity,
  RegistryRef,
  SasTokenSecret,
  StorageAccess,
  StorageAccessMode,
  StorageAccountRef,
  TransferContainer,
  TransferValidationError,
  UserIdentity,
} from "../../lib";
import { transferResources } from "../support/arm-resources";
import { evaluate, templateParameters } from "../support/arm-template";
import { IDENTITY_ID, SUBSCRIPTION } from "../support/ids";
import { HAS_REFERENCE, SKIP_REASON, readReferenceJson } from "../support/reference";

const LOCATION = "eastus";
const RG = `/subscriptions/${SUBSCRIPTION}/resourceGroups/transfer-rg/providers`;

interface ParityCase {
  readonly title: string;
  readonly folder: string;
  readonly template: string;
  readonly overrides?: Record<string, unknown>;
  readonly build: (stack: TerraformStack, p: Record<string, any>) => void;
}

function pipelineProps(stack: TerraformStack, p: Record<string, any>, uri: string) {
  const registry = RegistryRef.fromRegistryId(
    stack,
    "Registry",
    `${RG}/Microsoft.ContainerRegistry/registries/${p.registryName}`,
    { location: LOCATION },
  );
  const account = StorageAccountRef.fromStorageAccountId(
    stack,
    "Account",
    `${RG}/Microsoft.Storage/storageAccounts/${new URL(uri).hostname.split(".")[0]}`,
  );
  const container = TransferContainer.fromUrl(stack, "Container", uri, { storageAccount: account });
  const vault = KeyVaultRef.fromKeyVaultId(
    stack,
    "Vault",
    `${RG}/Microsoft.KeyVault/vaults/${p.keyVaultName}`,
    {
      accessModel: KeyVaultAccessModel.ACCESS_POLICY,
    },
  );
  const mode = (p.storageAccessMode ?? StorageAccessMode.SAS_TOKEN) as StorageAccessMode;
  const secret =
    mode === StorageAccessMode.SAS_TOKEN
      ? SasTokenSecret.fromSecretUri(
          stack,
          "Secret",
          `https://${p.keyVaultName}.vault.azure.net/secrets/${p.sasTokenSecretName}`,
          { keyVault: vault },
        )
      : undefined;
  return {
    registry,
    container,
    storageAccess: StorageAccess.fromMode(mode, secret),
    identity: p.userAssignedIdentity
      ? PipelineIdentity.userAssigned(
          UserIdentity.fromIdentityId(stack, "Identity", p.userAssignedIdentity),
        )
      : PipelineIdentity.systemAssigned(),
  };
}

function exportPipeline(apiVersion: string) {
  return (stack: TerraformStack, p: Record<string, any>) =>
    new ExportPipeline(stack, "Pipeline", {
      ...pipelineProps(stack, p, p.targetUri),
      pipelineName: p.exportPipelineName,
      options: p.options,
      apiVersion,
    });
}

function importPipeline(apiVersion: string) {
  return (stack: TerraformStack, p: Record<string, any>) =>
    new ImportPipeline(stack, "Pipeline", {
      ...pipelineProps(stack, p, p.sourceUri),
      pipelineName: p.importPipelineName,
      options: p.options,
      sourceTriggerEnabled: p.sourceTriggerStatus === "Enabled",
      apiVersion,
    });
}

function exportRun(apiVersion: string) {
  return (stack: TerraformStack, p: Record<string, any>) =>
    new ExportPipelineRun(stack, "Run", {
      pipeline: ExportPipeline.fromPipelineId(stack, "Pipeline", p.pipelineResourceId, {
        apiVersion,
      }),
      runName: p.pipelineRunName,
      blobName: p.targetName,
      artifacts: p.artifacts,
      rerunToken: p.forceUpdateTag || undefined,
    });
}

function importRun(apiVersion: string) {
  return (stack: TerraformStack, p: Record<string, any>) =>
    new ImportPipelineRun(stack, "Run", {
      pipeline: ImportPipeline.fromPipelineId(stack, "Pipeline", p.pipelineResourceId, {
        apiVersion,
      }),
      runName: p.pipelineRunName,
      blobName: p.sourceName,
      catalogDigest: p.catalogDigest || undefined,
      rerunToken: p.forceUpdateTag || undefined,
    });
}

/**
 * Microsoft's export-run parameter file lists "sourceRepository@sha256:...": repository names
 * are lowercase in every registry, so the library refuses it (see the last test); the parity
 * check runs with the name lowercased and nothing else changed.
 */
const LOWERCASED_ARTIFACTS = {
  artifacts: ["hello-world:latest", `sourcerepository@sha256:${"0".repeat(64)}`],
};

function cases(folder: string, apiVersion: string): ParityCase[] {
  return [
    {
      title: "export pipeline, SAS token",
      folder,
      template: "ExportPipelines",
      build: exportPipeline(apiVersion),
    },
    {
      title: "export pipeline, user-assigned identity",
      folder,
      template: "ExportPipelines",
      overrides: { userAssignedIdentity: IDENTITY_ID },
      build: exportPipeline(apiVersion),
    },
    {
      title: "import pipeline, SAS token",
      folder,
      template: "ImportPipelines",
      build: importPipeline(apiVersion),
    },
    {
      title: "import pipeline, source trigger disabled",
      folder,
      template: "ImportPipelines",
      overrides: { sourceTriggerStatus: "Disabled" },
      build: importPipeline(apiVersion),
    },
    {
      title: "export run",
      folder,
      template: "PipelineRun/PipelineRun-Export",
      overrides: LOWERCASED_ARTIFACTS,
      build: exportRun(apiVersion),
    },
    {
      title: "export run with rerun token",
      folder,
      template: "PipelineRun/PipelineRun-Export",
      overrides: { ...LOWERCASED_ARTIFACTS, forceUpdateTag: "2026-11-26" },
      build: exportRun(apiVersion),
    },
    {
      title: "import run",
      folder,
      template: "PipelineRun/PipelineRun-Import",
      build: importRun(apiVersion),
    },
    {
      title: "import run with catalog digest",
      folder,
      template: "PipelineRun/PipelineRun-Import",
      overrides: { catalogDigest: `sha256:${"b".repeat(64)}` },
      build: importRun(apiVersion),
    },
  ];
}

const ALL_CASES: ParityCase[] = [
  ...cases("azure/acr-templates", "2025-06-01-preview"),
  {
    title: "export pipeline, managed identity",
    folder: "azure/acr-templates",
    template: "ExportPipelines",
    overrides: { storageAccessMode: "ManagedIdentity" },
    build: exportPipeline("2025-06-01-preview"),
  },
  {
    title: "import pipeline, managed identity",
    folder: "azure/acr-templates",
    template: "ImportPipelines",
    overrides: { storageAccessMode: "ManagedIdentity" },
    build: importPipeline("2025-06-01-preview"),
  },
  ...cases("azure/acr-templates-2019-12-01-preview", "2019-12-01-preview"),
];

/** The template's main resource, evaluated, with the quirks the library drops taken out. */
function templateResource(c: ParityCase): {
  parameters: Record<string, any>;
  resource: Record<string, any>;
} {
  const template = readReferenceJson(`${c.folder}/${c.template}/azuredeploy.json`) as Record<
    string,
    any
  >;
  const parameterFile = readReferenceJson(`${c.folder}/${c.template}/azuredeploy.parameters.json`);
  const parameters = templateParameters(template, parameterFile, c.overrides ?? {}, LOCATION);
  const context = {
    parameters,
    variables: template.variables ?? {},
    resourceGroupLocation: LOCATION,
  };
  const main = evaluate(template.resources[0], context) as Record<string, any>;
  const { apiVersion: _apiVersion, ...resource } = main;
  resource.type = String(resource.type).replace(/\/$/, ""); // quirk: trailing "/" in the type
  const properties = resource.properties;
  const side = properties.target ?? properties.source;
  if (side && parameters.storageAccessMode === "ManagedIdentity") delete side.keyVaultUri; // quirk: secret URI sent without use
  if (properties.request) {
    delete resource.location; // quirk: runs have no location
    for (const key of ["source", "target"]) {
      if (properties.request[key]?.type === "") delete properties.request[key]; // quirk: empty unused side
    }
    if (properties.request.catalogDigest === "") delete properties.request.catalogDigest;
    if (properties.request.artifacts?.length === 0) delete properties.request.artifacts; // quirk: no artifacts on import runs
    if (properties.forceUpdateTag === "") delete properties.forceUpdateTag;
  }
  return { parameters, resource };
}

describe.skipIf(!HAS_REFERENCE)(`parity with Microsoft's ARM templates${SKIP_REASON}`, () => {
  for (const c of ALL_CASES) {
    it(`${c.folder.split("/").pop()}: ${c.title}`, () => {
      const { parameters, resource: expected } = templateResource(c);
      const stack = new TerraformStack(Testing.app(), "parity");
      c.build(stack, parameters);
      const [ours] = transferResources(JSON.parse(Testing.synth(stack)));
      const parentName = String(
        JSON.parse(Testing.synth(stack)).resource.azapi_resource[ours.address.split(".")[1]]
          .parent_id,
      )
        .split("/")
        .pop();
      const actual = {
        ...ours.resource,
        name: `${parentName}/${ours.resource.name}`.toLowerCase(),
      };
      expected.name = String(expected.name).toLowerCase();
      if (expected.identity?.userAssignedIdentities) {
        expect(Object.keys(expected.identity.userAssignedIdentities)).toEqual([IDENTITY_ID]);
      }
      expect(actual).toEqual(expected);
    });
  }

  it("refuses the uppercase repository name in Microsoft's export-run parameter file", () => {
    const { parameters } = templateResource({ ...ALL_CASES[4], overrides: {} });
    const stack = new TerraformStack(Testing.app(), "parity");
    expect(() => exportRun("2025-06-01-preview")(stack, parameters)).toThrow(
      TransferValidationError,
    );
    expect(() =>
      exportRun("2025-06-01-preview")(new TerraformStack(Testing.app(), "p2"), parameters),
    ).toThrow(/repository names are lowercase: use "sourcerepository@sha256:0{64}"/);
  });
});
