import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  ExportOption,
  ExportPipeline,
  ExportPipelineRun,
  PipelineIdentity,
  RegistryRef,
  RelativeLocalBackend,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
} from "../../lib";
import { ResourceType, exampleResourceId } from "../shared/azure-ids";
import { addProviders } from "../shared/providers";
import { addRunOutputs } from "../shared/run-outputs";
import { MI_BLOB_NAME, MI_SOURCE_RESOURCE_GROUP } from "./config";

const RG = MI_SOURCE_RESOURCE_GROUP;

/**
 * Export without Key Vault or SAS: the pipeline's system-assigned identity gets Storage Blob
 * Data Contributor on its one container.
 */
export class ManagedIdentitySourceStack extends TerraformStack {
  /** The export pipeline. */
  public readonly exportPipeline: ExportPipeline;

  /** Declares the container, the pipeline, its role assignment and a run. */
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new RelativeLocalBackend(this);
    addProviders(this);
    const registry = RegistryRef.fromRegistryId(
      this,
      "Registry",
      exampleResourceId(RG, ResourceType.REGISTRY, "fabrikambuildacr"),
      { location: "eastus" },
    );
    // A container whose storage account is known, so the role can be scoped to the container.
    const container = new TransferContainer(this, "Container", {
      storageAccount: StorageAccountRef.fromStorageAccountId(
        this,
        "StorageAccount",
        exampleResourceId(RG, ResourceType.STORAGE_ACCOUNT, "fabrikambuildxfer"),
      ),
      containerName: "export",
    });
    this.exportPipeline = new ExportPipeline(this, "ExportPipeline", {
      registry,
      pipelineName: "exportBaseImages",
      container,
      storageAccess: StorageAccess.managedIdentity(),
      identity: PipelineIdentity.systemAssigned(),
      options: [ExportOption.OVERWRITE_BLOBS],
    });
    const run = new ExportPipelineRun(this, "ExportRun", {
      pipeline: this.exportPipeline,
      runName: "baseimages202611",
      blobName: MI_BLOB_NAME,
      artifacts: ["base/dotnet-runtime:8.0", "base/python:3.12-slim"],
    });
    addRunOutputs(this, "export_run", run);
  }
}
