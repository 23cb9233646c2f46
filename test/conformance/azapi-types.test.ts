import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../../examples/app";
import {
  ExportPipeline,
  ExportPipelineRun,
  ImportOption,
  ImportPipeline,
  ImportPipelineRun,
  SasTokenSecret,
  StorageAccess,
  TransferContainer,
} from "../../lib";
import { TRANSFER_API_VERSIONS } from "../../lib/arm/api-versions";
import { supportsStorageAccessMode } from "../../lib/arm/api-versions";
import { azapiAttributeErrors } from "../support/azapi-attributes";
import { azapiBodyErrors } from "../support/bicep-types";
import * as ids from "../support/ids";
import { HAS_REFERENCE, SKIP_REASON } from "../support/reference";
import { testAccount, testRegistry, testVault } from "../support/refs";
import { TEST_STACKS } from "../support/stacks";

/** Every azapi_resource of a stack, by address, with what azapi and Terraform would refuse. */
function refusals(stack: TerraformStack): Record<string, string[]> {
  const doc = JSON.parse(Testing.synth(stack));
  return Object.fromEntries(
    Object.entries<Record<string, any>>(doc.resource?.azapi_resource ?? {}).map(
      ([name, config]) => [
        `azapi_resource.${name}`,
        [...azapiAttributeErrors(config), ...azapiBodyErrors(config)],
      ],
    ),
  );
}

function expectAccepted(stack: TerraformStack): void {
  const found = refusals(stack);
  expect(Object.keys(found).length, "the stack has azapi resources").toBeGreaterThan(0);
  for (const [address, errors] of Object.entries(found)) expect(errors, address).toEqual([]);
}

/** Both pipelines and both runs at one api-version (managed identity where it exists). */
function everyKindAt(apiVersion: string): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "sweep");
  const registry = testRegistry(stack);
  const mi = supportsStorageAccessMode(apiVersion);
  const container = new TransferContainer(stack, "Container", {
    storageAccount: testAccount(stack),
    containerName: "transfer",
  });
  const vault = testVault(stack);
  const access = (id: string, uri: string) =>
    mi
      ? StorageAccess.managedIdentity()
      : StorageAccess.sasToken(SasTokenSecret.fromSecretUri(stack, id, uri, { keyVault: vault }));
  const exporter = new ExportPipeline(stack, "Export", {
    registry,
    pipelineName: "exportsweep",
    container,
    storageAccess: access("ExportSecret", ids.EXPORT_SECRET_URI),
    apiVersion,
  });
  const importer = new ImportPipeline(stack, "Import", {
    registry,
    pipelineName: "importsweep",
    container,
    storageAccess: access("ImportSecret", ids.IMPORT_SECRET_URI),
    options: [ImportOption.OVERWRITE_TAGS],
    sourceTriggerEnabled: false,
    apiVersion,
  });
  new ExportPipelineRun(stack, "ExportRun", {
    pipeline: exporter,
    runName: "exportrun1",
    blobName: "blob",
    artifacts: ["samples/hello-world:v1"],
    rerunToken: "1",
  });
  new ImportPipelineRun(stack, "ImportRun", {
    pipeline: importer,
    runName: "importrun1",
    blobName: "blob",
    catalogDigest: `sha256:${"a".repeat(64)}`,
  });
  return stack;
}

describe.skipIf(!HAS_REFERENCE)(`azapi accepts every body${SKIP_REASON}`, () => {
  for (const { name, build } of TEST_STACKS) {
    it(`test stack: ${name}`, () => expectAccepted(build()));
  }

  it("every stack of every example", () => {
    const app = Testing.app();
    const stacks = EXAMPLES.flatMap((example) => example.add(app));
    expect(stacks.length).toBeGreaterThanOrEqual(8);
    for (const stack of stacks) expectAccepted(stack);
  });

  it.each(TRANSFER_API_VERSIONS.map((v) => [v]))("both pipelines and both runs at %s", (v) => {
    expectAccepted(everyKindAt(v));
  });
});

describe.skipIf(!HAS_REFERENCE)(`the azapi validator can fail${SKIP_REASON}`, () => {
  const pipeline = {
    type: "Microsoft.ContainerRegistry/registries/exportPipelines@2025-06-01-preview",
    name: "myexport",
    parent_id: ids.REGISTRY_ID,
    location: "eastus",
    identity: [{ type: "SystemAssigned" }],
    body: {
      properties: {
        target: {
          type: "AzureStorageBlobContainer",
          uri: ids.CONTAINER_URL,
          storageAccessMode: "ManagedIdentity",
        },
      },
    },
  };
  const withProperties = (properties: Record<string, unknown>) => ({
    ...pipeline,
    body: { properties },
  });

  it("accepts the reference pipeline", () => {
    expect(azapiBodyErrors(pipeline)).toEqual([]);
    expect(azapiAttributeErrors(pipeline)).toEqual([]);
  });

  it("refuses an unknown property", () => {
    const target = { ...pipeline.body.properties.target, sasToken: "x" };
    expect(azapiBodyErrors(withProperties({ target }))).toEqual([
      "`properties.target.sasToken` is not expected here",
    ]);
  });

  it("refuses a read-only property", () => {
    const body = withProperties({ ...pipeline.body.properties, provisioningState: "Succeeded" });
    expect(azapiBodyErrors(body)).toEqual([
      "`properties.provisioningState` is not expected here, it's read only",
    ]);
  });

  it("refuses a missing required property", () => {
    expect(azapiBodyErrors(withProperties({ options: [] }))).toEqual([
      "`properties.target` is required, but no definition was found",
    ]);
    const old = { ...pipeline, type: pipeline.type.replace("2025-06-01", "2019-12-01") };
    const target = { type: "AzureStorageBlobContainer", uri: ids.CONTAINER_URL };
    expect(azapiBodyErrors({ ...old, body: { properties: { target } } })).toEqual([
      "`properties.target.keyVaultUri` is required, but no definition was found",
    ]);
  });

  it("refuses a property the api-version does not have, a bad name and an identity type", () => {
    const old = { ...pipeline, type: pipeline.type.replace("2025-06-01", "2023-11-01") };
    expect(azapiBodyErrors(old)).toContain(
      "`properties.target.storageAccessMode` is not expected here",
    );
    expect(azapiBodyErrors({ ...pipeline, name: "my-export" })).toEqual([
      "`name` is invalid, string does not match pattern ^[a-zA-Z0-9]*$",
    ]);
    expect(azapiBodyErrors({ ...pipeline, identity: [{ type: "systemAssigned" }] })[0]).toMatch(
      /^`identity.type`'s value `systemAssigned` is invalid/,
    );
  });

  it("refuses an api-version azapi does not embed, unless validation is off", () => {
    const unembedded = { ...pipeline, type: pipeline.type.replace("2025-06-01", "2025-12-01") };
    expect(azapiBodyErrors(unembedded)[0]).toMatch(/api-version is invalid/);
    expect(azapiBodyErrors({ ...unembedded, schema_validation_enabled: false })).toEqual([]);
  });

  it("refuses blocks and attributes of the wrong shape", () => {
    expect(azapiAttributeErrors({ ...pipeline, identity: { type: "SystemAssigned" } })).toEqual([
      "identity: a list block is written as a JSON array",
    ]);
    expect(azapiAttributeErrors({ ...pipeline, retry: [{ error_message_regex: ["x"] }] })).toEqual([
      "retry: a single nested attribute is written as a JSON object",
    ]);
    expect(azapiAttributeErrors({ ...pipeline, timeouts: [{ create: "2h" }] })).toEqual([
      "timeouts: a single block is written as a JSON object",
    ]);
    expect(azapiAttributeErrors({ ...pipeline, body: JSON.stringify(pipeline.body) })).toEqual([
      "body: an object (azapi refuses a JSON string)",
    ]);
    expect(azapiBodyErrors({ ...pipeline, body: JSON.stringify(pipeline.body) })[0]).toMatch(
      /"body" is invalid/,
    );
    expect(azapiAttributeErrors({ ...pipeline, output: {} })).toEqual([
      "output: not an argument of azapi_resource (computed)",
    ]);
    expect(
      azapiAttributeErrors({
        ...pipeline,
        identity: [{ type: "SystemAssigned", identity_ids: [ids.IDENTITY_ID] }],
      }),
    ).toEqual(["identity[0]: identity_ids can only be specified when type includes UserAssigned"]);
  });
});
