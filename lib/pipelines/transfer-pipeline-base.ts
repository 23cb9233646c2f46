import { inform, warn } from "../private/annotations";
import { ITerraformDependable, TerraformResource, TerraformStack, Token } from "../core/cdk";
import { Construct } from "constructs";
import { TransferSide } from "../arm/options";
import { azapiType } from "../arm/resource-types";
import { StorageAccessMode } from "../arm/storage-access-mode";
import { AzapiResource } from "../azapi/resource";
import { azapiSchemaSettings } from "../azapi/schema-settings";
import { ITransferContainer } from "../containers/transfer-container";
import { DeployerRegistration } from "../deployer/stack-registration";
import { GrantPrincipal } from "../grants/principal";
import { refusePolicyPacksAboveStack } from "../private/app-aspects";
import {
  AZAPI_PROVIDER_TYPE,
  AZURERM_PROVIDER_TYPE,
  environmentIsToken,
  providerEnvironment,
  providerOf,
} from "../private/provider-cloud";
import { TransferValidationError } from "../validation/error";
import { ProviderRole, providerCloudFinding } from "./cloud-rules";
import { watchPipelineNetwork } from "./network-check";
import { PipelineBase } from "./pipeline-base";
import { pipelineGrants } from "./pipeline-grants";
import { overwriteTagsWarning } from "./prop-rules";
import { PipelineSideSpec, pipelineSpec, pipelineSpecBody } from "./pipeline-spec";
import { TransferPipelineProps } from "./transfer-pipeline-props";
import { TransferWarningIds } from "../arm/warning-ids";

/**
 * The shared part of export and import pipelines: it checks the props, declares the azapi
 * resource and grants the acting identity what its storage access mode needs. Each side hands
 * it a plain side spec; users do not extend it.
 * @internal
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

  /** Checks the props, then declares the pipeline and its grants. */
  protected constructor(
    scope: Construct,
    id: string,
    props: TransferPipelineProps,
    sideSpec: PipelineSideSpec,
  ) {
    super(scope, id);
    this.side = sideSpec.side;
    const spec = pipelineSpec(this, props, sideSpec);
    this.pipelineName = spec.name;
    this.apiVersion = spec.apiVersion;
    this.registryId = spec.registryId;
    this.registryKey = spec.registryKey;
    this.container = spec.container;
    this.storageAccessMode = spec.storage.mode;
    const secret =
      spec.storage.mode === StorageAccessMode.SAS_TOKEN ? spec.storage.secret : undefined;
    if (!Token.isUnresolved(spec.location)) {
      // The stack's default provider may be declared after the pipeline: checked at synth.
      const location = spec.location;
      this.node.addValidation({ validate: () => this.providerCloudErrors(location, props) });
    }
    watchPipelineNetwork(this, spec.container, secret);
    DeployerRegistration.of(this);
    refusePolicyPacksAboveStack(this);

    const type = azapiType(spec.resourceType, spec.apiVersion);
    this.azapi = new AzapiResource(this, "Resource", {
      type,
      name: spec.name,
      parentId: spec.registryId,
      location: spec.location,
      identity: {
        type: spec.identity.type,
        identityIds: spec.identity.userIdentity
          ? [spec.identity.userIdentity.identityId]
          : undefined,
      },
      body: pipelineSpecBody(spec),
      provider: props.provider,
      ...azapiSchemaSettings(this, type),
    });
    this.resource = this.azapi;

    const storage = spec.storage;
    if (storage.mode === StorageAccessMode.MANAGED_IDENTITY && storage.roleGiven) {
      const { roleName, customRoleReason } = storage;
      if (customRoleReason) {
        inform(this, `storage role "${roleName}": ${customRoleReason}`);
      }
    }
    this.grantPrincipal = spec.identity._actingPrincipal(this, this.azapi);
    this.principalId = this.grantPrincipal.principalId;
    this.principalTenantId = this.grantPrincipal.tenantId;
    this.grants = pipelineGrants(this, spec, props.azurermProvider).flatMap(
      (grant) => grant.dependables,
    );
    const warning = overwriteTagsWarning(spec.side, spec.sourceTriggerEnabled, spec.options);
    if (warning) warn(this, TransferWarningIds.SOURCE_TRIGGER_OVERWRITE_TAGS, warning);
  }

  /** ARM resource ID of the pipeline. */
  public get pipelineId(): string {
    return this.azapi.id;
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
}
