import { DataAzurermStorageAccount, StorageAccount } from "../core/azurerm";
import { expectPosture } from "../network/posture-checks";
import { TerraformDataSource, TerraformProvider } from "../core/cdk";
import { Construct, IConstruct } from "constructs";
import { AzureCloud } from "../arm/clouds";
import { STORAGE_ACCOUNT_ID, resourceIdRule } from "../arm/resource-ids";
import { markCloud } from "../private/defaulted-cloud";
import { storageAccountPosture } from "../network/azurerm-posture";
import { NetworkPosture, NetworkRestrictionAcknowledgement } from "../network/network-posture";
import { checkAcknowledgement } from "../network/acknowledgement";
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
  /**
   * How the account admits network traffic; pipelines check at synth that ACR Transfer can
   * reach it (docs/networking.md).
   * @default unknown: not checked
   */
  readonly networkPosture?: NetworkPosture;
}

/** Options shared by every way of referring to a storage account. */
export interface StorageAccountRefOptions {
  /**
   * The cloud the account is in.
   * @default AzureCloud.PUBLIC
   */
  readonly cloud?: AzureCloud;
  /**
   * The account's network posture, as the team that manages it states it. For an account the
   * app declares, it replaces what is read from the resource (e.g. rules that Azure Policy sets).
   * @default read from the resource for `fromStorageAccount`; otherwise unknown, and not checked
   */
  readonly networkPosture?: NetworkPosture;
  /**
   * States that ACR Transfer reaches the account although its network posture turns away
   * unnamed callers, and why: the pipelines' network check then passes, and each pipeline notes
   * the reason at synth. Give it only for a path you verified with a run (docs/networking.md).
   * @default none: pipelines using a restricted account fail at synth
   */
  readonly acknowledgeNetworkRestriction?: NetworkRestrictionAcknowledgement;
}

/** Options for importing a storage account by ID. */
export interface StorageAccountIdOptions extends StorageAccountRefOptions {
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
    options: StorageAccountIdOptions = {},
  ): IStorageAccountRef {
    return new ExistingStorageAccount(scope, id, storageAccountId, options);
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
  expectPosture(account, "networkPosture", options?.networkPosture);
  const acknowledgement = checkAcknowledgement(account, options?.acknowledgeNetworkRestriction);
  return markCloud<IStorageAccountRef>(
    {
      storageAccountId: account.id,
      accountName: account.nameInput ?? account.name,
      cloud:
        expectEnum(account, "cloud", options?.cloud, AzureCloud, "AzureCloud", false) ??
        AzureCloud.PUBLIC,
      primaryConnectionString: account.primaryConnectionString,
      // Read when asked (at synth), so that rules declared after the reference count.
      get networkPosture(): NetworkPosture | undefined {
        const declared = options?.networkPosture;
        const read = isDataSource(account) ? undefined : storageAccountPosture(account);
        return (declared ?? read)?._acknowledged(acknowledgement);
      },
    },
    options?.cloud === undefined,
  );
}

/** azurerm data sources carry no settings at synth; their posture must be declared. */
function isDataSource(account: IConstruct): boolean {
  return TerraformDataSource.isTerraformDataSource(account);
}

class ExistingStorageAccount extends Construct implements IStorageAccountRef {
  public readonly storageAccountId: string;
  public readonly accountName: string;
  public readonly cloud: AzureCloud;
  public readonly networkPosture?: NetworkPosture;
  private data?: DataAzurermStorageAccount;
  private readonly options: StorageAccountIdOptions;

  public constructor(
    scope: Construct,
    id: string,
    storageAccountId: string,
    options: StorageAccountIdOptions,
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
    expectPosture(this, "networkPosture", this.options.networkPosture);
    const acknowledgement = checkAcknowledgement(this, this.options.acknowledgeNetworkRestriction);
    this.networkPosture = this.options.networkPosture?._acknowledged(acknowledgement);
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
