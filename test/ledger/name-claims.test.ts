import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  KeyVaultAccessModel,
  KeyVaultRef,
  SasToken,
  SasTokenSecret,
  StorageAccountRef,
  TransferContainer,
} from "../../lib";
import * as ids from "../support/ids";

function accountIn(stack: TerraformStack) {
  const account = new StorageAccount(stack, "Sa", {
    name: "transfersa",
    resourceGroupName: "rg",
    location: "eastus",
    accountTier: "Standard",
    accountReplicationType: "LRS",
  });
  return StorageAccountRef.fromStorageAccount(account);
}

function secretIn(stack: TerraformStack, id: string, vaultId: string, secretName: string) {
  const keyVault = KeyVaultRef.fromKeyVaultId(stack, `${id}Vault`, vaultId, {
    accessModel: KeyVaultAccessModel.RBAC,
  });
  const variable = new TerraformVariable(stack, `${id}Sas`, { type: "string", sensitive: true });
  const token = SasToken.fromVariable(variable, 1);
  return new SasTokenSecret(stack, id, { keyVault, secretName, token });
}

describe("names claimed across the app", () => {
  it("lets containers of one name live in different storage accounts", () => {
    const app: App = Testing.app();
    const stack = new TerraformStack(app, "one");
    new TransferContainer(stack, "A", {
      storageAccount: StorageAccountRef.fromStorageAccountId(stack, "AccountA", ids.ACCOUNT_ID),
      containerName: "transfer",
    });
    const otherAccount = ids.ACCOUNT_ID.replace("accountname", "otheraccount");
    expect(
      () =>
        new TransferContainer(stack, "B", {
          storageAccount: StorageAccountRef.fromStorageAccountId(stack, "AccountB", otherAccount),
          containerName: "transfer",
        }),
    ).not.toThrow();
  });

  it("tells apart accounts that only the same Terraform expression names, in two stacks", () => {
    const app = Testing.app();
    for (const name of ["one", "two"]) {
      const stack = new TerraformStack(app, name);
      new TransferContainer(stack, "Container", {
        storageAccount: accountIn(stack),
        containerName: "transfer",
      });
    }
    const third = new TerraformStack(app, "three");
    const account = accountIn(third);
    new TransferContainer(third, "Container", {
      storageAccount: account,
      containerName: "transfer",
    });
    expect(
      () =>
        new TransferContainer(third, "Again", {
          storageAccount: account,
          containerName: "transfer",
        }),
    ).toThrow(/is already a container of the same storage account, made by three\/Container/);
  });

  it("lets secrets of one name live in different vaults", () => {
    const stack = new TerraformStack(Testing.app(), "one");
    secretIn(stack, "A", ids.VAULT_ID, "acrsas");
    expect(() =>
      secretIn(stack, "B", ids.VAULT_ID.replace("myvault", "othervault"), "acrsas"),
    ).not.toThrow();
    expect(() => secretIn(stack, "C", ids.VAULT_ID, "AcrSas")).toThrow(
      /secretName "AcrSas" is already a secret of the same vault, written by one\/A/,
    );
  });
});
