import { TerraformResource } from "../core/cdk";
import { Construct } from "constructs";
import { PIPELINE_RUN_TYPE, azapiType } from "../arm/resource-types";
import { AzapiResource } from "../azapi/resource";
import { azapiSchemaSettings } from "../azapi/schema-settings";
import { DeployerRegistration } from "../deployer/stack-registration";
import { refusePolicyPacksAboveStack } from "../private/app-aspects";
import { sameStackDependables } from "../private/ordering";
import { IPipelineRun, PipelineRunProps } from "./pipeline-run";
import { AUTHORIZATION_RETRY_PATTERNS, RUN_OUTPUTS } from "./run-outputs";
import { RunSideSpec, runSpec, runSpecBody } from "./run-spec";

/**
 * The shared part of export and import runs: it checks the props, then declares the azapi
 * resource. Each side hands it a plain side spec; users do not extend it.
 * @internal
 */
export abstract class PipelineRunBase extends Construct implements IPipelineRun {
  /** Run name. */
  public readonly runName: string;
  /**
   * The run's Terraform resource (an `AzapiResource` of `cdktf-acr-transfer/azapi`), for escape
   * hatches such as `addOverride`.
   */
  public readonly resource: TerraformResource;
  private readonly azapi: AzapiResource;

  /** Checks the props, then declares the run on the side's pipeline. */
  protected constructor(
    scope: Construct,
    id: string,
    props: PipelineRunProps,
    sideSpec: RunSideSpec,
  ) {
    super(scope, id);
    const spec = runSpec(this, props, sideSpec);
    this.runName = spec.name;
    const pipeline = sideSpec.pipeline;
    const waitsFor = sameStackDependables(this, [...pipeline.grants, ...spec.dependsOn]);
    const type = azapiType(PIPELINE_RUN_TYPE, pipeline.apiVersion);
    DeployerRegistration.of(this);
    refusePolicyPacksAboveStack(this);
    this.azapi = new AzapiResource(this, "Resource", {
      type,
      name: spec.name,
      parentId: pipeline.registryId,
      body: runSpecBody(spec),
      responseExportValues: { ...RUN_OUTPUTS },
      retry: { errorMessageRegex: [...AUTHORIZATION_RETRY_PATTERNS] },
      timeouts: { create: spec.timeout, update: spec.timeout },
      dependsOn: waitsFor.length > 0 ? waitsFor : undefined,
      provider: props.provider,
      ...azapiSchemaSettings(this, type),
    });
    this.resource = this.azapi;
  }

  /** ARM resource ID of the run. */
  public get runId(): string {
    return this.azapi.id;
  }

  /** The run's status ("Succeeded", "Failed", "Running"), read after apply. */
  public get runStatus(): string {
    return this.azapi.outputValue("status");
  }

  /** Progress of the copy, in percent, read after apply. */
  public get progressPercentage(): string {
    return this.azapi.outputValue("progress_percentage");
  }

  /** The artifacts the run transferred, read after apply. */
  public get importedArtifacts(): string[] {
    return this.azapi.outputList("imported_artifacts");
  }

  /** Digest of the transferred tar, read after apply. */
  public get catalogDigest(): string {
    return this.azapi.outputValue("catalog_digest");
  }

  /** When the run started, read after apply. */
  public get startTime(): string {
    return this.azapi.outputValue("start_time");
  }

  /** When the run finished, read after apply. */
  public get finishTime(): string {
    return this.azapi.outputValue("finish_time");
  }

  /** The service's error message when the run failed, read after apply. */
  public get runErrorMessage(): string {
    return this.azapi.outputValue("error_message");
  }
}
