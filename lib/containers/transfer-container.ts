import { StorageContainer } from "../core/azurerm";
import { TerraformProvider, Token } from "../core/cdk";
import { Construct } from "constructs";
import { AzureCloud } from "../arm/clouds";
import { STORAGE_ACCOUNT_ID, resourceIdRule } from "../arm/resource-ids";
import {
  checkContainerName,
  checkContainerUrl,
  containerUrl,
  parseContainerUrl,
} from "../arm/storage";
import { idPrefix, idSegment } from "../private/token-ids";
import {
  IStorageAccountRef,
  StorageAccountRef,
  StorageAccountRefOptions,
} from "../references/storage-account";
import { check, expectProps, expectProvider, expectShape, fail } from "../validation/check";
import { failOn } from "../validation/finding";
import { keyOf } from "../private/keys";
import { NameKind, claimName } from "../private/ledger";
import { cloudDefaulted, markCloud } from "../private/defaulted-cloud";
import { accountMismatch, checkAccount, checkGrantArgs } from "./container-checks";
import { BlobAccessGrantOptions, grantContainerAccess } from "../grants/container-access";
import { GrantPrincipal } from "../grants/principal";
import { TransferGrant } from "../grants/transfer-grant";
import { DeployerRegistration } from "../deployer/stack-registration";
import { checkRetentionDays, retainBlobs, retentionRule } from "./blob-retention";

/** A blob container that export pipelines write to or import pipelines read from. */
export interface ITransferContainer {
  /** `https://<account>.blob.<suffix>/<container>`: what the pipeline body carries. */
  readonly containerUrl: string;
  /** Container name. */
  readonly containerName: string;
  /** The cloud of the blob endpoint. */
  readonly cloud: AzureCloud;
  /**
   * The storage account, when known: needed for role assignments and generated SAS tokens.
   * @default unknown (a container given only by URL)
   */
  readonly storageAccount?: IStorageAccountRef;
  /**
   * ARM ID `.../storageAccounts/<a>/blobServices/default/containers/<c>`, the scope of role
   * assignments; known when the storage account is.
   * @default unknown
   */
  readonly containerResourceId?: string;
  /**
   * A stable key that tells containers apart within one app.
   * @default derived from containerUrl
   */
  readonly containerKey?: string;

  /**
   * Gives `principal` a Storage Blob Data role on this one container, once per container,
   * principal and role; pipelines in managed-identity mode call it for their identity. A
   * container whose storage account is unknown returns an empty grant, and a warning on the
   * principal's owner says what to grant by hand.
   */
  grantBlobAccess(principal: GrantPrincipal, options: BlobAccessGrantOptions): TransferGrant;
}

/** Props of a new container. */
export interface TransferContainerProps {
  /** The existing storage account to create the container in. */
  readonly storageAccount: IStorageAccountRef;
  /** Container name: 3-63 lowercase letters, digits and single hyphens. */
  readonly containerName: string;
  /**
   * azurerm provider for the container.
   * @default the stack's default azurerm provider
   */
  readonly azurermProvider?: TerraformProvider;
  /**
   * Days after their last modification at which the container's blobs are deleted: a rule in the
   * storage account's lifecycle management policy, which the library declares once per account
   * in the app (`azurerm_storage_management_policy`, one rule per container). Exported blobs are
   * otherwise kept forever; give it more days than a transfer takes (export, copy and import).
   * @default none: blobs are kept
   */
  readonly blobRetentionDays?: number;
  /**
   * The storage account's lifecycle management policy is managed elsewhere (an account has one
   * policy): no policy is declared, and an info note at synth gives the exact rule to add to it.
   * @default false: the library declares the account's policy when blobRetentionDays is set
   */
  readonly lifecyclePolicyManagedElsewhere?: boolean;
}

/** Options for a container given by URL. */
export interface TransferContainerUrlOptions {
  /**
   * The storage account, so that role assignments and generated SAS tokens can be made.
   * @default unknown: managed-identity grants and generated tokens are then not possible
   */
  readonly storageAccount?: IStorageAccountRef;
}

/**
 * Options for a container given by ARM resource ID: those of its storage account (cloud,
 * network posture), which the container refers to by the ID's prefix.
 */
// A name of its own keeps the API stable if a container-only option comes; jsii forbids
// re-declaring the account's members, hence an empty body.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TransferContainerIdOptions extends StorageAccountRefOptions {}

const CONTAINERS_SEGMENT = "/blobServices/default/containers/";

/** A private blob container for transfer blobs: new in an existing account, or existing. */
export class TransferContainer extends Construct implements ITransferContainer {
  /** An existing container by URL, e.g. https://sourcesa.blob.core.windows.net/transfer. */
  public static fromUrl(
    scope: Construct,
    id: string,
    url: string,
    options: TransferContainerUrlOptions = {},
  ): ITransferContainer {
    const container = new ExistingContainer(scope, id, url, options?.storageAccount);
    expectShape(container, "options", options, "object", false);
    return container;
  }

  /** An existing container by ARM ID (`.../storageAccounts/<a>/blobServices/default/containers/<c>`). */
  public static fromContainerResourceId(
    scope: Construct,
    id: string,
    containerResourceId: string,
    options: TransferContainerIdOptions = {},
  ): ITransferContainer {
    const holder = new Construct(scope, id);
    expectShape(holder, "containerResourceId", containerResourceId, "string");
    expectShape(holder, "options", options, "object", false);
    const accountId = idPrefix(containerResourceId, 9);
    const name = idSegment(containerResourceId, 12);
    check(holder, "containerResourceId", containerResourceId, (value) =>
      value.toLowerCase() === `${accountId}${CONTAINERS_SEGMENT}${name}`.toLowerCase()
        ? (resourceIdRule(STORAGE_ACCOUNT_ID)(accountId) ?? checkContainerName(name))
        : {
            problem: "is not a blob container resource ID",
            rule: `<storage account ID>${CONTAINERS_SEGMENT}<container name>`,
            fix: "pass the container's ARM ID, e.g. azurerm_storage_container.id (with storage_account_id)",
          },
    );
    const account = StorageAccountRef.fromStorageAccountId(
      holder,
      "Account",
      accountId,
      options ?? {},
    );
    const container = new ExistingContainer(
      holder,
      "Container",
      containerUrl(account.accountName, name, account.cloud),
      account,
      containerResourceId,
    );
    // Its URL is built from the account's cloud, so the cloud is as given (or defaulted) there.
    return markCloud(container, cloudDefaulted(account));
  }

  public readonly containerUrl: string;
  public readonly containerName: string;
  public readonly cloud: AzureCloud;
  /** The storage account the container is made in. */
  public readonly storageAccount?: IStorageAccountRef;
  /** ARM ID of the container, the scope of role assignments. */
  public readonly containerResourceId?: string;
  /** A stable key of the container: its construct path. */
  public readonly containerKey?: string;
  /** The azurerm container resource. */
  public readonly resource: StorageContainer;

  /** Creates a private container in an existing storage account. */
  public constructor(scope: Construct, id: string, props: TransferContainerProps) {
    super(scope, id);
    DeployerRegistration.of(this);
    expectProps(this, props, "TransferContainerProps");
    checkAccount(this, props.storageAccount, true);
    expectProvider(this, "azurermProvider", props.azurermProvider);
    expectShape(this, "containerName", props.containerName, "string");
    this.containerName = check(this, "containerName", props.containerName, checkContainerName);
    this.claimContainerName(props.storageAccount);
    this.storageAccount = props.storageAccount;
    this.cloud = props.storageAccount.cloud;
    markCloud(this, cloudDefaulted(props.storageAccount));
    this.resource = new StorageContainer(this, "Resource", {
      name: props.containerName,
      storageAccountId: props.storageAccount.storageAccountId,
      containerAccessType: "private",
      provider: props.azurermProvider,
    });
    // Both refer to the container resource's name, so that whatever uses them waits for it.
    this.containerUrl = containerUrl(
      props.storageAccount.accountName,
      this.resource.name,
      this.cloud,
    );
    this.containerResourceId = `${props.storageAccount.storageAccountId}${CONTAINERS_SEGMENT}${this.resource.name}`;
    this.containerKey = this.node.path;
    this.retainBlobs(props);
  }

  /** Gives `principal` a Storage Blob Data role on this one container. */
  public grantBlobAccess(
    principal: GrantPrincipal,
    options: BlobAccessGrantOptions,
  ): TransferGrant {
    checkGrantArgs(this, principal, options);
    const target = {
      containerUrl: this.containerUrl,
      containerResourceId: this.containerResourceId,
      containerKey: this.containerKey,
      declaredBy: this,
    };
    return grantContainerAccess(target, principal, options);
  }

  /** The rule that deletes the container's blobs after blobRetentionDays, when set. */
  private retainBlobs(props: TransferContainerProps): void {
    expectShape(this, "blobRetentionDays", props.blobRetentionDays, "number", false);
    const elsewhere = props.lifecyclePolicyManagedElsewhere;
    expectShape(this, "lifecyclePolicyManagedElsewhere", elsewhere, "boolean", false);
    const days = check(this, "blobRetentionDays", props.blobRetentionDays, checkRetentionDays);
    if (days === undefined) return;
    const rule = retentionRule(this.containerName, days);
    retainBlobs(this, props.storageAccount, rule, elsewhere === true, props.azurermProvider);
  }

  /** Two containers of one name in one storage account would be one container, fought over. */
  private claimContainerName(account: IStorageAccountRef): void {
    if (Token.isUnresolved(this.containerName)) return;
    const accountKey = keyOf(this, undefined, account.storageAccountId);
    const first = claimName(this, NameKind.CONTAINER, accountKey, this.containerName);
    if (first) {
      fail(this, "containerName", this.containerName, {
        problem: `is already a container of the same storage account, made by ${first}`,
        rule: "container names are unique per storage account: two declarations would create and delete the same container",
        fix: "make the container once and pass it to every pipeline that uses it, or give one of them another name",
      });
    }
  }
}

class ExistingContainer extends Construct implements ITransferContainer {
  public readonly containerUrl: string;
  public readonly containerName: string;
  public readonly cloud: AzureCloud;
  public readonly containerResourceId?: string;
  public readonly containerKey: string;

  public constructor(
    scope: Construct,
    id: string,
    url: string,
    public readonly storageAccount?: IStorageAccountRef,
    containerResourceId?: string,
  ) {
    super(scope, id);
    expectShape(this, "url", url, "string");
    checkAccount(this, storageAccount, false);
    this.containerUrl = check(this, "url", url, checkContainerUrl);
    const parsed = Token.isUnresolved(url) ? undefined : parseContainerUrl(url);
    this.containerName = parsed?.containerName ?? idSegment(url, 3);
    this.cloud = parsed?.cloud ?? storageAccount?.cloud ?? AzureCloud.PUBLIC;
    markCloud(this, !parsed && (!storageAccount || cloudDefaulted(storageAccount)));
    this.containerResourceId =
      containerResourceId ??
      (storageAccount &&
        `${storageAccount.storageAccountId}${CONTAINERS_SEGMENT}${this.containerName}`);
    this.containerKey = parsed ? url.toLowerCase() : this.node.path;
    if (parsed && storageAccount)
      failOn(this, accountMismatch(url, parsed.accountName, storageAccount));
  }

  /** Gives `principal` a Storage Blob Data role on this one container. */
  public grantBlobAccess(
    principal: GrantPrincipal,
    options: BlobAccessGrantOptions,
  ): TransferGrant {
    checkGrantArgs(this, principal, options);
    return grantContainerAccess(this, principal, options);
  }
}
