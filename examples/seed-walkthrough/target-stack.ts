import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  ImportOption,
  ImportPipeline,
  ImportPipelineRun,
  KeyVaultAccessModel,
  KeyVaultRef,
  PipelineIdentity,
  RegistryRef,
  RelativeLocalBackend,
  SasToken,
  SasTokenSecret,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
  TransferSuppressions,
  TransferWarningIds,
} from "../../lib";
import { ResourceType, exampleResourceId } from "../shared/azure-ids";
import { addProviders } from "../shared/providers";
import { addRunOutputs } from "../shared/run-outputs";
import { sasTokenVariable } from "../shared/sas-variable";
import { SEED_BLOB_NAME, SEED_TARGET_RESOURCE_GROUP } from "./names";

const RG = SEED_TARGET_RESOURCE_GROUP;

/** Options of the target side. */
export interface SeedTargetStackProps {
  /**
   * Also start an import run for the blob. Leave it off while the source trigger is on: the
   * trigger imports the blob by itself and, with DeleteSourceBlobOnSuccess, deletes it, so a
   * run started afterwards finds no blob. Turn it on to import a blob the trigger skips (one
   * older than 60 days, or one copied without ContentMD5).
   * @default false
   */
  readonly runImport?: boolean;
}

/**
 * The target side of Microsoft's ARM-template walkthrough: the ImportPipelines template and,
 * optionally, the PipelineRun-Import template. Each value says which template parameter it
 * stands for.
 */
export class SeedTargetStack extends TerraformStack {
  /** The import pipeline. */
  public readonly importPipeline: ImportPipeline;
  /** The import run, when asked for. */
  public readonly importRun?: ImportPipelineRun;

  /** Declares the target side on an existing Premium registry, vault and storage account. */
  public constructor(scope: Construct, id: string, props: SeedTargetStackProps = {}) {
    super(scope, id);
    new RelativeLocalBackend(this);
    addProviders(this);

    const registry = RegistryRef.fromRegistryId(
      this,
      "Registry",
      // registryName (ImportPipelines and PipelineRun-Import): an existing Premium registry.
      exampleResourceId(RG, ResourceType.REGISTRY, "mytargetregistry"),
      // location: the template defaults it to the resource group's; here the registry's.
      { location: "westus2" },
    );

    const storageAccount = StorageAccountRef.fromStorageAccountId(
      this,
      "StorageAccount",
      exampleResourceId(RG, ResourceType.STORAGE_ACCOUNT, "mytargetstorage"),
    );
    // sourceUri: https://mytargetstorage.blob.core.windows.net/transfer, derived from the
    // account and this new private container. The exported blob is copied here (azcopy).
    const container = new TransferContainer(this, "Container", {
      storageAccount,
      containerName: "transfer",
    });

    const keyVault = KeyVaultRef.fromKeyVaultId(
      this,
      "KeyVault",
      // keyVaultName: an existing vault that uses access policies, as the template assumes. An
      // access policy gives Get on every secret in it: the walkthrough's vault holds only the
      // transfer's SAS token, which dedicatedToTransfer says (and which silences the warning).
      exampleResourceId(RG, ResourceType.KEY_VAULT, "mytargetvault"),
      {
        accessModel: KeyVaultAccessModel.ACCESS_POLICY,
        dedicatedToTransfer: true,
        dedicationReason: "the walkthrough's vault holds only the transfer's SAS token",
      },
    );
    const sasToken = sasTokenVariable(
      this,
      "import_sas_token",
      "for the target container (read, list and, for DeleteSourceBlobOnSuccess, delete; HTTPS only)",
    );
    const secret = new SasTokenSecret(this, "ImportSas", {
      keyVault,
      secretName: "acrimportsas", // sasTokenSecretName
      // Written through value_wo: never in state. Raise the version to rotate the token.
      token: SasToken.fromVariable(sasToken, 1),
    });

    this.importPipeline = new ImportPipeline(this, "ImportPipeline", {
      registry,
      pipelineName: "myImportPipeline", // importPipelineName
      container,
      storageAccess: StorageAccess.sasToken(secret), // storageAccessMode: "SasToken"
      // userAssignedIdentity: "" (the template's default), so the pipeline gets a
      // system-assigned identity; the library grants it Get on the vault's secrets.
      identity: PipelineIdentity.systemAssigned(),
      options: [
        // options
        ImportOption.OVERWRITE_TAGS,
        ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS,
        ImportOption.CONTINUE_ON_ERRORS,
      ],
      sourceTriggerEnabled: true, // sourceTriggerStatus: "Enabled"
    });
    // The source trigger with OverwriteTags lets whoever writes to the container replace the
    // registry's tags: accepted here, with the reason the review report shows.
    TransferSuppressions.add(
      this.importPipeline,
      TransferWarningIds.SOURCE_TRIGGER_OVERWRITE_TAGS,
      "as in Microsoft's walkthrough, only the operator's azcopy copy of myblob writes to this " +
        "container; the import SAS token reads, lists and deletes, but cannot write",
    );

    if (props.runImport ?? false) {
      this.importRun = new ImportPipelineRun(this, "ImportRun", {
        pipeline: this.importPipeline, // pipelineResourceId: the pipeline's ID
        runName: "myPipelineRunImport", // pipelineRunName
        blobName: SEED_BLOB_NAME, // sourceName
      });
      addRunOutputs(this, "import_run", this.importRun);
    }
  }
}
