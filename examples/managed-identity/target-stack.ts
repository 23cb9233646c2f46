import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  ImportOption,
  ImportPipeline,
  PipelineIdentity,
  RegistryRef,
  RelativeLocalBackend,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
  TransferSuppressions,
  TransferWarningIds,
  UserIdentity,
} from "../../lib";
import { ResourceType, exampleResourceId } from "../shared/azure-ids";
import { addProviders } from "../shared/providers";
import { MI_TARGET_RESOURCE_GROUP } from "./config";

const RG = MI_TARGET_RESOURCE_GROUP;
const LOCATION = "westus2";

/**
 * Import without Key Vault or SAS, as a user-assigned identity made here: it gets Storage Blob
 * Data Reader on its one container (read and list are all an import needs without
 * DeleteSourceBlobOnSuccess).
 */
export class ManagedIdentityTargetStack extends TerraformStack {
  /** The import pipeline. */
  public readonly importPipeline: ImportPipeline;

  /** Declares the identity, the container, the pipeline and its role assignment. */
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new RelativeLocalBackend(this);
    addProviders(this);
    const identity = new UserAssignedIdentity(this, "TransferIdentity", {
      name: "id-acr-transfer-import",
      resourceGroupName: RG,
      location: LOCATION,
    });
    const registry = RegistryRef.fromRegistryId(
      this,
      "Registry",
      exampleResourceId(RG, ResourceType.REGISTRY, "fabrikamprodacr"),
      { location: LOCATION },
    );
    const container = new TransferContainer(this, "Container", {
      storageAccount: StorageAccountRef.fromStorageAccountId(
        this,
        "StorageAccount",
        exampleResourceId(RG, ResourceType.STORAGE_ACCOUNT, "fabrikamprodxfer"),
      ),
      containerName: "import",
    });
    this.importPipeline = new ImportPipeline(this, "ImportPipeline", {
      registry,
      pipelineName: "importBaseImages",
      container,
      storageAccess: StorageAccess.managedIdentity(),
      identity: PipelineIdentity.userAssigned(UserIdentity.fromUserAssignedIdentity(identity)),
      options: [ImportOption.OVERWRITE_TAGS],
      sourceTriggerEnabled: true,
    });
    // Whoever writes to the container can replace tags through the trigger: accepted, because
    // only the operator's signed-in azcopy upload writes there.
    TransferSuppressions.add(
      this.importPipeline,
      TransferWarningIds.SOURCE_TRIGGER_OVERWRITE_TAGS,
      "only the operator's azcopy upload (after azcopy login) writes to the import container; " +
        "the pipeline's identity holds Storage Blob Data Reader on it and cannot write",
    );
  }
}
