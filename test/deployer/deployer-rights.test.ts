// What the identity that runs `cdktf deploy` needs, read from each stack: the API and the
// one info annotation per stack.
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { AnnotationMetadataEntryType, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  AzapiProvider,
  DeployerRights,
  DeployerTask,
  ExportPipeline,
  KeyVaultAccessModel,
  KeyVaultRef,
  NetworkDefaultAction,
  NetworkPosture,
  SasToken,
  SasTokenSecret,
  StorageAccess,
  TransferContainer,
} from "../../lib";
import * as ids from "../support/ids";
import { testAccount, testRegistry } from "../support/refs";
import { TEST_STACKS } from "../support/stacks";

function build(name: string): TerraformStack {
  return TEST_STACKS.find((t) => t.name === name)!.build();
}

function infos(stack: TerraformStack): string[] {
  return stack.node.metadata
    .filter((m) => m.type === AnnotationMetadataEntryType.INFO)
    .map((m) => String(m.data));
}

describe("DeployerRights.of", () => {
  it("a SAS export on an access-policy vault: transfer resources on the registry, policies on the vault", () => {
    expect(DeployerRights.of(build("export, SAS token, system-assigned, access policy"))).toEqual([
      {
        task: DeployerTask.TRANSFER_RESOURCES,
        permissions: [
          "Microsoft.ContainerRegistry/registries/exportPipelines/*",
          "Microsoft.ContainerRegistry/registries/pipelineRuns/*",
        ],
        role: "Container Registry Transfer Pipeline Contributor",
        scope: ids.REGISTRY_ID,
      },
      {
        task: DeployerTask.ACCESS_POLICIES,
        permissions: ["Microsoft.KeyVault/vaults/accessPolicies/write"],
        role: "Key Vault Contributor",
        scope: ids.VAULT_ID,
        note: "control plane: the vault's firewall does not apply",
      },
    ]);
  });

  it("a write-only secret in an RBAC vault with a user-assigned identity", () => {
    const rights = DeployerRights.of(
      build("import, SAS token (write-only), user-assigned, RBAC vault"),
    );
    expect(rights.map((r) => [r.task, r.role, r.scope])).toEqual([
      [
        DeployerTask.TRANSFER_RESOURCES,
        "Container Registry Transfer Pipeline Contributor",
        ids.REGISTRY_ID,
      ],
      [
        DeployerTask.ASSIGN_IDENTITY,
        "Managed Identity Operator",
        "${azurerm_user_assigned_identity.Identity.id}",
      ],
      [DeployerTask.WRITE_SECRETS, "Key Vault Secrets Officer", ids.VAULT_ID],
      [
        DeployerTask.ROLE_ASSIGNMENTS,
        "Role Based Access Control Administrator (or User Access Administrator)",
        ids.VAULT_ID,
      ],
    ]);
    expect(rights[3].note).toBe(
      "condition: only the roles Key Vault Secrets User, only to service principals",
    );
    expect(rights[2].note).toMatch(/^network: the deployer reaches the vault's data plane/);
  });

  it("managed identity: role assignments at the account that holds the containers, containers there too", () => {
    const rights = DeployerRights.of(build("both sides, managed identity"));
    const byTask = new Map(rights.map((r) => [r.task, r]));
    expect(byTask.get(DeployerTask.ROLE_ASSIGNMENTS)?.scope).toBe(ids.ACCOUNT_ID);
    expect(byTask.get(DeployerTask.CONTAINERS)).toMatchObject({
      scope: ids.ACCOUNT_ID,
      permissions: expect.arrayContaining([
        "Microsoft.Storage/storageAccounts/blobServices/containers/write",
      ]),
    });
    expect(byTask.get(DeployerTask.LOOKUPS)).toMatchObject({
      role: "Reader",
      permissions: ["Microsoft.ManagedIdentity/userAssignedIdentities/read"],
      scope: ids.IDENTITY_ID,
    });
  });

  it("a generated SAS token: the account's keys, at the account's ID", () => {
    const rights = DeployerRights.of(build("import, generated SAS with delete"));
    expect(rights.find((r) => r.task === DeployerTask.ACCOUNT_KEYS)).toEqual({
      task: DeployerTask.ACCOUNT_KEYS,
      permissions: [
        "Microsoft.Storage/storageAccounts/read",
        "Microsoft.Storage/storageAccounts/listKeys/action",
      ],
      role: "Reader and Storage Account Key Operator Service Role",
      scope: ids.ACCOUNT_ID,
    });
    expect(rights.find((r) => r.task === DeployerTask.WRITE_SECRETS)?.permissions).toEqual([
      "Get",
      "Set",
      "Delete",
      "Purge",
      "Recover",
    ]);
  });

  it("a run on a pipeline made elsewhere needs only runs on its registry", () => {
    expect(DeployerRights.of(build("run on a pipeline made elsewhere"))).toEqual([
      expect.objectContaining({
        permissions: ["Microsoft.ContainerRegistry/registries/pipelineRuns/*"],
        scope: ids.REGISTRY_ID,
      }),
    ]);
  });

  it("says how to reach a vault whose firewall is on", () => {
    const stack = new TerraformStack(Testing.app(), "fw");
    const vault = KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
      accessModel: KeyVaultAccessModel.RBAC,
      networkPosture: NetworkPosture.of({ defaultAction: NetworkDefaultAction.DENY }),
    });
    const token = new TerraformVariable(stack, "sas", { type: "string", sensitive: true });
    new SasTokenSecret(stack, "Secret", {
      keyVault: vault,
      secretName: "acrexportsas",
      token: SasToken.fromVariable(token, 1),
    });
    const [right] = DeployerRights.of(stack);
    expect(right.note).toMatch(
      /the vault's firewall is on, and trusted-service bypass does not cover Terraform: add the deployer's address to network_acls\.ip_rules/,
    );
  });
});

describe("the deployer note at synth", () => {
  /** A managed-identity export pipeline with a container, in a stack with both providers. */
  function noted(): TerraformStack {
    const stack = new TerraformStack(Testing.app(), "noted");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
    new AzapiProvider(stack, "azapi");
    new ExportPipeline(stack, "Export", {
      registry: testRegistry(stack),
      pipelineName: "exportnoted",
      container: new TransferContainer(stack, "Blobs", {
        storageAccount: testAccount(stack),
        containerName: "transfer",
      }),
      storageAccess: StorageAccess.managedIdentity(),
    });
    return stack;
  }

  it("adds one info annotation to the stack when synthesized with validations, once", () => {
    const stack = noted();
    Testing.synth(stack, true);
    Testing.synth(stack, true);
    expect(infos(stack)).toEqual([DeployerRights.summarize(DeployerRights.of(stack))]);
    expect(infos(stack)[0]).toBe(
      [
        "the identity that runs `cdktf deploy` for this stack needs (DeployerRights.describe(DeployerRights.of(stack)) gives the actions and notes; see docs/networking.md):",
        "- Container Registry Transfer Pipeline Contributor on registries/myregistry",
        "- Role Based Access Control Administrator (or User Access Administrator) on storageAccounts/accountname",
        "- Storage Blob Data Contributor, or a custom role with these actions only on storageAccounts/accountname",
      ].join("\n"),
    );
    expect(DeployerRights.describe(DeployerRights.of(stack))).toBe(
      [
        "the identity that runs `cdktf deploy` for this stack needs (see docs/networking.md):",
        `- Container Registry Transfer Pipeline Contributor on ${ids.REGISTRY_ID}: create, update and delete ACR Transfer pipelines and runs (Microsoft.ContainerRegistry/registries/exportPipelines/*)`,
        `- Role Based Access Control Administrator (or User Access Administrator) on ${ids.ACCOUNT_ID}: create the pipelines' role assignments (Microsoft.Authorization/roleAssignments/write, Microsoft.Authorization/roleAssignments/delete); condition: only the roles Storage Blob Data Contributor, only to service principals`,
        `- Storage Blob Data Contributor, or a custom role with these actions only on ${ids.ACCOUNT_ID}: create blob containers (Resource Manager API) (Microsoft.Storage/storageAccounts/blobServices/containers/read, Microsoft.Storage/storageAccounts/blobServices/containers/write, Microsoft.Storage/storageAccounts/blobServices/containers/delete); control plane (storage_account_id): the account's firewall does not apply`,
      ].join("\n"),
    );
  });

  it("gives each role one line, naming three scopes and counting the rest", () => {
    const transfer = (registry: string) => ({
      task: DeployerTask.TRANSFER_RESOURCES,
      permissions: ["Microsoft.ContainerRegistry/registries/exportPipelines/*"],
      role: "Container Registry Transfer Pipeline Contributor",
      scope: ids.REGISTRY_ID.replace("myregistry", registry),
    });
    const rights = [
      ...["cra", "crb", "crc", "crd", "cre", "cra"].map(transfer),
      {
        task: DeployerTask.ASSIGN_IDENTITY,
        permissions: ["Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action"],
        role: "Managed Identity Operator",
        scope: "${azurerm_user_assigned_identity.TransferIdentity.id}",
      },
    ];
    expect(DeployerRights.summarize(rights).split("\n").slice(1)).toEqual([
      "- Container Registry Transfer Pipeline Contributor on registries/cra, registries/crb, registries/crc and 2 more",
      "- Managed Identity Operator on azurerm_user_assigned_identity.TransferIdentity",
    ]);
  });

  it("carries no stack trace (it would write local paths into cdktf.out)", () => {
    const stack = noted();
    Testing.synth(stack, true);
    const note = stack.node.metadata.find((m) => m.type === AnnotationMetadataEntryType.INFO);
    expect(note?.trace).toBeUndefined();
  });

  it("adds nothing without validations, and nothing to a stack without library constructs", () => {
    const plain = noted();
    Testing.synth(plain);
    expect(infos(plain)).toEqual([]);
    const empty = new TerraformStack(Testing.app(), "empty");
    new AzurermProvider(empty, "azurerm", { features: [{}] });
    Testing.synth(empty, true);
    expect(infos(empty)).toEqual([]);
    expect(DeployerRights.of(empty)).toEqual([]);
  });
});
