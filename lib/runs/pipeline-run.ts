import { ITerraformDependable, TerraformProvider, TerraformResource } from "../core/cdk";
import { IConstruct } from "constructs";

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

/** A pipeline run, export or import: its name, and what Terraform reads of it after apply. */
export interface IPipelineRun extends IConstruct {
  /** Run name. */
  readonly runName: string;
  /**
   * The run's Terraform resource (an `AzapiResource` of `cdktf-acr-transfer/azapi`), for escape
   * hatches such as `addOverride`.
   */
  readonly resource: TerraformResource;
  /** ARM resource ID of the run. */
  readonly runId: string;
  /** The run's status ("Succeeded", "Failed", "Running"), read after apply. */
  readonly runStatus: string;
  /** Progress of the copy, in percent, read after apply. */
  readonly progressPercentage: string;
  /** The artifacts the run transferred, read after apply. */
  readonly importedArtifacts: string[];
  /** Digest of the transferred tar, read after apply. */
  readonly catalogDigest: string;
  /** When the run started, read after apply. */
  readonly startTime: string;
  /** When the run finished, read after apply. */
  readonly finishTime: string;
  /** The service's error message when the run failed, read after apply. */
  readonly runErrorMessage: string;
}
