import { ITerraformDependable, TerraformProvider, Token } from "../core/cdk";
import { Construct } from "constructs";
import { DEFAULT_TRANSFER_API_VERSION } from "../arm/api-versions";
import { checkTransferName } from "../arm/names";
import { TransferSide } from "../arm/options";
import { REGISTRY_ID, parseResourceId } from "../arm/resource-ids";
import { EXPORT_PIPELINE_TYPE, IMPORT_PIPELINE_TYPE, azapiType } from "../arm/resource-types";
import { idPrefix, idSegment } from "../private/token-ids";
import { IExportPipeline, IImportPipeline } from "./pipeline";
import { PipelineBase } from "./pipeline-base";
import { literalApiVersion } from "../validation/literal-api-version";
import { ResourceLookup } from "../azapi/resource-lookup";
import { check, expectProvider, expectShape } from "../validation/check";

/** Options for a pipeline made elsewhere. */
export interface PipelineIdOptions {
  /**
   * The api-version its runs are sent with.
   * @default "2025-06-01-preview"
   */
  readonly apiVersion?: string;
  /**
   * Principal ID of the identity that acts for it, when you know it.
   * Pass it for pipelines with a user-assigned identity: the lookup reads the system-assigned
   * identity, which such pipelines may not have.
   * @default read at plan time from the pipeline's system-assigned identity (data.azapi_resource)
   */
  readonly principalId?: string;
  /**
   * azapi provider for the lookup.
   * @default the stack's default azapi provider
   */
  readonly provider?: TerraformProvider;
}

/** A pipeline known by ID: enough to start runs on it. No grants are made for it. */
export abstract class ExistingPipeline extends PipelineBase {
  /** ARM resource ID of the pipeline. */
  public readonly pipelineId: string;
  /** Pipeline name (from the ID). */
  public readonly pipelineName: string;
  /** ARM resource ID of its registry (from the ID). */
  public readonly registryId: string;
  /**
   * A stable key of its registry.
   * @default derived from registryId
   */
  public readonly registryKey?: string;
  /** The api-version in use. */
  public readonly apiVersion: string;
  /** Export or import. */
  public readonly side: TransferSide;
  /** Always empty: grants for pipelines made elsewhere are made elsewhere too. */
  public readonly grants: ITerraformDependable[] = [];
  private readonly lookup: ResourceLookup;
  private readonly options: PipelineIdOptions;

  /** Validates the ID (unless a token) against the side's resource type. */
  protected constructor(
    scope: Construct,
    id: string,
    pipelineId: string,
    side: TransferSide,
    resourceType: string,
    options: PipelineIdOptions,
  ) {
    super(scope, id);
    this.side = side;
    expectShape(this, "pipelineId", pipelineId, "string");
    this.options = expectShape(this, "options", options ?? {}, "object");
    expectShape(this, "principalId", this.options.principalId, "string", false);
    expectProvider(this, "provider", this.options.provider);
    const collection = resourceType.split("/").pop()!;
    this.pipelineId = check(this, "pipelineId", pipelineId, (value) => {
      const registryId = idPrefix(value, 9);
      const name = idSegment(value, 10);
      const shapeOk =
        value.split("/").length === 11 &&
        idSegment(value, 9).toLowerCase() === collection.toLowerCase() &&
        parseResourceId(registryId, REGISTRY_ID) !== undefined;
      if (!shapeOk) {
        return {
          problem: `is not an ${collection} resource ID`,
          rule: `<registry ID>/${collection}/<name>`,
          fix: `pass the pipeline's full ID, e.g. /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.ContainerRegistry/registries/<registry>/${collection}/<name>`,
        };
      }
      return checkTransferName(name);
    });
    this.apiVersion = literalApiVersion(
      this,
      this.options.apiVersion ?? DEFAULT_TRANSFER_API_VERSION,
    );
    this.pipelineName = idSegment(pipelineId, 10);
    this.registryId = idPrefix(pipelineId, 9);
    this.registryKey = Token.isUnresolved(pipelineId)
      ? this.node.path
      : this.registryId.toLowerCase();
    this.lookup = new ResourceLookup(
      this,
      azapiType(resourceType, this.apiVersion),
      pipelineId,
      { principal_id: "identity.principalId" },
      this.options.provider,
    );
  }

  /** Principal ID given in the options, else the pipeline's system-assigned identity read at plan time. */
  public get principalId(): string {
    return this.options.principalId ?? this.lookup.value("principal_id");
  }
}

/** An export pipeline known by ID. */
export class ExistingExportPipeline extends ExistingPipeline implements IExportPipeline {
  /** Same as pipelineId. */
  public readonly exportPipelineId: string;

  /** Validates the ID (unless a token) as an export pipeline ID. */
  public constructor(scope: Construct, id: string, pipelineId: string, options: PipelineIdOptions) {
    super(scope, id, pipelineId, TransferSide.EXPORT, EXPORT_PIPELINE_TYPE, options);
    this.exportPipelineId = this.pipelineId;
  }
}

/** An import pipeline known by ID. */
export class ExistingImportPipeline extends ExistingPipeline implements IImportPipeline {
  /** Same as pipelineId. */
  public readonly importPipelineId: string;

  /** Validates the ID (unless a token) as an import pipeline ID. */
  public constructor(scope: Construct, id: string, pipelineId: string, options: PipelineIdOptions) {
    super(scope, id, pipelineId, TransferSide.IMPORT, IMPORT_PIPELINE_TYPE, options);
    this.importPipelineId = this.pipelineId;
  }
}
