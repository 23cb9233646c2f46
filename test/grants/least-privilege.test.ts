import { KeyVault } from "@cdktf/provider-azurerm/lib/key-vault";
import { KeyVaultSecret } from "@cdktf/provider-azurerm/lib/key-vault-secret";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { synthJson } from "../../lib/testing";
import { describe, expect, it } from "vitest";
import {
  ExportPipeline,
  ImportOption,
  ImportPipeline,
  KeyVaultAccessModel,
  KeyVaultRef,
  PipelineIdentity,
  SasToken,
  SasTokenSecret,
  StorageAccess,
  TransferContainer,
  UserIdentity,
} from "../../lib";
import * as ids from "../support/ids";
import { testAccount, testRegistry } from "../support/refs";
import { synthObject } from "../support/stacks";

function roleAssignments(stack: TerraformStack): any[] {
  return Object.values<any>(synthObject(stack).resource.azurerm_role_assignment ?? {});
}

function setup() {
  const stack = new TerraformStack(Testing.app(), "lp");
  const registry = testRegistry(stack);
  const container = new TransferContainer(stack, "Blobs", {
    storageAccount: testAccount(stack),
    containerName: "transfer",
  });
  const identity = PipelineIdentity.userAssigned(
    UserIdentity.fromIdentityId(stack, "Identity", ids.IDENTITY_ID, {
      principalId: "11111111-1111-1111-1111-111111111111",
      tenantId: "22222222-2222-2222-2222-222222222222",
    }),
  );
  const common = { registry, container, storageAccess: StorageAccess.managedIdentity(), identity };
  return { stack, common };
}

describe("blob delete in managed-identity mode", () => {
  it("takes delete out of an export pipeline's Contributor role with an ABAC condition", () => {
    const { stack, common } = setup();
    new ExportPipeline(stack, "Export", { ...common, pipelineName: "exportPipeline" });
    expect(roleAssignments(stack)).toEqual([
      expect.objectContaining({
        role_definition_name: "Storage Blob Data Contributor",
        // Pinned as text: a change of the condition must show up here.
        condition:
          "((!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'})))",
        condition_version: "2.0",
      }),
    ]);
  });

  it("keeps delete when the same identity also imports with DeleteSourceBlobOnSuccess", () => {
    const { stack, common } = setup();
    new ExportPipeline(stack, "Export", { ...common, pipelineName: "exportPipeline" });
    new ImportPipeline(stack, "Import", {
      ...common,
      pipelineName: "importPipeline",
      options: [ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS],
    });
    const [assignment, ...rest] = roleAssignments(stack);
    expect(rest).toEqual([]);
    expect(assignment.role_definition_name).toBe("Storage Blob Data Contributor");
    expect(assignment.condition).toBeUndefined();
    expect(assignment.condition_version).toBeUndefined();
  });

  it("leaves the condition off when asked, and refuses it where delete is needed", () => {
    const { stack, common } = setup();
    new ExportPipeline(stack, "Export", {
      ...common,
      pipelineName: "exportPipeline",
      denyBlobDelete: false,
    });
    expect(roleAssignments(stack)[0].condition).toBeUndefined();
    expect(
      () =>
        new ImportPipeline(stack, "Import", {
          ...common,
          pipelineName: "importPipeline",
          options: [ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS],
          denyBlobDelete: true,
        }),
    ).toThrow(
      "lp/Import: denyBlobDelete true takes blob delete away, but DeleteSourceBlobOnSuccess deletes the source blob. rule: an import pipeline with DeleteSourceBlobOnSuccess needs delete on its container. fix: leave denyBlobDelete unset, or drop DeleteSourceBlobOnSuccess.",
    );
  });
});

describe("containers given by URL and account", () => {
  it("refuses a URL in another storage account than the one given", () => {
    const stack = new TerraformStack(Testing.app(), "lp");
    expect(() =>
      TransferContainer.fromUrl(
        stack,
        "Blobs",
        "https://otheraccount.blob.core.windows.net/transfer",
        {
          storageAccount: testAccount(stack),
        },
      ),
    ).toThrow(
      'lp/Blobs: url "https://otheraccount.blob.core.windows.net/transfer" is in the storage account "otheraccount", but storageAccount is "accountname". rule: a container\'s URL and its storageAccount name the same account. fix: pass the account "otheraccount" as storageAccount, or the URL of a container in "accountname".',
    );
  });
});

describe("access policies on vaults with other secrets", () => {
  /** Warnings on the stack's constructs after synth (the check runs as an aspect). */
  function warnings(stack: TerraformStack): string[] {
    synthJson(stack);
    return stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === "@cdktf/warn")
      .map((m) => String(m.data))
      .filter((w) => w.startsWith("[AcrTransfer-VaultWideRead] this access policy"));
  }

  function sasPipeline(
    stack: TerraformStack,
    vault: ReturnType<typeof KeyVaultRef.fromKeyVaultId>,
    extraSecret = false,
  ) {
    const token = (name: string) =>
      SasToken.fromVariable(
        new TerraformVariable(stack, name, { type: "string", sensitive: true }),
        1,
      );
    const secret = new SasTokenSecret(stack, "Secret", {
      keyVault: vault,
      secretName: "export-sas",
      token: token("sas"),
    });
    if (extraSecret) {
      new SasTokenSecret(stack, "Other", {
        keyVault: vault,
        secretName: "other-sas",
        token: token("other"),
      });
    }
    new ExportPipeline(stack, "Export", {
      registry: testRegistry(stack),
      pipelineName: "exportPipeline",
      container: TransferContainer.fromUrl(stack, "Blobs", ids.CONTAINER_URL),
      storageAccess: StorageAccess.sasToken(secret),
    });
  }

  it("warns when the vault's contents are unknown (referred to by ID)", () => {
    const stack = new TerraformStack(Testing.app(), "av");
    sasPipeline(
      stack,
      KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
        accessModel: KeyVaultAccessModel.ACCESS_POLICY,
      }),
    );
    expect(warnings(stack)).toEqual([
      `[AcrTransfer-VaultWideRead] this access policy gives its principal Get on every secret in ${ids.VAULT_ID}, not only the SAS token it needs: ` +
        "the vault is not marked dedicatedToTransfer, so other secrets may be in it or be written to it later. " +
        "Grant on the one secret instead: use an RBAC vault (KeyVaultAccessModel.RBAC; the library then assigns Key Vault Secrets User " +
        "on the secret alone), or keep this vault for transfer secrets only and mark it with dedicatedToTransfer: true and a dedicationReason. " +
        'To accept it here: TransferSuppressions.add(construct, "AcrTransfer-VaultWideRead", "<reason>")',
    ]);
  });

  it("warns when the vault holds another secret of the app, even when dedicated", () => {
    const stack = new TerraformStack(Testing.app(), "av");
    const vault = KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
      accessModel: KeyVaultAccessModel.ACCESS_POLICY,
      dedicatedToTransfer: true,
      dedicationReason: "transfer-only vault, Azure Policy denies other secrets",
    });
    sasPipeline(stack, vault, true);
    expect(warnings(stack)).toEqual([
      expect.stringContaining(
        "the vault also holds 1 other secret(s) of this app: av/Other. Grant on the one secret instead",
      ),
    ]);
  });

  it("names five other secrets and counts the rest, so a big vault's warnings stay short", () => {
    const stack = new TerraformStack(Testing.app(), "av");
    const vault = KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
      accessModel: KeyVaultAccessModel.ACCESS_POLICY,
      dedicatedToTransfer: true,
      dedicationReason: "transfer-only vault, Azure Policy denies other secrets",
    });
    for (let i = 0; i < 7; i++) {
      SasTokenSecret.fromSecretUri(stack, `More${i}`, `${ids.EXPORT_SECRET_URI}more${i}`, {
        keyVault: vault,
      });
    }
    sasPipeline(stack, vault);
    expect(warnings(stack)).toEqual([
      expect.stringContaining(
        "the vault also holds 7 other secret(s) of this app: " +
          [0, 1, 2, 3, 4].map((i) => `myvault/acrexportsasmore${i}`).join(", ") +
          " and 2 more. Grant on the one secret instead",
      ),
    ]);
  });

  it("is quiet for a dedicated vault and for RBAC vaults", () => {
    const dedicated = new TerraformStack(Testing.app(), "av");
    sasPipeline(
      dedicated,
      KeyVaultRef.fromKeyVaultId(dedicated, "Vault", ids.VAULT_ID, {
        accessModel: KeyVaultAccessModel.ACCESS_POLICY,
        dedicatedToTransfer: true,
        dedicationReason: "transfer-only vault, Azure Policy denies other secrets",
      }),
    );
    expect(warnings(dedicated)).toEqual([]);
    const rbac = new TerraformStack(Testing.app(), "av");
    sasPipeline(
      rbac,
      KeyVaultRef.fromKeyVaultId(rbac, "Vault", ids.VAULT_ID, {
        accessModel: KeyVaultAccessModel.RBAC,
      }),
      true,
    );
    expect(warnings(rbac)).toEqual([]);
  });

  it.each([
    ["first", true],
    ["last", false],
  ])(
    "takes the vault as dedicated when one of its references says so, declared %s",
    (_order, dedicatedFirst) => {
      const stack = new TerraformStack(Testing.app(), "av");
      const identity = PipelineIdentity.userAssigned(
        UserIdentity.fromIdentityId(stack, "Identity", ids.IDENTITY_ID, {
          principalId: "11111111-1111-1111-1111-111111111111",
          tenantId: "22222222-2222-2222-2222-222222222222",
        }),
      );
      const dedicated = () =>
        SasTokenSecret.fromSecretUri(stack, "Dedicated", ids.EXPORT_SECRET_URI, {
          keyVault: KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
            accessModel: KeyVaultAccessModel.ACCESS_POLICY,
            dedicatedToTransfer: true,
            dedicationReason: "transfer-only vault, Azure Policy denies other secrets",
          }),
        });
      const unmarked = () =>
        SasTokenSecret.fromSecretResourceId(stack, "ById", `${ids.VAULT_ID}/secrets/other-sas`, {
          accessModel: KeyVaultAccessModel.ACCESS_POLICY,
        });
      const secrets = dedicatedFirst ? [dedicated(), unmarked()] : [unmarked(), dedicated()];
      const registry = testRegistry(stack);
      const container = TransferContainer.fromUrl(stack, "Blobs", ids.CONTAINER_URL);
      secrets.forEach((secret, i) => {
        new ExportPipeline(stack, `Export${i}`, {
          registry,
          pipelineName: `exportPipeline${i}`,
          container,
          storageAccess: StorageAccess.sasToken(secret),
          identity,
        });
      });
      expect(warnings(stack)).toEqual([]);
    },
  );

  it("counts every azurerm_key_vault_secret of the app in the vault, not only the library's", () => {
    const stack = new TerraformStack(Testing.app(), "av");
    const kv = new KeyVault(stack, "Kv", {
      name: "appvault",
      resourceGroupName: "rg",
      location: "eastus",
      skuName: "standard",
      tenantId: ids.SUBSCRIPTION,
    });
    const vault = KeyVaultRef.fromKeyVault(kv, {
      dedicatedToTransfer: true,
      dedicationReason: "transfer-only vault, Azure Policy denies other secrets",
    });
    new KeyVaultSecret(stack, "DbPassword", {
      name: "db-admin-password",
      keyVaultId: kv.id,
      valueWo: "${var.db_password}",
      valueWoVersion: 1,
    });
    sasPipeline(stack, vault as ReturnType<typeof KeyVaultRef.fromKeyVaultId>);
    expect(warnings(stack)).toEqual([
      "[AcrTransfer-VaultWideRead] this access policy gives its principal Get on every secret in ${azurerm_key_vault.Kv.id}, not only the SAS token it needs: " +
        'the vault also holds 1 other secret(s) of this app: "db-admin-password" (av/DbPassword). ' +
        "Grant on the one secret instead: use an RBAC vault (KeyVaultAccessModel.RBAC; the library then assigns Key Vault Secrets User " +
        "on the secret alone), or keep this vault for transfer secrets only and mark it with dedicatedToTransfer: true and a dedicationReason. " +
        'To accept it here: TransferSuppressions.add(construct, "AcrTransfer-VaultWideRead", "<reason>")',
    ]);
  });

  it("does not assume a vault declared in the app is dedicated", () => {
    const stack = new TerraformStack(Testing.app(), "av");
    const kv = new KeyVault(stack, "Kv", {
      name: "appvault",
      resourceGroupName: "rg",
      location: "eastus",
      skuName: "standard",
      tenantId: ids.SUBSCRIPTION,
    });
    sasPipeline(
      stack,
      KeyVaultRef.fromKeyVault(kv) as ReturnType<typeof KeyVaultRef.fromKeyVaultId>,
    );
    expect(warnings(stack)).toEqual([
      expect.stringContaining("the vault is not marked dedicatedToTransfer"),
    ]);
  });

  it.each([
    [
      undefined,
      "av/Vault: dedicationReason is not set. rule: a vault marked dedicatedToTransfer, which silences the warning that an access policy reads every secret of it, carries a reason.",
    ],
    [
      "\u200b".repeat(12),
      "has 0 visible characters (of 12), fewer than 10. rule: a vault marked dedicatedToTransfer carries a reason of at least 10 visible characters",
    ],
  ])("refuses a vault marked dedicated with reason %j", (reason, message) => {
    const stack = new TerraformStack(Testing.app(), "av");
    expect(() =>
      KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
        accessModel: KeyVaultAccessModel.ACCESS_POLICY,
        dedicatedToTransfer: true,
        dedicationReason: reason,
      }),
    ).toThrow(message);
  });
});

describe("the import trust boundary", () => {
  function importWarnings(options: ImportOption[], sourceTriggerEnabled?: boolean): string[] {
    const { stack, common } = setup();
    const pipeline = new ImportPipeline(stack, "Import", {
      ...common,
      pipelineName: "importPipeline",
      options,
      sourceTriggerEnabled,
    });
    synthJson(stack);
    return pipeline.node.metadata
      .filter((m) => m.type === "@cdktf/warn")
      .map((m) => String(m.data));
  }

  it("warns when the source trigger may overwrite tags", () => {
    expect(importWarnings([ImportOption.OVERWRITE_TAGS])).toEqual([
      expect.stringMatching(
        /^\[AcrTransfer-SourceTriggerOverwriteTags\] the source trigger imports every blob .* anyone who can write to the container can replace this registry's tags/,
      ),
    ]);
  });

  it("is quiet with the trigger off, or without OverwriteTags", () => {
    expect(importWarnings([ImportOption.OVERWRITE_TAGS], false)).toEqual([]);
    expect(importWarnings([])).toEqual([]);
  });
});

describe("storage roles the library does not know", () => {
  it("refuses a custom role without a reason, and notes the reason when given", () => {
    const { stack, common } = setup();
    expect(
      () =>
        new ExportPipeline(stack, "Export", {
          ...common,
          pipelineName: "exportPipeline",
          storageRoleName: "Contoso Blob Writer",
        }),
    ).toThrow(
      'lp/Export: storageRoleName "Contoso Blob Writer" is not a Storage Blob Data role the library knows. rule: the pipeline\'s identity gets a Storage Blob Data role on its one container; another role may grant more, or nothing. fix: use "Storage Blob Data Contributor" or "Storage Blob Data Reader", or say why this custom role is right with customStorageRoleReason.',
    );
    const pipeline = new ExportPipeline(stack, "Export2", {
      ...common,
      pipelineName: "exportPipeline2",
      storageRoleName: "Contoso Blob Writer",
      customStorageRoleReason: "write and list only, no delete; defined by the platform team",
    });
    const infos = pipeline.node.metadata.filter((m) => m.type === "@cdktf/info").map((m) => m.data);
    expect(infos).toContain(
      'storage role "Contoso Blob Writer": write and list only, no delete; defined by the platform team',
    );
  });
});
