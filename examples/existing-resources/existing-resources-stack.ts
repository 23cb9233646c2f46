import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  ExportPipeline,
  ExportPipelineRun,
  ImportOption,
  ImportPipeline,
  KeyVaultAccessModel,
  KeyVaultRef,
  PipelineIdentity,
  RegistryRef,
  RelativeLocalBackend,
  SasTokenSecret,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
  TransferSuppressions,
  TransferWarningIds,
  UserIdentity,
} from "../../lib";
import { ResourceType, exampleResourceId } from "../shared/azure-ids";
import { addProviders } from "../shared/providers";
import { addRunOutputs } from "../shared/run-outputs";

const APP_RG = "rg-app-team";
const PLATFORM_RG = "rg-platform-shared";
const PLATFORM_ACCOUNT_ID = exampleResourceId(
  PLATFORM_RG,
  ResourceType.STORAGE_ACCOUNT,
  "contosoplatformxfer",
);
const PLATFORM_VAULT_ID = exampleResourceId(
  PLATFORM_RG,
  ResourceType.KEY_VAULT,
  "kv-contoso-platform",
);

/**
 * Transfer added to resources this repository does not own: registries, vault, secrets,
 * containers, the identity and one pipeline are all referred to by ID. Only the pipelines, the
 * grants and a run are declared.
 */
export class ExistingResourcesStack extends TerraformStack {
  /** Declares three pipelines and a run on resources made elsewhere. */
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new RelativeLocalBackend(this);
    addProviders(this);

    const appRegistry = RegistryRef.fromRegistryId(
      this,
      "AppRegistry",
      exampleResourceId(APP_RG, ResourceType.REGISTRY, "contosoappacr"),
      { location: "eastus" },
    );
    const mirrorRegistry = RegistryRef.fromRegistryId(
      this,
      "MirrorRegistry",
      exampleResourceId(APP_RG, ResourceType.REGISTRY, "contosomirroracr"),
      { location: "centralus" },
    );
    const drRegistry = RegistryRef.fromRegistryId(
      this,
      "DrRegistry",
      exampleResourceId(APP_RG, ResourceType.REGISTRY, "contosodracr"),
      { location: "westus3" },
    );
    // The platform keeps a vault for transfer tokens only: the one access policy gives the
    // identity Get on those and nothing else, which dedicatedToTransfer says.
    const vault = KeyVaultRef.fromKeyVaultId(this, "PlatformVault", PLATFORM_VAULT_ID, {
      accessModel: KeyVaultAccessModel.ACCESS_POLICY,
      dedicatedToTransfer: true,
      dedicationReason:
        "the platform team's transfer-token vault; no other secret is written to it",
    });
    const importIdentity = PipelineIdentity.userAssigned(
      // Its principal and tenant IDs are read at plan time (data.azapi_resource).
      UserIdentity.fromIdentityId(
        this,
        "PlatformIdentity",
        exampleResourceId(PLATFORM_RG, ResourceType.USER_ASSIGNED_IDENTITY, "id-acr-transfer"),
      ),
    );

    // Export in managed-identity mode: a container given by URL, with its storage account, so
    // the pipeline's identity can be granted a role on that one container.
    new ExportPipeline(this, "ExportPipeline", {
      registry: appRegistry,
      pipelineName: "exportAppImages",
      container: TransferContainer.fromUrl(
        this,
        "OutboundContainer",
        "https://contosoplatformxfer.blob.core.windows.net/outbound",
        {
          storageAccount: StorageAccountRef.fromStorageAccountId(
            this,
            "PlatformStorage",
            PLATFORM_ACCOUNT_ID,
          ),
        },
      ),
      storageAccess: StorageAccess.managedIdentity(),
    });

    // Import in SAS mode: container and secret by ARM ID. The secret's vault is the platform
    // vault above: its dedicatedToTransfer mark holds for this secret too.
    new ImportPipeline(this, "MirrorImportPipeline", {
      registry: mirrorRegistry,
      pipelineName: "importMirrorImages",
      container: TransferContainer.fromContainerResourceId(
        this,
        "MirrorContainer",
        `${PLATFORM_ACCOUNT_ID}/blobServices/default/containers/inbound-mirror`,
      ),
      storageAccess: StorageAccess.sasToken(
        SasTokenSecret.fromSecretResourceId(
          this,
          "MirrorSas",
          `${PLATFORM_VAULT_ID}/secrets/acr-inbound-mirror-sas`,
          { accessModel: KeyVaultAccessModel.ACCESS_POLICY },
        ),
      ),
      identity: importIdentity,
      options: [ImportOption.OVERWRITE_TAGS],
    });

    // Import in SAS mode: container by URL, secret by URI in the same vault. Same identity,
    // same vault: the access policy above is shared, not made twice.
    new ImportPipeline(this, "DrImportPipeline", {
      registry: drRegistry,
      pipelineName: "importDrImages",
      container: TransferContainer.fromUrl(
        this,
        "DrContainer",
        "https://contosoplatformxfer.blob.core.windows.net/inbound-dr",
      ),
      storageAccess: StorageAccess.sasToken(
        SasTokenSecret.fromSecretUri(
          this,
          "DrSas",
          "https://kv-contoso-platform.vault.azure.net/secrets/acr-inbound-dr-sas",
          { keyVault: vault },
        ),
      ),
      identity: importIdentity,
      options: [ImportOption.OVERWRITE_TAGS],
    });

    // Both imports keep the source trigger with OverwriteTags, so whoever writes to their
    // containers can replace tags: accepted once, for the stack, with the platform's reason.
    TransferSuppressions.add(
      this,
      TransferWarningIds.SOURCE_TRIGGER_OVERWRITE_TAGS,
      "the platform team's copy job is the only writer of inbound-mirror and inbound-dr in " +
        "contosoplatformxfer; the import pipelines only read and list there",
    );

    // A run on a pipeline another team made: no pipeline and no grants are declared here.
    const nightly = new ExportPipelineRun(this, "NightlyRun", {
      pipeline: ExportPipeline.fromPipelineId(
        this,
        "NightlyPipeline",
        `${appRegistry.registryId}/exportPipelines/nightlyExport`,
      ),
      runName: "nightly20261126",
      blobName: "nightly-2026-11-26",
      artifacts: ["app/frontend:2026.11.26", "app/backend:2026.11.26"],
    });
    addRunOutputs(this, "nightly_run", nightly);
  }
}
