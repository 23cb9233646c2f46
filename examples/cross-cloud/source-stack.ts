import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  ExportOption,
  ExportPipeline,
  ExportPipelineRun,
  RelativeLocalBackend,
  StorageAccess,
} from "../../lib";
import { addProviders } from "../shared/providers";
import { addRunOutputs } from "../shared/run-outputs";
import { PUBLIC_SIDE, TRANSFER_BLOB_NAME } from "./config";
import { SideResources } from "./side-resources";

/** The public-cloud side: exports images into a blob of a public-cloud container. */
export class CrossCloudSourceStack extends TerraformStack {
  /** The export pipeline. */
  public readonly exportPipeline: ExportPipeline;

  /** Declares the export side through providers aliased `public`. */
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new RelativeLocalBackend(this);
    const providers = addProviders(this, { cloud: PUBLIC_SIDE.cloud, alias: PUBLIC_SIDE.alias });
    const side = new SideResources(this, "Public", {
      side: PUBLIC_SIDE,
      providers,
      sasVariableName: "public_export_sas_token",
      sasUsage: "for the public-cloud container (read, add, write, list; HTTPS only)",
      secretName: "acrexportsas",
    });
    this.exportPipeline = new ExportPipeline(this, "ExportPipeline", {
      registry: side.registry,
      pipelineName: "exportToUsGov",
      container: side.container,
      storageAccess: StorageAccess.sasToken(side.secret),
      options: [ExportOption.OVERWRITE_BLOBS, ExportOption.CONTINUE_ON_ERRORS],
      provider: providers.azapi,
      azurermProvider: providers.azurerm,
    });
    const run = new ExportPipelineRun(this, "ExportRun", {
      pipeline: this.exportPipeline,
      runName: "release202611",
      blobName: TRANSFER_BLOB_NAME,
      artifacts: ["samples/hello-world:v1", "samples/nginx:v1"],
      provider: providers.azapi,
    });
    addRunOutputs(this, "export_run", run);
  }
}
