import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  ImportOption,
  ImportPipeline,
  RelativeLocalBackend,
  StorageAccess,
  TransferContainer,
  TransferSuppressions,
  TransferWarningIds,
} from "../../lib";
import { ResourceType } from "../shared/azure-ids";
import { addProviders } from "../shared/providers";
import { CONTOSO, FABRIKAM, TRANSFER_BLOB_NAME, sideResourceId } from "./config";
import { addTenantCopyOutput } from "./copy-between-tenants";
import { TenantSideResources } from "./tenant-side";

/** Fabrikam's tenant: imports the copied blob as soon as it lands (source trigger). */
export class CrossTenantTargetStack extends TerraformStack {
  /** The import pipeline. */
  public readonly importPipeline: ImportPipeline;

  /** Declares the import side through providers aliased `fabrikam`, and the copy command. */
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new RelativeLocalBackend(this);
    const providers = addProviders(this, {
      alias: FABRIKAM.alias,
      tenantId: FABRIKAM.tenantId,
      subscriptionId: FABRIKAM.subscriptionId,
    });
    const side = new TenantSideResources(this, "Fabrikam", {
      side: FABRIKAM,
      providers,
      sasVariableName: "fabrikam_import_sas_token",
      sasUsage: "for Fabrikam's inbound container (read, list, delete; HTTPS only)",
      secretName: "acrimportsas",
    });
    this.importPipeline = new ImportPipeline(this, "ImportPipeline", {
      registry: side.registry,
      pipelineName: "importFromContoso",
      container: side.container,
      storageAccess: StorageAccess.sasToken(side.secret),
      identity: side.identity,
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
      "only the upload of blob_copy_command, signed in to Fabrikam's tenant, writes to the " +
        "inbound container; the import SAS token reads, lists and deletes, but cannot write",
    );
    addTenantCopyOutput(this, {
      // Contoso's container is made by the other stack, in the other tenant; its ID gives its URL
      // without a cross-stack reference, and declares nothing here.
      from: {
        container: TransferContainer.fromContainerResourceId(
          this,
          "ContosoContainer",
          `${sideResourceId(CONTOSO, ResourceType.STORAGE_ACCOUNT, CONTOSO.storageAccountName)}/blobServices/default/containers/${CONTOSO.containerName}`,
        ),
        side: CONTOSO,
      },
      to: { container: side.container, side: FABRIKAM },
      blobName: TRANSFER_BLOB_NAME,
    });
  }
}
