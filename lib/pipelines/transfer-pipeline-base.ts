import { inform } from "../private/annotations";
import { ITerraformDependable, TerraformResource, TerraformStack, Token } from "../core/cdk";
import { Construct } from "constructs";
import { DEFAULT_TRANSFER_API_VERSION } from "../arm/api-versions";
import { PipelineStorageBody } from "../arm/bodies";
import { checkTransferName } from "../arm/names";
import { TransferSide, optionsRule } from "../arm/options";
import { azapiType } from "../arm/resource-types";
import { StorageAccessMode } from "../arm/storage-access-mode";
import { AzapiResource } from "../azapi/resource";
import { azapiSchemaSettings } from "../azapi/schema-settings";
import { GrantPrincipal } from "../grants/principal";
import { keyOf, shownRef } from "../private/keys";
import { NameKind, claimName } from "../private/ledger";
import { DeployerRegistration } from "../deployer/stack-registration";
import { watchPipelineNetwork } from "./network-check";
import { ITransferContainer } from "../containers/transfer-container";
import { refusePolicyPacksAboveStack } from "../private/app-aspects";
import { check, expectShape, fail } from "../validation/check";
import { failOn } from "../validation/finding";
import { literalApiVersion } from "../validation/literal-api-version";
import { PipelineBase } from "./pipeline-base";
import {
  checkPipelineProps,
  pipelineIdentity,
  pipelineLocation,
  storageSecret,
} from "./pipeline-props";
import { pipelineGrants } from "./pipeline-grants";
import { blobDeleteFinding, customExportRoleFinding, storageRoleFinding } from "./prop-rules";
import { ProviderRole, cloudFinding, providerCloudFinding } from "./cloud-rules";
import {
  AZAPI_PROVIDER_TYPE,
  AZURERM_PROVIDER_TYPE,
  environmentIsToken,
  providerEnvironment,
  providerOf,
} from "../private/provider-cloud";
import { cloudDefaulted } from "../private/defaulted-cloud";
import { ISasTokenSecret } from "../secrets/secret";
import { TransferValidationError } from "../validation/error";
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
  /**
   * The pipeline's Terraform resource (an `AzapiResource` of `cdktf-acr-transfer/azapi`), for
   * escape hatches such as `addOverride`.
   */
  public readonly resource: TerraformResource;
  private readonly azapi: AzapiResource;

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
    const identity = pipelineIdentity(this, props);
    const needsDelete = this.needsDelete(props);
    const secret = storageSecret(this, props, this.apiVersion, needsDelete);
    failOn(this, blobDeleteFinding(props.denyBlobDelete, needsDelete));
    expectShape(this, "customExportRole", props.customExportRole, "boolean", false);
    if (props.customExportRole === true) {
      failOn(
        this,
        customExportRoleFinding({
          side,
          sasToken: secret !== undefined,
          storageRoleName: props.storageRoleName,
          denyBlobDelete: props.denyBlobDelete,
        }),
      );
    }
    this.checkClouds(location, props, secret);
    if (!Token.isUnresolved(location)) {
      // The stack's default provider may be declared after the pipeline: checked at synth.
      this.node.addValidation({ validate: () => this.providerCloudErrors(location, props) });
    }
    watchPipelineNetwork(this, props.container, secret);
    DeployerRegistration.of(this);
    refusePolicyPacksAboveStack(this);
    this.registryId = props.registry.registryId;
    this.registryKey = keyOf(this, props.registry.registryKey, props.registry.registryId);
    this.claimName(this.registryKey);

    this.container = props.container;
    this.storageAccessMode = props.storageAccess.mode;
    const type = azapiType(resourceType, this.apiVersion);
    this.azapi = new AzapiResource(this, "Resource", {
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
    this.resource = this.azapi;

    if (typeof props.storageRoleName === "string" && !secret) {
      const reason = props.customStorageRoleReason;
      const facts = {
        side,
        roleName: props.storageRoleName,
        needsDelete,
        customRoleReason: reason,
      };
      if (!Token.isUnresolved(facts.roleName)) failOn(this, storageRoleFinding(facts));
      if (reason) inform(this, `storage role "${facts.roleName}": ${reason}`);
    }
    this.grantPrincipal = identity._actingPrincipal(this, this.azapi);
    this.principalId = this.grantPrincipal.principalId;
    this.principalTenantId = this.grantPrincipal.tenantId;
    const role = this.sideStorageRole(props);
    this.grants = pipelineGrants(this, props, secret, role, needsDelete).flatMap(
      (grant) => grant.dependables,
    );
  }

  /** ARM resource ID of the pipeline. */
  public get pipelineId(): string {
    return this.azapi.id;
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
    secret: ISasTokenSecret | undefined,
  ): void {
    if (Token.isUnresolved(location)) return;
    const container = props.container;
    failOn(
      this,
      cloudFinding({
        location,
        containerCloud: container.cloud,
        containerUrl: shownRef(container.containerUrl, container.containerKey),
        containerCloudDefaulted: cloudDefaulted(container),
        secretCloud: secret?.cloud,
        secretUri: secret && shownRef(secret.secretUri, secret.secretKey),
        secretCloudDefaulted: cloudDefaulted(secret),
      }),
    );
  }

  /**
   * The clouds of the providers the pipeline is made through, explicit or the stack's default:
   * azapi for the pipeline, azurerm for its grants in this stack.
   */
  private providerCloudErrors(location: string, props: TransferPipelineProps): string[] {
    const ownStack = TerraformStack.of(this);
    const grantsHere = this.grants.some(
      (g) => Construct.isConstruct(g) && TerraformStack.of(g) === ownStack,
    );
    const providers = [
      { role: ProviderRole.AZAPI, provider: providerOf(this, AZAPI_PROVIDER_TYPE, props.provider) },
      {
        role: ProviderRole.AZURERM,
        provider: grantsHere
          ? providerOf(this, AZURERM_PROVIDER_TYPE, props.azurermProvider)
          : undefined,
      },
    ];
    return providers.flatMap(({ role, provider }) => {
      const environment = providerEnvironment(provider);
      if (!provider || (environment === undefined && environmentIsToken(provider))) return [];
      const finding = providerCloudFinding({
        location,
        provider: role,
        environment,
        providerPath: provider.node.path,
      });
      if (!finding) return [];
      const { subject, value, violation } = finding;
      return [new TransferValidationError(this.node.path, subject, value, violation).message];
    });
  }

  private claimName(registryKey: string): void {
    if (Token.isUnresolved(this.pipelineName)) return;
    const kind =
      this.side === TransferSide.EXPORT ? NameKind.EXPORT_PIPELINE : NameKind.IMPORT_PIPELINE;
    const first = claimName(this, kind, registryKey, this.pipelineName);
    if (first) {
      fail(this, "pipelineName", this.pipelineName, {
        problem: `is already used in the same registry by ${first}`,
        rule: `${this.side} pipeline names are unique per registry (ARM names ignore case)`,
        fix: "give one of the pipelines another name",
      });
    }
  }
}
