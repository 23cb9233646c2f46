import { Construct } from "constructs";
import {
  IKeyVaultRef,
  IRegistryRef,
  IStorageAccountRef,
  KeyVaultAccessModel,
  KeyVaultRef,
  RegistryRef,
  StorageAccountRef,
} from "../../lib";
import * as ids from "./ids";

/** The test registry (ids.REGISTRY_ID, in eastus) as construct "Registry". */
export function testRegistry(scope: Construct): IRegistryRef {
  return RegistryRef.fromRegistryId(scope, "Registry", ids.REGISTRY_ID, { location: "eastus" });
}

/** The test vault (ids.VAULT_ID) as construct "Vault". */
export function testVault(
  scope: Construct,
  accessModel = KeyVaultAccessModel.ACCESS_POLICY,
): IKeyVaultRef {
  return KeyVaultRef.fromKeyVaultId(scope, "Vault", ids.VAULT_ID, { accessModel });
}

/** The test storage account (ids.ACCOUNT_ID) as construct "Account". */
export function testAccount(scope: Construct): IStorageAccountRef {
  return StorageAccountRef.fromStorageAccountId(scope, "Account", ids.ACCOUNT_ID);
}
