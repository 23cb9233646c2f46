import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  BlobCopyOutput,
  ImportOption,
  ImportPipeline,
  RelativeLocalBackend,
  StorageAccess,
  TransferContainer,
  TransferSuppressions,
  TransferWarningIds,
} from "../../lib";
import { addProviders } from "../shared/providers";
import { PUBLIC_SIDE, TRANSFER_BLOB_NAME, USGOV_SIDE, containerResourceId } from "./config";
import { SideResources } from "./side-resources";

/** The US Government side: imports the copied blob as soon as it lands (source trigger). */
export class CrossCloudTargetStack extends TerraformStack {
  /** The import pipeline. */
  public readonly importPipeline: ImportPipeline;

  /** Declares the import side through providers aliased `usgov`, and the copy command. */
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new RelativeLocalBackend(this);
    const providers = addProviders(this, { cloud: USGOV_SIDE.cloud, alias: USGOV_SIDE.alias });
    const side = new SideResources(this, "UsGov", {
      side: USGOV_SIDE,
      providers,
      sasVariableName: "usgov_import_sas_token",
      sasUsage: "for the US Government container (read, list, delete; HTTPS only)",
      secretName: "acrimportsas",
    });
    this.importPipeline = new ImportPipeline(this, "ImportPipeline", {
      registry: side.registry,
      pipelineName: "importFromPublic",
      container: side.container,
      storageAccess: StorageAccess.sasToken(side.secret),
      options: [ImportOption.OVERWRITE_TAGS, ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS],
      sourceTriggerEnabled: true,
      provider: providers.azapi,
      azurermProvider: providers.azurerm,
    });
    // Whoever writes to the container can replace tags through the trigger: accepted, because
    // only the copy step writes there.
    TransferSuppressions.add(
      this.importPipeline,
      TransferWarningIds.SOURCE_TRIGGER_OVERWRITE_TAGS,
      "only the upload of blob_copy_command, signed in to US Government with azcopy login, " +
        "writes to this container; the import SAS token reads, lists and deletes, but cannot write",
    );
    new BlobCopyOutput(this, "BlobCopy", {
      // The public container is made by the source stack; referring to it by ID gives its URL
      // without a cross-stack reference (and declares nothing).
      exportContainer: TransferContainer.fromContainerResourceId(
        this,
        "PublicContainer",
        containerResourceId(PUBLIC_SIDE),
      ),
      importContainer: side.container,
      blobName: TRANSFER_BLOB_NAME,
    });
  }
}
