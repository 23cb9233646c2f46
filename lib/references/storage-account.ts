import { DataAzurermStorageAccount } from "@cdktf/provider-azurerm/lib/data-azurerm-storage-account";
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { AzureCloud } from "../arm/clouds";
import { STORAGE_ACCOUNT_ID, resourceIdRule } from "../arm/resource-ids";
import { markCloud } from "../private/defaulted-cloud";
import { RESOURCE_GROUP_SEGMENT, idSegment, lastSegment } from "../private/token-ids";
import {
  check,
  expectConstructOf,
  expectEnum,
  expectProvider,
  expectShape,
} from "../validation/check";

/** A storage account that holds transfer containers. */
export interface IStorageAccountRef {
  /** ARM resource ID of the account. */
  readonly storageAccountId: string;
  /** Account name. */
  readonly accountName: string;
  /** The cloud the account is in. */
  readonly cloud: AzureCloud;
  /** Primary connection string, to generate SAS tokens (read from state or a data source). */
  readonly primaryConnectionString: string;
}

/** Options shared by every way of referring to a storage account. */
export interface StorageAccountRefOptions {
  /**
   * The cloud the account is in.
   * @default AzureCloud.PUBLIC
   */
  readonly cloud?: AzureCloud;
}

/** Options for importing a storage account by ID. */
export interface StorageAccountImportOptions extends StorageAccountRefOptions {
  /**
   * azurerm provider for the connection-string lookup (only made when a SAS is generated).
   * @default the stack's default azurerm provider
   */
  readonly azurermProvider?: TerraformProvider;
}

/** Ways to refer to a storage account, owned or not. */
export class StorageAccountRef {
  /** An account defined in this app with azurerm's `StorageAccount`. */
  public static fromStorageAccount(
    account: StorageAccount,
    options: StorageAccountRefOptions = {},
  ): IStorageAccountRef {
    return accountRef("StorageAccountRef.fromStorageAccount", account, options);
  }

  /** An account read with azurerm's `DataAzurermStorageAccount`. */
  public static fromDataStorageAccount(
    account: DataAzurermStorageAccount,
    options: StorageAccountRefOptions = {},
  ): IStorageAccountRef {
    return accountRef("StorageAccountRef.fromDataStorageAccount", account, options);
  }

  /** An account made elsewhere, by ARM resource ID (validated unless it is a token). */
  public static fromStorageAccountId(
    scope: Construct,
    id: string,
    storageAccountId: string,
    options: StorageAccountImportOptions = {},
  ): IStorageAccountRef {
    return new ImportedStorageAccount(scope, id, storageAccountId, options);
  }

  private constructor() {}
}

function accountRef(
  factory: string,
  account: StorageAccount | DataAzurermStorageAccount,
  options: StorageAccountRefOptions,
): IStorageAccountRef {
  expectConstructOf(
    factory,
    "account",
    account,
    "azurerm_storage_account",
    "pass an azurerm storage account of this app, or use StorageAccountRef.fromStorageAccountId",
  );
  expectShape(account, "options", options, "object", false);
  return markCloud<IStorageAccountRef>(
    {
      storageAccountId: account.id,
      accountName: account.nameInput ?? account.name,
      cloud:
        expectEnum(account, "cloud", options?.cloud, AzureCloud, "AzureCloud", false) ??
        AzureCloud.PUBLIC,
      primaryConnectionString: account.primaryConnectionString,
    },
    options?.cloud === undefined,
  );
}

class ImportedStorageAccount extends Construct implements IStorageAccountRef {
  public readonly storageAccountId: string;
  public readonly accountName: string;
  public readonly cloud: AzureCloud;
  private data?: DataAzurermStorageAccount;
  private readonly options: StorageAccountImportOptions;

  public constructor(
    scope: Construct,
    id: string,
    storageAccountId: string,
    options: StorageAccountImportOptions,
  ) {
    super(scope, id);
    expectShape(this, "storageAccountId", storageAccountId, "string");
    this.options = expectShape(this, "options", options ?? {}, "object");
    expectProvider(this, "azurermProvider", this.options.azurermProvider);
    this.storageAccountId = check(
      this,
      "storageAccountId",
      storageAccountId,
      resourceIdRule(STORAGE_ACCOUNT_ID),
    );
    this.accountName = lastSegment(storageAccountId);
    this.cloud =
      expectEnum(this, "cloud", this.options.cloud, AzureCloud, "AzureCloud", false) ??
      AzureCloud.PUBLIC;
    markCloud(this, this.options.cloud === undefined);
  }

  /** Read with data.azurerm_storage_account, declared on first use. */
  public get primaryConnectionString(): string {
    this.data ??= new DataAzurermStorageAccount(this, "Lookup", {
      name: this.accountName,
      resourceGroupName: idSegment(this.storageAccountId, RESOURCE_GROUP_SEGMENT),
      provider: this.options.azurermProvider,
    });
    return this.data.primaryConnectionString;
  }
}
