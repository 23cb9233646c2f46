import { ITerraformDependable, Token } from "cdktf";
import { Construct } from "constructs";
import { DEFAULT_TRANSFER_API_VERSION } from "../arm/api-versions";
import { AzureCloud } from "../arm/clouds";
import { PipelineStorageBody } from "../arm/bodies";
import { checkTransferName } from "../arm/names";
import { TransferSide, optionsRule } from "../arm/options";
import { USER_ASSIGNED_IDENTITY_ID, resourceIdRule } from "../arm/resource-ids";
import { azapiType } from "../arm/resource-types";
import { StorageAccessMode } from "../arm/storage-access-mode";
import { AzapiResource } from "../azapi/resource";
import { azapiSchemaSettings } from "../azapi/schema-settings";
import { GrantPrincipal } from "../grants/principal";
import { keyOf } from "../private/keys";
import { Ledger } from "../private/ledger";
import { ITransferContainer } from "../references/transfer-container";
import { check, expectShape, fail } from "../validation/check";
import { failOn } from "../validation/finding";
import { literalApiVersion } from "../validation/literal-api-version";
import { PipelineBase } from "./pipeline-base";
import { PipelineIdentity } from "./pipeline-identity";
import { checkPipelineProps, pipelineLocation, storageSecret } from "./pipeline-props";
import { pipelineGrants } from "./pipeline-grants";
import { blobDeleteFinding, cloudFinding } from "./pipeline-rules";
import { TransferPipelineProps } from "./transfer-pipeline-props";

/**
 * The shared part of export and import pipelines: it checks the props, declares the azapi
 * resource and grants the acting identity what its storage access mode needs. Each side says
 * what differs through the protected abstract methods.
 */
export abstract class TransferPipelineBase extends PipelineBase {
  /** Pipeline name. */
  public readonly pipelineName: string;
  /** ARM resource ID of the registry. */
  public readonly registryId: string;
  /**
   * A stable key of the registry.
   * @default derived from registryId
   */
  public readonly registryKey?: string;
  /** The api-version in use. */
  public readonly apiVersion: string;
  /** Export or import. */
  public readonly side: TransferSide;
  /** Principal (object) ID of the identity that acts for the pipeline. */
  public readonly principalId: string;
  /** Tenant of that identity. */
  public readonly principalTenantId: string;
  /** The identity that acts for the pipeline, to grant it access to more targets. */
  public readonly grantPrincipal: GrantPrincipal;
  /** Access policies and role assignments the pipeline's runs wait for. */
  public readonly grants: ITerraformDependable[];
  /** The container the pipeline uses. */
  public readonly container: ITransferContainer;
  /** The storage access mode. */
  public readonly storageAccessMode: StorageAccessMode;
  /** The azapi resource. */
  public readonly resource: AzapiResource;

  /** Checks the props, declares the pipeline and its grants. */
  protected constructor(
    scope: Construct,
    id: string,
    props: TransferPipelineProps,
    side: TransferSide,
    resourceType: string,
  ) {
    super(scope, id);
    this.side = side;
    checkPipelineProps(this, props);
    this.pipelineName = check(this, "pipelineName", props.pipelineName, checkTransferName);
    this.apiVersion = literalApiVersion(this, props.apiVersion ?? DEFAULT_TRANSFER_API_VERSION);
    const options = this.sideOptions(props);
    expectShape(this, "options", options, "list");
    check(this, "options", options, optionsRule(side));
    const location = pipelineLocation(this, props);
    const identity = props.identity ?? PipelineIdentity.systemAssigned();
    if (identity.userIdentity) {
      check(
        this,
        "identity",
        identity.userIdentity.identityId,
        resourceIdRule(USER_ASSIGNED_IDENTITY_ID),
      );
    }
    const needsDelete = this.needsDelete(props);
    const secret = storageSecret(this, props, this.apiVersion, needsDelete);
    failOn(this, blobDeleteFinding(props.denyBlobDelete, needsDelete));
    this.checkClouds(location, props, secret?.cloud, secret?.secretUri);
    this.registryId = props.registry.registryId;
    this.registryKey = keyOf(this, props.registry.registryKey, props.registry.registryId);
    this.claimName(this.registryKey);

    this.container = props.container;
    this.storageAccessMode = props.storageAccess.mode;
    const type = azapiType(resourceType, this.apiVersion);
    this.resource = new AzapiResource(this, "Resource", {
      type,
      name: this.pipelineName,
      parentId: props.registry.registryId,
      location,
      identity: {
        type: identity.type,
        identityIds: identity.userIdentity ? [identity.userIdentity.identityId] : undefined,
      },
      body: this.pipelineBody(props, {
        uri: props.container.containerUrl,
        mode: props.storageAccess.mode,
        keyVaultUri: secret?.secretUri,
        apiVersion: this.apiVersion,
      }),
      provider: props.provider,
      ...azapiSchemaSettings(this, type),
    });

    this.grantPrincipal = identity._actingPrincipal(this, this.resource);
    this.principalId = this.grantPrincipal.principalId;
    this.principalTenantId = this.grantPrincipal.tenantId;
    const role = this.sideStorageRole(props);
    this.grants = pipelineGrants(this, props, secret, role, needsDelete).flatMap(
      (grant) => grant.dependables,
    );
  }

  /** ARM resource ID of the pipeline. */
  public get pipelineId(): string {
    return this.resource.id;
  }

  /** The side's options, as given (checked against the side by the base). */
  protected abstract sideOptions(props: TransferPipelineProps): string[];

  /** Whether the container will need delete permission (import with DeleteSourceBlobOnSuccess). */
  protected abstract needsDelete(props: TransferPipelineProps): boolean;

  /** Storage role for managed-identity mode, when the user sets none. */
  protected abstract defaultStorageRole(props: TransferPipelineProps): string;

  /** The side's body, from the checked storage settings. */
  protected abstract pipelineBody(
    props: TransferPipelineProps,
    storage: PipelineStorageBody,
  ): { [key: string]: unknown };

  private sideStorageRole(props: TransferPipelineProps): string {
    return props.storageRoleName ?? this.defaultStorageRole(props);
  }

  private checkClouds(
    location: string,
    props: TransferPipelineProps,
    secretCloud: AzureCloud | undefined,
    secretUri: string | undefined,
  ): void {
    if (Token.isUnresolved(location)) return;
    failOn(
      this,
      cloudFinding({
        location,
        containerCloud: props.container.cloud,
        containerUrl: props.container.containerUrl,
        secretCloud,
        secretUri,
      }),
    );
  }

  private claimName(registryKey: string): void {
    if (Token.isUnresolved(this.pipelineName)) return;
    const key = `name|${this.side}Pipelines|${registryKey}|${this.pipelineName.toLowerCase()}`;
    const first = Ledger.of(this).claim(Ledger.stackKey(this, key), this);
    if (first) {
      fail(this, "pipelineName", this.pipelineName, {
        problem: `is already used in the same registry by ${first}`,
        rule: `${this.side} pipeline names are unique per registry (ARM names ignore case)`,
        fix: "give one of the pipelines another name",
      });
    }
  }
}
