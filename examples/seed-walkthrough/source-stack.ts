import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  ExportOption,
  ExportPipeline,
  ExportPipelineRun,
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
} from "../../lib";
import { ResourceType, exampleResourceId } from "../shared/azure-ids";
import { addProviders } from "../shared/providers";
import { addRunOutputs } from "../shared/run-outputs";
import { sasTokenVariable } from "../shared/sas-variable";
import { SEED_BLOB_NAME, SEED_SOURCE_RESOURCE_GROUP } from "./names";

const RG = SEED_SOURCE_RESOURCE_GROUP;

/**
 * The source side of Microsoft's ARM-template walkthrough: the ExportPipelines template and the
 * PipelineRun-Export template. Each value says which template parameter it stands for.
 */
export class SeedSourceStack extends TerraformStack {
  /** The export pipeline. */
  public readonly exportPipeline: ExportPipeline;
  /** The export run. */
  public readonly exportRun: ExportPipelineRun;

  /** Declares the source side on an existing Premium registry, vault and storage account. */
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new RelativeLocalBackend(this);
    addProviders(this);

    const registry = RegistryRef.fromRegistryId(
      this,
      "Registry",
      // registryName (ExportPipelines and PipelineRun-Export): an existing Premium registry.
      exampleResourceId(RG, ResourceType.REGISTRY, "mysourceregistry"),
      // location: the template defaults it to the resource group's; here the registry's.
      { location: "eastus" },
    );

    const storageAccount = StorageAccountRef.fromStorageAccountId(
      this,
      "StorageAccount",
      exampleResourceId(RG, ResourceType.STORAGE_ACCOUNT, "mysourcestorage"),
    );
    // targetUri: https://mysourcestorage.blob.core.windows.net/transfer, derived from the
    // account and this new private container.
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
      exampleResourceId(RG, ResourceType.KEY_VAULT, "mysourcevault"),
      {
        accessModel: KeyVaultAccessModel.ACCESS_POLICY,
        dedicatedToTransfer: true,
        dedicationReason: "the walkthrough's vault holds only the transfer's SAS token",
      },
    );
    const sasToken = sasTokenVariable(
      this,
      "export_sas_token",
      "for the source container (read, add, write, list; HTTPS only)",
    );
    const secret = new SasTokenSecret(this, "ExportSas", {
      keyVault,
      secretName: "acrexportsas", // sasTokenSecretName
      // Written through value_wo: never in state. Raise the version to rotate the token.
      token: SasToken.fromVariable(sasToken, 1),
    });

    this.exportPipeline = new ExportPipeline(this, "ExportPipeline", {
      registry,
      pipelineName: "myExportPipeline", // exportPipelineName
      container,
      storageAccess: StorageAccess.sasToken(secret), // storageAccessMode: "SasToken"
      // userAssignedIdentity: "" (the template's default), so the pipeline gets a
      // system-assigned identity; the library grants it Get on the vault's secrets.
      identity: PipelineIdentity.systemAssigned(),
      options: [ExportOption.OVERWRITE_BLOBS, ExportOption.CONTINUE_ON_ERRORS], // options
    });

    this.exportRun = new ExportPipelineRun(this, "ExportRun", {
      pipeline: this.exportPipeline, // pipelineResourceId: the pipeline's ID
      runName: "myPipelineRunExport", // pipelineRunName
      blobName: SEED_BLOB_NAME, // targetName
      artifacts: [
        // artifacts: tags and one digest reference
        "samples/hello-world:v1",
        "samples/nginx:v1",
        `samples/busybox@sha256:${"0".repeat(64)}`,
      ],
      // forceUpdateTag: change it to run the export again in place.
      rerunToken: "1",
    });
    addRunOutputs(this, "export_run", this.exportRun);
  }
}
