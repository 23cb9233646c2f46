import { KeyVaultAccessPolicyA } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
import { describe, expect, it } from "vitest";
import {
  ExportPipeline,
  ExportPipelineRun,
  ImportOption,
  ImportPipeline,
  PipelineIdentity,
  SasTokenSecret,
  StorageAccess,
  TransferContainer,
  UserIdentity,
} from "../../lib";
import { AzapiResource } from "../../lib/azapi";
import { checkTransferConformance, synthJson } from "../../lib/testing";
import * as ids from "../support/ids";
import { testAccount, testRegistry, testVault } from "../support/refs";
import { TEST_STACKS } from "../support/stacks";
import { newStack } from "../support/new-stack";

/** A SAS export (access policy) with a run, and a managed-identity import with a run. */
function bothModes(): any {
  const stack = newStack("conformance");
  const registry = testRegistry(stack);
  const vault = testVault(stack);
  const exporter = new ExportPipeline(stack, "Export", {
    registry,
    pipelineName: "sasexport",
    container: TransferContainer.fromUrl(stack, "Container", ids.CONTAINER_URL),
    storageAccess: StorageAccess.sasToken(
      SasTokenSecret.fromSecretUri(stack, "Secret", ids.EXPORT_SECRET_URI, { keyVault: vault }),
    ),
  });
  new ExportPipelineRun(stack, "ExportRun", {
    pipeline: exporter,
    runName: "sasexportrun",
    blobName: "blob",
    artifacts: ["samples/hello-world:v1"],
  });
  new ImportPipeline(stack, "Import", {
    registry,
    pipelineName: "miimport",
    container: new TransferContainer(stack, "Landing", {
      storageAccount: testAccount(stack),
      containerName: "landing",
    }),
    storageAccess: StorageAccess.managedIdentity(),
  });
  return JSON.parse(synthJson(stack));
}

/** The one block of a type in the JSON, with its name. */
function only(doc: any, type: string): [string, any] {
  const entries = Object.entries(doc.resource[type] ?? {});
  expect(entries).toHaveLength(1);
  return entries[0] as [string, any];
}

function blockNamed(doc: any, type: string, name: string): [string, any] {
  const found = Object.entries(doc.resource[type]).find(([, b]: [string, any]) => b.name === name);
  return found as [string, any];
}

describe("checkTransferConformance", () => {
  for (const { name, build } of TEST_STACKS) {
    it(`passes the library's stacks: ${name}`, () => {
      expect(checkTransferConformance(build())).toEqual([]);
    });
  }

  it("passes the same resources written by hand with AzapiResource and azurerm", () => {
    const stack = newStack("conformance");
    const pipeline = new AzapiResource(stack, "Pipeline", {
      type: "Microsoft.ContainerRegistry/registries/exportPipelines@2023-11-01-preview",
      name: "handwritten",
      parentId: ids.REGISTRY_ID,
      location: "eastus",
      identity: { type: "SystemAssigned" },
      body: {
        properties: {
          target: {
            type: "AzureStorageBlobContainer",
            uri: ids.CONTAINER_URL,
            keyVaultUri: ids.EXPORT_SECRET_URI,
          },
        },
      },
    });
    const policy = new KeyVaultAccessPolicyA(stack, "Policy", {
      keyVaultId: ids.VAULT_ID,
      tenantId: pipeline.identityTenantId,
      objectId: pipeline.identityPrincipalId,
      secretPermissions: ["Get"],
    });
    new AzapiResource(stack, "Run", {
      type: "Microsoft.ContainerRegistry/registries/pipelineRuns@2023-11-01-preview",
      name: "handwrittenrun",
      parentId: ids.REGISTRY_ID,
      body: { properties: { request: { pipelineResourceId: pipeline.id, artifacts: ["a:b"] } } },
      dependsOn: [policy],
    });
    expect(checkTransferConformance(synthJson(stack))).toEqual([]);
  });

  it("accepts the JSON as a string or parsed", () => {
    const doc = bothModes();
    expect(checkTransferConformance(JSON.stringify(doc))).toEqual([]);
    expect(checkTransferConformance(doc)).toEqual([]);
  });

  it("catches a missing grant", () => {
    const doc = bothModes();
    delete doc.resource.azurerm_key_vault_access_policy;
    const [violation, ...rest] = checkTransferConformance(doc);
    expect(rest).toEqual([]);
    expect(violation).toMatch(
      /^azapi_resource\.Export_\w+ \(export pipeline "sasexport"\) reads its SAS token from https:\/\/myvault\.vault\.azure\.net\/secrets\/acrexportsas in vault myvault, but no grant lets the system-assigned identity of azapi_resource\.Export_\w+ read it; expected one azurerm_key_vault_access_policy with secret_permissions \["Get"\]/,
    );
  });

  it("catches a missing role assignment in managed-identity mode", () => {
    const doc = bothModes();
    delete doc.resource.azurerm_role_assignment;
    expect(checkTransferConformance(doc)).toEqual([
      expect.stringMatching(
        /\(import pipeline "miimport"\) uses managed identity, but the system-assigned identity of azapi_resource\.Import_\w+ has no "Storage Blob Data Reader" role assignment scoped to its container/,
      ),
    ]);
  });

  it("catches an extra grant", () => {
    const doc = bothModes();
    const [, role] = only(doc, "azurerm_role_assignment");
    doc.resource.azurerm_role_assignment.Extra = {
      principal_id: role.principal_id,
      role_definition_name: "Key Vault Secrets User",
      scope: `${ids.VAULT_ID}/secrets/acrexportsas`,
    };
    expect(checkTransferConformance(doc)).toEqual([
      expect.stringMatching(
        /^azurerm_role_assignment\.Extra gives the system-assigned identity of azapi_resource\.Import_\w+ role "Key Vault Secrets User" on .*\/secrets\/acrexportsas, which none of the pipelines it acts for \(azapi_resource\.Import_\w+\) needs; remove it$/,
      ),
    ]);
  });

  it("catches an access policy that grants more than Get", () => {
    const doc = bothModes();
    const [name, policy] = only(doc, "azurerm_key_vault_access_policy");
    policy.secret_permissions = ["Get", "List"];
    policy.key_permissions = ["Decrypt"];
    expect(checkTransferConformance(doc)).toEqual([
      `azurerm_key_vault_access_policy.${name} is an access policy on vault myvault with secret_permissions ["Get","List"] and key_permissions; a pipeline needs exactly secret_permissions ["Get"] and nothing else`,
    ]);
  });

  it("catches a wrong role", () => {
    const doc = bothModes();
    const [name, role] = only(doc, "azurerm_role_assignment");
    role.role_definition_name = "Storage Blob Data Contributor";
    expect(checkTransferConformance(doc)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^azurerm_role_assignment\\.${name} gives the wrong role "Storage Blob Data Contributor" on .* for azapi_resource\\.Import_\\w+ \\(import pipeline "miimport"\\); expected "Storage Blob Data Reader"$`,
        ),
      ),
    ]);
  });

  it("catches a wrong Key Vault role and a vault-wide scope", () => {
    const doc = bothModes();
    const [, policy] = only(doc, "azurerm_key_vault_access_policy");
    delete doc.resource.azurerm_key_vault_access_policy;
    doc.resource.azurerm_role_assignment.Officer = {
      principal_id: policy.object_id,
      role_definition_name: "Key Vault Secrets Officer",
      scope: ids.VAULT_ID,
    };
    const violations = checkTransferConformance(doc);
    expect(violations).toContainEqual(
      expect.stringMatching(
        /^azurerm_role_assignment\.Officer gives the wrong role "Key Vault Secrets Officer" .*; expected "Key Vault Secrets User"$/,
      ),
    );
    expect(violations).toContain(
      "azurerm_role_assignment.Officer is scoped to the whole vault; scope it to the one secret (<vault ID>/secrets/<name>)",
    );
  });

  it("catches a grant made twice", () => {
    const doc = bothModes();
    const [, policy] = only(doc, "azurerm_key_vault_access_policy");
    doc.resource.azurerm_key_vault_access_policy.Twin = { ...policy };
    expect(checkTransferConformance(doc)).toContainEqual(
      expect.stringMatching(
        /\(export pipeline "sasexport"\) is granted read on https:\/\/myvault\.vault\.azure\.net\/secrets\/acrexportsas 2 times \(azurerm_key_vault_access_policy\.\w+, azurerm_key_vault_access_policy\.Twin\); expected exactly one grant$/,
      ),
    );
  });

  it("catches a run without depends_on", () => {
    const doc = bothModes();
    const [, run] = blockNamed(doc, "azapi_resource", "sasexportrun");
    delete run.depends_on;
    const [policy] = only(doc, "azurerm_key_vault_access_policy");
    expect(checkTransferConformance(doc)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^azapi_resource\\.ExportRun_\\w+ \\(pipeline run "sasexportrun"\\) runs azapi_resource\\.Export_\\w+ but its depends_on lacks azurerm_key_vault_access_policy\\.${policy}, so Terraform may start the run before the grant exists`,
        ),
      ),
    ]);
  });

  it("reports a secret given only by URI unless told not to", () => {
    const stack = newStack("conformance");
    new ExportPipeline(stack, "Export", {
      registry: testRegistry(stack),
      pipelineName: "urionly",
      container: TransferContainer.fromUrl(stack, "Container", ids.CONTAINER_URL),
      storageAccess: StorageAccess.sasToken(
        SasTokenSecret.fromSecretUri(stack, "Secret", ids.EXPORT_SECRET_URI),
      ),
    });
    const json = synthJson(stack);
    expect(checkTransferConformance(json)).toEqual([
      expect.stringMatching(
        /no grant lets .* read it; .* \(give SasTokenSecret\.fromSecretUri a keyVault so the library makes it\)$/,
      ),
    ]);
    expect(checkTransferConformance(json, { reportUngrantedUriSecrets: false })).toEqual([]);
  });

  it("ties a literal principal ID to its identity only when told", () => {
    const stack = newStack("conformance");
    const identity = UserIdentity.fromIdentityId(stack, "Identity", ids.IDENTITY_ID, {
      principalId: "11111111-1111-1111-1111-111111111111",
      tenantId: ids.SUBSCRIPTION,
    });
    new ImportPipeline(stack, "Import", {
      registry: testRegistry(stack),
      pipelineName: "knownprincipal",
      container: TransferContainer.fromContainerResourceId(
        stack,
        "Container",
        `${ids.ACCOUNT_ID}/blobServices/default/containers/landing`,
      ),
      storageAccess: StorageAccess.managedIdentity(),
      identity: PipelineIdentity.userAssigned(identity),
      options: [ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS],
    });
    const json = synthJson(stack);
    expect(checkTransferConformance(json)).toEqual([
      expect.stringMatching(
        /^azapi_resource\.Import_\w+ \(import pipeline "knownprincipal"\) uses managed identity, but the user-assigned identity \/subscriptions\/.*\/transfer-identity has no "Storage Blob Data Contributor" role assignment/,
      ),
    ]);
    const principalIds = {
      [ids.IDENTITY_ID.toUpperCase()]: "11111111-1111-1111-1111-111111111111",
    };
    expect(checkTransferConformance(json, { principalIds })).toEqual([]);
  });

  it("catches a grant to the system-assigned identity of a pipeline its user-assigned identity acts for", () => {
    const stack = newStack("conformance");
    new ExportPipeline(stack, "Export", {
      registry: testRegistry(stack),
      pipelineName: "bothidentities",
      container: TransferContainer.fromContainerResourceId(
        stack,
        "Container",
        `${ids.ACCOUNT_ID}/blobServices/default/containers/landing`,
      ),
      storageAccess: StorageAccess.managedIdentity(),
      identity: PipelineIdentity.systemAndUserAssigned(
        UserIdentity.fromIdentityId(stack, "Identity", ids.IDENTITY_ID),
      ),
    });
    const doc = JSON.parse(synthJson(stack));
    const [pipeline] = blockNamed(doc, "azapi_resource", "bothidentities");
    doc.resource.azurerm_role_assignment.System = {
      principal_id: `\${azapi_resource.${pipeline}.identity[0].principal_id}`,
      role_definition_name: "Storage Blob Data Contributor",
      scope: `${ids.ACCOUNT_ID}/blobServices/default/containers/landing`,
    };
    expect(checkTransferConformance(doc)).toEqual([
      expect.stringMatching(
        /^azurerm_role_assignment\.System gives the system-assigned identity of azapi_resource\.Export_\w+ role .* but that identity does not act for the pipeline/,
      ),
    ]);
  });

  it("reports a pipeline without a managed identity", () => {
    const doc = bothModes();
    const [, pipeline] = blockNamed(doc, "azapi_resource", "miimport");
    delete pipeline.identity;
    expect(checkTransferConformance(doc)).toContainEqual(
      expect.stringMatching(
        /\(import pipeline "miimport"\) has no managed identity that could act for it \(identity type None\)$/,
      ),
    );
  });
});
