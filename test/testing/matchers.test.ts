import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import "../../lib/testing/setup.mjs";
import {
  ExportOption,
  ExportPipeline,
  ExportPipelineRun,
  ImportPipeline,
  KeyVaultAccessModel,
  KeyVaultRef,
  RegistryRef,
  SasTokenSecret,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
} from "../../lib";
import { synthJson } from "../../lib/testing";
import * as ids from "../support/ids";

const EXPORT_TYPE = "Microsoft.ContainerRegistry/registries/exportPipelines";

/** An export pipeline in SAS mode with a run, and an import pipeline in managed-identity mode. */
function transferStack(accessModel = KeyVaultAccessModel.ACCESS_POLICY) {
  const stack = new TerraformStack(Testing.app(), "matchers");
  const registry = RegistryRef.fromRegistryId(stack, "Registry", ids.REGISTRY_ID, {
    location: "eastus",
  });
  const vault = KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, { accessModel });
  const exporter = new ExportPipeline(stack, "Export", {
    registry,
    pipelineName: "nightlyexport",
    container: TransferContainer.fromUrl(stack, "Container", ids.CONTAINER_URL),
    storageAccess: StorageAccess.sasToken(
      SasTokenSecret.fromSecretUri(stack, "Secret", ids.EXPORT_SECRET_URI, { keyVault: vault }),
    ),
    options: [ExportOption.OVERWRITE_BLOBS, ExportOption.CONTINUE_ON_ERRORS],
  });
  new ExportPipelineRun(stack, "Run", {
    pipeline: exporter,
    runName: "nightlyrun1",
    blobName: "nightly",
    artifacts: ["samples/hello-world:v1", "samples/nginx:v2"],
  });
  const importer = new ImportPipeline(stack, "Import", {
    registry,
    pipelineName: "nightlyimport",
    container: new TransferContainer(stack, "Landing", {
      storageAccount: StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID),
      containerName: "landing",
    }),
    storageAccess: StorageAccess.managedIdentity(),
  });
  return { stack, exporter, importer };
}

/** The message of the assertion error `assertion` throws. */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("the assertion passed");
}

describe("toHaveAzapiResource", () => {
  it("matches a deep partial body, with or without the api-version", () => {
    const { stack } = transferStack();
    const partial = { properties: { target: { uri: ids.CONTAINER_URL } } };
    expect(stack).toHaveAzapiResource(EXPORT_TYPE, partial);
    expect(stack).toHaveAzapiResource(`${EXPORT_TYPE}@2025-06-01-preview`, partial);
    expect(stack).not.toHaveAzapiResource(`${EXPORT_TYPE}@2019-12-01-preview`, partial);
  });

  it("matches arrays as subsets in any order, and asymmetric matchers", () => {
    const { stack } = transferStack();
    expect(stack).toHaveAzapiResource(EXPORT_TYPE, {
      properties: {
        options: ["ContinueOnErrors"],
        target: { keyVaultUri: expect.stringContaining("/secrets/") },
      },
    });
    expect(stack).not.toHaveAzapiResource(EXPORT_TYPE, {
      properties: { options: ["ContinueOnErrors", "ContinueOnErrors"] },
    });
  });

  it("names the closest candidate and the differing paths on failure", () => {
    const { stack } = transferStack();
    const message = failure(() =>
      expect(stack).toHaveAzapiResource(EXPORT_TYPE, {
        properties: {
          target: { uri: "https://other.blob.core.windows.net/x" },
          options: ["OverwriteBlobs", "Nope"],
        },
      }),
    );
    expect(message).toMatch(/the closest of 1 is azapi_resource\.Export_\w+, which differs at:/);
    expect(message).toContain(
      `body.properties.target.uri: expected "https://other.blob.core.windows.net/x", received "${ids.CONTAINER_URL}"`,
    );
    expect(message).toContain(
      'body.properties.options: expected an element "Nope", received ["OverwriteBlobs","ContinueOnErrors"]',
    );
    expect(message).not.toContain("myregistry");
  });

  it("lists the types present when none has the type", () => {
    const { stack } = transferStack();
    expect(
      failure(() => expect(stack).toHaveAzapiResource("Microsoft.Storage/storageAccounts", {})),
    ).toMatch(
      /expected the stack to have an azapi_resource of type Microsoft\.Storage\/storageAccounts matching the partial, but it has none; its azapi_resource types are .*exportPipelines@2025-06-01-preview/,
    );
  });

  it("recurses into the closest element of an array of objects", () => {
    const { stack } = transferStack();
    const message = failure(() =>
      expect(stack).toHaveExportPipeline({ identity: [{ type: "UserAssigned" }] }),
    );
    expect(message).toContain(
      'identity[0].type: expected "UserAssigned", received "SystemAssigned"',
    );
  });
});

describe("pipeline and run matchers", () => {
  it("match whole resource blocks, from a stack or its JSON", () => {
    const { stack } = transferStack();
    const json = synthJson(stack);
    for (const received of [stack, json, JSON.parse(json)]) {
      expect(received).toHaveExportPipeline({
        name: "nightlyexport",
        identity: [{ type: "SystemAssigned" }],
      });
      expect(received).toHaveImportPipeline({
        name: "nightlyimport",
        body: { properties: { source: { storageAccessMode: "ManagedIdentity" } } },
      });
      expect(received).toHavePipelineRun({
        name: "nightlyrun1",
        body: { properties: { request: { artifacts: ["samples/nginx:v2"] } } },
        depends_on: [expect.stringMatching(/^azurerm_key_vault_access_policy\./)],
      });
    }
  });

  it("fail with the differing paths", () => {
    const { stack } = transferStack();
    expect(failure(() => expect(stack).toHaveImportPipeline({ name: "nightlyexport" }))).toMatch(
      /an import pipeline \(Microsoft\.ContainerRegistry\/registries\/importPipelines\) matching the partial; the closest of 1 is azapi_resource\.Import_\w+, which differs at:\n {2}name: expected "nightlyexport", received "nightlyimport"/,
    );
    expect(
      failure(() =>
        expect(stack).toHavePipelineRun({
          body: { properties: { request: { target: { name: "daily" } } } },
        }),
      ),
    ).toContain('body.properties.request.target.name: expected "daily", received "nightly"');
  });

  it("say which one matches when negated", () => {
    const { stack } = transferStack();
    expect(
      failure(() => expect(stack).not.toHaveExportPipeline({ name: "nightlyexport" })),
    ).toMatch(
      /expected the stack not to have an export pipeline .* matching the partial, but azapi_resource\.Export_\w+ matches/,
    );
  });

  it("work as asymmetric matchers", () => {
    const { stack } = transferStack();
    expect({ synthesized: synthJson(stack) }).toEqual({
      synthesized: expect.toHaveExportPipeline({ name: "nightlyexport" }),
    });
  });
});

describe("toGrantSecretRead", () => {
  it("finds the access policy or the RBAC role assignment of the pipeline's principal", () => {
    expect(transferStack().stack).toGrantSecretRead(transferStack().exporter);
    const rbac = transferStack(KeyVaultAccessModel.RBAC);
    expect(rbac.stack).toGrantSecretRead(rbac.exporter);
  });

  it("fails for a pipeline that reads no secret, showing the closest grant", () => {
    const { stack, importer } = transferStack();
    const message = failure(() => expect(stack).toGrantSecretRead(importer));
    expect(message).toMatch(/the principal of matchers\/Import\)/);
    expect(message).toMatch(
      /object_id: expected "\$\{azapi_resource\.Import_\w+\.identity\[0\]\.principal_id\}", received "\$\{azapi_resource\.Export_\w+/,
    );
  });
});

describe("toPassTransferConformance", () => {
  it("passes a stack made by the library", () => {
    expect(transferStack().stack).toPassTransferConformance();
  });

  it("lists the violations", () => {
    const doc = JSON.parse(synthJson(transferStack().stack));
    delete doc.resource.azurerm_role_assignment;
    const message = failure(() => expect(doc).toPassTransferConformance());
    expect(message).toMatch(
      /^expected the stack to pass the ACR Transfer conformance rules, but:\n {2}- azapi_resource\.Import_\w+ \(import pipeline "nightlyimport"\) uses managed identity, but .* has no "Storage Blob Data Reader" role assignment/,
    );
  });
});
