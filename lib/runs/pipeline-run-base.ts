import { ITerraformDependable, TerraformProvider, TerraformResource, Token } from "../core/cdk";
import { Construct } from "constructs";
import { checkTimeout, checkRerunToken } from "../arm/durations";
import { checkTransferName } from "../arm/names";
import { TransferSide } from "../arm/options";
import { PIPELINE_RUN_TYPE, azapiType } from "../arm/resource-types";
import { AzapiResource } from "../azapi/resource";
import { azapiSchemaSettings } from "../azapi/schema-settings";
import { DeployerRegistration } from "../deployer/stack-registration";
import { refusePolicyPacksAboveStack } from "../private/app-aspects";
import { ITransferPipeline } from "../pipelines/pipeline";
import { keyOf } from "../private/keys";
import { NameKind, claimName } from "../private/ledger";
import { sameStackDependables } from "../private/ordering";
import { AUTHORIZATION_RETRY_PATTERNS, DEFAULT_RUN_TIMEOUT, RUN_OUTPUTS } from "./run-outputs";
import { check, expectProps, expectProvider, expectShape, fail } from "../validation/check";

/** Props every pipeline run takes. */
export interface PipelineRunProps {
  /** Run name: 5-50 letters and digits, unique among the registry's runs. */
  readonly runName: string;
  /**
   * Rerun token, sent as `forceUpdateTag`: a new value re-runs the run in place (PUT). Feed it
   * something that changes when you want a re-run: a date ("2026-11-26"), a CI build number.
   * @default none: the run runs once, when created
   */
  readonly rerunToken?: string;
  /**
   * How long Terraform waits for the run to finish (create and update); large transfers take
   * longer than azapi's default of 30 minutes.
   * @default "2h"
   */
  readonly timeout?: string;
  /**
   * azapi provider.
   * @default the stack's default azapi provider
   */
  readonly provider?: TerraformProvider;
  /**
   * More resources the run waits for, besides its pipeline's grants (e.g. an earlier run, to
   * start runs one after another). Ones in another stack order the stacks instead.
   * @default none: the run waits for its pipeline's grants only
   */
  readonly dependsOn?: ITerraformDependable[];
}

/** The shared part of export and import runs. */
export abstract class PipelineRunBase extends Construct {
  /** Run name. */
  public readonly runName: string;
  /**
   * The run's Terraform resource (an `AzapiResource` of `cdktf-acr-transfer/azapi`), for escape
   * hatches such as `addOverride`.
   */
  public readonly resource: TerraformResource;
  private readonly azapi: AzapiResource;

  /** Checks the props and declares the run on `pipeline`. */
  protected constructor(
    scope: Construct,
    id: string,
    props: PipelineRunProps,
    pipeline: ITransferPipeline,
    side: TransferSide,
  ) {
    super(scope, id);
    const kind = side === TransferSide.EXPORT ? "Export" : "Import";
    expectProps(this, props, `${kind}PipelineRunProps`);
    const pipelineFix = `pass an ${kind}Pipeline, or ${kind}Pipeline.fromPipelineId(...)`;
    expectShape(this, "pipeline", pipeline, "object", true, pipelineFix);
    if (!Object.values(TransferSide).includes(pipeline.side)) {
      // An untyped `{}` or another construct is shown as it is (`{}`, `<path>`).
      fail(this, "pipeline", pipeline.pipelineName ?? pipeline, {
        problem: "is not an export or import pipeline",
        rule: `an ${side} run runs an ${side} pipeline`,
        fix: pipelineFix,
      });
    }
    expectShape(this, "pipeline.pipelineId", pipeline.pipelineId, "string", true, pipelineFix);
    refuseOtherApp(this, pipeline, kind);
    if (pipeline.side !== side) {
      fail(this, "pipeline", pipeline.pipelineName, {
        problem: `is an ${pipeline.side} pipeline`,
        rule: `an ${side} run runs an ${side} pipeline`,
        fix: `use ${side === TransferSide.EXPORT ? "ImportPipelineRun" : "ExportPipelineRun"} for it`,
      });
    }
    expectShape(this, "runName", props.runName, "string");
    this.runName = check(this, "runName", props.runName, checkTransferName);
    expectShape(this, "rerunToken", props.rerunToken, "string", false);
    check(this, "rerunToken", props.rerunToken, checkRerunToken);
    expectProvider(this, "provider", props.provider);
    expectShape(this, "timeout", props.timeout, "string", false);
    const timeout = check(this, "timeout", props.timeout ?? DEFAULT_RUN_TIMEOUT, checkTimeout);
    this.validateSide(props);
    this.claimName(keyOf(this, pipeline.registryKey, pipeline.registryId));
    expectShape(this, "dependsOn", props.dependsOn, "list", false);
    const waitsFor = sameStackDependables(this, [...pipeline.grants, ...(props.dependsOn ?? [])]);
    const type = azapiType(PIPELINE_RUN_TYPE, pipeline.apiVersion);
    DeployerRegistration.of(this);
    refusePolicyPacksAboveStack(this);
    this.azapi = new AzapiResource(this, "Resource", {
      type,
      name: this.runName,
      parentId: pipeline.registryId,
      body: this.runBody(props),
      responseExportValues: { ...RUN_OUTPUTS },
      retry: { errorMessageRegex: [...AUTHORIZATION_RETRY_PATTERNS] },
      timeouts: { create: timeout, update: timeout },
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

  /** The side's own checks, run before the body is built. */
  protected abstract validateSide(props: PipelineRunProps): void;

  /** The side's body, from the checked props. */
  protected abstract runBody(props: PipelineRunProps): { [key: string]: unknown };

  private claimName(registryKey: string): void {
    if (Token.isUnresolved(this.runName)) return;
    const first = claimName(this, NameKind.PIPELINE_RUN, registryKey, this.runName);
    if (first) {
      fail(this, "runName", this.runName, {
        problem: `is already used in the same registry by ${first}`,
        rule: "pipeline run names are unique per registry, export and import runs alike",
        fix: "give one of the runs another name",
      });
    }
  }
}

/**
 * A pipeline made in another app (another `App`, so another synth and other state) cannot be
 * run by reference: this app would read an output the other app never declares. The run
 * imports it by ID instead.
 */
function refuseOtherApp(run: Construct, pipeline: ITransferPipeline, kind: string): void {
  if (!Construct.isConstruct(pipeline) || pipeline.node.root === run.node.root) return;
  fail(run, "pipeline", pipeline.node.path, {
    problem: "is a pipeline of another app",
    rule: "a run refers to a pipeline of its own app; another app's resources reach this one only by ID",
    fix: `import it by ID in this app: ${kind}Pipeline.fromPipelineId(scope, id, pipelineId), with the pipeline's ARM resource ID`,
  });
}
