import { Construct } from "constructs";
import { TransferSide } from "../arm/options";
import { IImportPipeline } from "../pipelines/pipeline";
import { IExportedBlob } from "./exported-blob";
import { PipelineRunBase } from "./pipeline-run-base";
import { PipelineRunProps } from "./pipeline-run";
import { ImportRunSideSpec } from "./run-spec";

/** Props of an import run. */
export interface ImportPipelineRunProps extends PipelineRunProps {
  /** The import pipeline to run. */
  readonly pipeline: IImportPipeline;
  /** Name of the blob in the pipeline's container to import. */
  readonly blobName: string;
  /**
   * Digest of the tar to import, to make sure the blob is the one exported.
   * @default not checked
   */
  readonly catalogDigest?: string;
  /**
   * The export run whose blob this run reads: an `ExportPipelineRun`, or its blob name, artifacts
   * and rerun token given by hand when it is declared in another app. The run then follows it:
   * its `forceUpdateTag` is the export run's rerun token, this run's own one and a digest of the
   * artifacts (`followingTag`), so a change of any of them runs the import again on the next
   * apply; blobName must be the export run's; an `ExportPipelineRun` of the same stack is waited
   * for, one of another stack orders the stacks. Nothing is read from the export side's state.
   * @default none: the run re-runs only when its own props change
   */
  readonly exportRun?: IExportedBlob;
}

/** A run of an import pipeline: imports the artifacts of one blob. */
export class ImportPipelineRun extends PipelineRunBase {
  /** The import side, as the shared base takes it: plain data from the props. */
  private static sideSpec(props: ImportPipelineRunProps): ImportRunSideSpec {
    return {
      side: TransferSide.IMPORT,
      pipeline: props?.pipeline,
      blobName: props?.blobName,
      catalogDigest: props?.catalogDigest,
      exportRun: props?.exportRun,
    };
  }

  /** Declares the run; it starts when Terraform creates it and re-runs when rerunToken changes. */
  public constructor(scope: Construct, id: string, props: ImportPipelineRunProps) {
    super(scope, id, withExportRunWait(props), ImportPipelineRun.sideSpec(props));
  }
}

/** The props, waiting also for an export run that is a construct (another stack: stack order). */
function withExportRunWait(props: ImportPipelineRunProps): ImportPipelineRunProps {
  const exportRun: unknown = props?.exportRun;
  const resource = Construct.isConstruct(exportRun)
    ? (exportRun as Partial<PipelineRunBase>).resource
    : undefined;
  if (!resource || (props.dependsOn !== undefined && !Array.isArray(props.dependsOn))) return props;
  return { ...props, dependsOn: [...(props.dependsOn ?? []), resource] };
}
