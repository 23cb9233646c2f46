import { Annotations, ITerraformDependable, TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import {
  DEFAULT_TRANSFER_API_VERSION,
  STORAGE_ACCESS_MODE_API_VERSION,
  supportsStorageAccessMode,
} from "../arm/api-versions";
import { StorageAccessMode } from "../arm/storage-access-mode";
import { PipelineStorageBody } from "../arm/bodies";
import { AzureCloud, cloudOfLocation } from "../arm/clouds";
import { checkTransferName } from "../arm/names";
import { TransferSide, optionsRule } from "../arm/options";
import { USER_ASSIGNED_IDENTITY_ID, resourceIdRule } from "../arm/resource-ids";
import { azapiType } from "../arm/resource-types";
import { AzapiResource } from "../azapi/resource";
import { grantContainerAccess, grantSecretRead } from "../grants/grants";
import { PipelineIdentity, PipelineIdentityType } from "../references/identity";
import { PipelinePrincipal } from "../grants/principal";
import { IRegistry } from "../references/registry";
import { ISasTokenSecret } from "../secrets/secret";
import { stackRegistry } from "../private/stack-registry";
import { StorageAccess } from "./storage-access";
import { ITransferContainer } from "../references/transfer-container";
import { literalApiVersion } from "../validation/literal-api-version";
import { check, expectShape, fail } from "../validation/check";
import { nonEmpty } from "../validation/non-empty";

/** The newest api-version azapi 2.8 (the version constraint's floor) embeds a schema for. */
const NEWEST_API_VERSION_OF_AZAPI_2_8 = "2025-06-01-preview";

/** Props every pipeline takes. */
export interface TransferPipelineProps {
  /** The registry the pipeline belongs to. */
  readonly registry: IRegistry;
  /** Pipeline name: 5-50 letters and digits (no hyphens). */
  readonly pipelineName: string;
  /** The blob container the pipeline writes to (export) or reads from (import). */
  readonly container: ITransferContainer;
  /** How the pipeline reaches the container: StorageAccess.managedIdentity() or .sasToken(secret). */
  readonly storageAccess: StorageAccess;
  /**
   * Azure location of the pipeline.
   * @default the registry's location; required when the registry's location is unknown
   */
  readonly location?: string;
  /**
   * Managed identity of the pipeline.
   * @default PipelineIdentity.systemAssigned()
   */
  readonly identity?: PipelineIdentity;
  /**
   * Microsoft.ContainerRegistry api-version; one of TRANSFER_API_VERSIONS.
   * @default "2025-06-01-preview"
   */
  readonly apiVersion?: string;
  /**
   * Storage role granted on the container in managed-identity mode.
   * @default Storage Blob Data Contributor for export and for import with DeleteSourceBlobOnSuccess, else Storage Blob Data Reader
   */
  readonly storageRoleName?: string;
  /**
   * azapi provider (any TerraformProvider for Azure/azapi, e.g. an alias for another cloud).
   * @default the stack's default azapi provider
   */
  readonly provider?: TerraformProvider;
  /**
   * azurerm provider for the grants (access policies, role assignments).
   * @default the stack's default azurerm provider
   */
  readonly azurermProvider?: TerraformProvider;
}

/** What one side adds to the shared pipeline construction. */
export interface PipelineSideSpec {
  /** Export or import. */
  readonly side: TransferSide;
  /** ARM resource type. */
  readonly resourceType: string;
  /** The options, validated against the side. */
  readonly options: readonly string[];
  /** Storage role for managed-identity mode, when the user sets none. */
  readonly defaultStorageRole: string;
  /** Whether the container will need delete permission (import with DeleteSourceBlobOnSuccess). */
  readonly needsDelete: boolean;
  /** Builds the body from the validated storage settings. */
  readonly body: (storage: PipelineStorageBody) => Record<string, unknown>;
}

/** The shared part of export and import pipelines: validation, the azapi resource, the grants. */
export abstract class TransferPipelineBase extends Construct {
  /** Pipeline name. */
  public readonly pipelineName: string;
  /** ARM resource ID of the registry. */
  public readonly registryId: string;
  /** A stable key of the registry. */
  public readonly registryKey: string;
  /** The api-version in use. */
  public readonly apiVersion: string;
  /** Export or import. */
  public readonly side: TransferSide;
  /** Principal (object) ID of the identity that acts for the pipeline. */
  public readonly principalId: string;
  /** Tenant of that identity. */
  public readonly principalTenantId: string;
  /** Access policies and role assignments the pipeline's runs wait for. */
  public readonly grants: ITerraformDependable[];
  /** The container the pipeline uses. */
  public readonly container: ITransferContainer;
  /** The storage access mode. */
  public readonly storageAccessMode: StorageAccessMode;
  /** The azapi resource. */
  public readonly resource: AzapiResource;

  protected constructor(
    scope: Construct,
    id: string,
    props: TransferPipelineProps,
    spec: PipelineSideSpec,
  ) {
    super(scope, id);
    this.side = spec.side;
    this.checkShapes(props);
    this.pipelineName = check(this, "pipelineName", props.pipelineName, checkTransferName);
    this.apiVersion = literalApiVersion(this, props.apiVersion ?? DEFAULT_TRANSFER_API_VERSION);
    expectShape(this, "options", spec.options, "list");
    check(this, "options", spec.options, optionsRule(spec.side));
    if (this.apiVersion > NEWEST_API_VERSION_OF_AZAPI_2_8) {
      Annotations.of(this).addInfo(
        `api-version ${this.apiVersion} is known to azapi's embedded schemas from azapi 2.12 on; ` +
          "with an older azapi provider, plan fails its schema validation",
      );
    }
    const location = this.resolveLocation(props);
    const identity = props.identity ?? PipelineIdentity.systemAssigned();
    if (identity.userIdentity) {
      check(
        this,
        "identity",
        identity.userIdentity.identityId,
        resourceIdRule(USER_ASSIGNED_IDENTITY_ID),
      );
    }
    const secret = this.checkStorageAccess(props.storageAccess, spec, props.container);
    this.checkClouds(location, props.container, secret);
    this.claimName(props.registry.registryKey, spec.side);

    this.registryId = props.registry.registryId;
    this.registryKey = props.registry.registryKey;
    this.container = props.container;
    this.storageAccessMode = props.storageAccess.mode;
    this.resource = new AzapiResource(this, "Resource", {
      type: azapiType(spec.resourceType, this.apiVersion),
      name: this.pipelineName,
      parentId: props.registry.registryId,
      location,
      identity: {
        type: identity.type,
        identityIds: identity.userIdentity ? [identity.userIdentity.identityId] : undefined,
      },
      body: spec.body({
        uri: props.container.containerUrl,
        mode: props.storageAccess.mode,
        keyVaultUri: secret?.secretUri,
        apiVersion: this.apiVersion,
      }),
      provider: props.provider,
    });

    const principal = this.actingPrincipal(identity);
    this.principalId = principal.principalId;
    this.principalTenantId = principal.tenantId;
    this.grants = [this.grant(props, spec, secret, principal)].filter(
      (g): g is ITerraformDependable => g !== undefined,
    );
  }

  /** ARM resource ID of the pipeline. */
  public get pipelineId(): string {
    return this.resource.id;
  }

  /** Props the types require, checked for callers the types do not reach (JavaScript, JSON). */
  private checkShapes(props: TransferPipelineProps): void {
    expectShape(
      this,
      "registry",
      props.registry,
      "object",
      true,
      "pass Registry.fromRegistryId(...) or Registry.fromContainerRegistry(...)",
    );
    expectShape(
      this,
      "container",
      props.container,
      "object",
      true,
      "pass a TransferContainer, or TransferContainer.fromUrl(...)",
    );
    expectShape(
      this,
      "storageAccess",
      props.storageAccess,
      "object",
      true,
      "pass StorageAccess.managedIdentity() or StorageAccess.sasToken(secret)",
    );
    expectShape(this, "pipelineName", props.pipelineName, "string");
  }

  private resolveLocation(props: TransferPipelineProps): string {
    expectShape(this, "location", props.location, "string", false);
    check(
      this,
      "location",
      props.location,
      nonEmpty(
        "a pipeline's location is an Azure region name",
        "set it to the registry's region, e.g. \"eastus\", or leave it unset to use the registry's",
      ),
    );
    const location = props.location ?? props.registry.location;
    if (location === undefined) {
      fail(this, "location", undefined, {
        problem: "is not set and the registry's location is unknown",
        rule: "a pipeline has a location; it defaults to the registry's when the registry knows it",
        fix: 'set location (e.g. "eastus"), or pass Registry.fromRegistryId(..., { location })',
      });
    }
    return location;
  }

  private checkStorageAccess(
    access: StorageAccess,
    spec: PipelineSideSpec,
    container: ITransferContainer,
  ): ISasTokenSecret | undefined {
    if (access.mode === StorageAccessMode.MANAGED_IDENTITY) {
      if (!supportsStorageAccessMode(this.apiVersion)) {
        fail(this, "storageAccess", access.mode, {
          problem: `needs api-version ${STORAGE_ACCESS_MODE_API_VERSION} or later, but the pipeline uses ${this.apiVersion}`,
          rule: `storageAccessMode exists from ${STORAGE_ACCESS_MODE_API_VERSION} on; before it, SAS token mode is the only one`,
          fix: `raise apiVersion to ${STORAGE_ACCESS_MODE_API_VERSION} or later, or use StorageAccess.sasToken(secret)`,
        });
      }
      if (access.secret) {
        fail(this, "storageAccess", access.mode, {
          problem: "comes with a SAS token secret",
          rule: "managed-identity mode uses no Key Vault secret",
          fix: "drop the secret, or use StorageAccess.sasToken(secret)",
        });
      }
      return undefined;
    }
    if (access.mode !== StorageAccessMode.SAS_TOKEN) {
      fail(this, "storageAccess", access.mode, {
        problem: "is not a storage access mode",
        rule: "StorageAccessMode.MANAGED_IDENTITY or StorageAccessMode.SAS_TOKEN",
        fix: "use StorageAccess.managedIdentity() or StorageAccess.sasToken(secret)",
      });
    }
    if (!access.secret) {
      fail(this, "storageAccess", access.mode, {
        problem: "has no secret",
        rule: "SAS token mode reads the token from a Key Vault secret (keyVaultUri)",
        fix: "use StorageAccess.sasToken(secret) with a SasTokenSecret",
      });
    }
    this.checkGeneratedToken(access.secret, spec, container);
    return access.secret;
  }

  private checkGeneratedToken(
    secret: ISasTokenSecret,
    spec: PipelineSideSpec,
    container: ITransferContainer,
  ): void {
    const scope = secret.generatedFor;
    if (!scope) return;
    if (scope.side !== spec.side) {
      fail(this, "storageAccess", secret.secretKey, {
        problem: `holds a token generated for ${scope.side}, but this is an ${spec.side} pipeline`,
        rule: "export tokens allow read, add, write and list; import tokens read and list (and delete)",
        fix: `generate the token with SasToken.generateFor${spec.side === TransferSide.EXPORT ? "Export" : "Import"}`,
      });
    }
    if (scope.container.containerKey !== container.containerKey) {
      fail(this, "storageAccess", secret.secretKey, {
        problem: `holds a token generated for the container ${scope.container.containerKey}, not this pipeline's`,
        rule: "a generated SAS token is valid for the one container it was generated for",
        fix: "generate the token for the container the pipeline uses",
      });
    }
    if (spec.needsDelete && !scope.permissions.delete) {
      fail(this, "storageAccess", secret.secretKey, {
        problem: "holds a token without delete permission, but DeleteSourceBlobOnSuccess is set",
        rule: "DeleteSourceBlobOnSuccess needs delete permission on the source container",
        fix: "pass allowDelete: true to SasToken.generateForImport, or drop the option",
      });
    }
  }

  private checkClouds(
    location: string,
    container: ITransferContainer,
    secret?: ISasTokenSecret,
  ): void {
    if (Token.isUnresolved(location)) return;
    const cloud = cloudOfLocation(location);
    const mismatch = (what: string, other: AzureCloud, value: string) =>
      fail(this, what, value, {
        problem: `is in the ${other} cloud, but the pipeline's location "${location}" is in ${cloud}`,
        rule: "a pipeline, its container and its secret are in one cloud; blobs cross clouds by copy",
        fix: "use a container and vault in the registry's cloud, and copy the blob between clouds (azcopy)",
      });
    if (container.cloud !== cloud) {
      mismatch("container", container.cloud, container.containerUrl);
    }
    if (secret?.cloud && secret.cloud !== cloud)
      mismatch("storageAccess", secret.cloud, secret.secretUri);
  }

  private claimName(registryKey: string, side: TransferSide): void {
    if (Token.isUnresolved(this.pipelineName)) return;
    const names = stackRegistry(this);
    const key = `name|${side}Pipelines|${registryKey}|${this.pipelineName.toLowerCase()}`;
    const first = names.get(key) as string | undefined;
    if (first) {
      fail(this, "pipelineName", this.pipelineName, {
        problem: `is already used in the same registry by ${first}`,
        rule: `${side} pipeline names are unique per registry (ARM names ignore case)`,
        fix: "give one of the pipelines another name",
      });
    }
    names.set(key, this.node.path);
  }

  private actingPrincipal(identity: PipelineIdentity): PipelinePrincipal {
    if (identity.userIdentity && identity.type !== PipelineIdentityType.SYSTEM_ASSIGNED) {
      return {
        principalId: identity.userIdentity.principalId,
        tenantId: identity.userIdentity.tenantId,
        principalKey: identity.userIdentity.identityKey,
        shared: true,
      };
    }
    return {
      principalId: this.resource.identityPrincipalId,
      tenantId: this.resource.identityTenantId,
      principalKey: this.node.path,
      shared: false,
    };
  }

  private grant(
    props: TransferPipelineProps,
    spec: PipelineSideSpec,
    secret: ISasTokenSecret | undefined,
    principal: PipelinePrincipal,
  ): ITerraformDependable | undefined {
    if (secret) {
      if (!secret.keyVault || !secret.secretResourceId) return undefined;
      return grantSecretRead(
        this,
        {
          vault: secret.keyVault,
          secretResourceId: secret.secretResourceId,
          secretKey: secret.secretKey,
        },
        principal,
        props.azurermProvider,
      );
    }
    const container = props.container;
    if (!container.containerResourceId) {
      fail(this, "container", container.containerUrl, {
        problem: "has no known storage account, so its role assignment cannot be made",
        rule: "managed-identity mode grants the pipeline identity a Storage Blob Data role on the container",
        fix: "pass storageAccount to TransferContainer.fromUrl, or use TransferContainer.fromContainerResourceId",
      });
    }
    return grantContainerAccess(
      this,
      container.containerResourceId,
      container.containerKey,
      props.storageRoleName ?? spec.defaultStorageRole,
      principal,
      props.azurermProvider,
    );
  }
}
