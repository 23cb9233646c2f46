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
import { CONTOSO, TRANSFER_BLOB_NAME } from "./config";
import { TenantSideResources } from "./tenant-side";

/** Contoso's tenant: exports release images into a blob of Contoso's own storage account. */
export class CrossTenantSourceStack extends TerraformStack {
  /** The export pipeline. */
  public readonly exportPipeline: ExportPipeline;

  /** Declares the export side through providers aliased `contoso`, signed in to Contoso's tenant. */
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new RelativeLocalBackend(this);
    const providers = addProviders(this, {
      alias: CONTOSO.alias,
      tenantId: CONTOSO.tenantId,
      subscriptionId: CONTOSO.subscriptionId,
    });
    const side = new TenantSideResources(this, "Contoso", {
      side: CONTOSO,
      providers,
      sasVariableName: "contoso_export_sas_token",
      sasUsage: "for Contoso's outbound container (read, add, write, list; HTTPS only)",
      secretName: "acrexportsas",
    });
    this.exportPipeline = new ExportPipeline(this, "ExportPipeline", {
      registry: side.registry,
      pipelineName: "exportToFabrikam",
      container: side.container,
      storageAccess: StorageAccess.sasToken(side.secret),
      identity: side.identity,
      options: [ExportOption.OVERWRITE_BLOBS],
      provider: providers.azapi,
      azurermProvider: providers.azurerm,
    });
    const run = new ExportPipelineRun(this, "ExportRun", {
      pipeline: this.exportPipeline,
      runName: "contosorelease202611",
      blobName: TRANSFER_BLOB_NAME,
      artifacts: ["release/api:2026.11", "release/worker:2026.11"],
      provider: providers.azapi,
    });
    addRunOutputs(this, "export_run", run);
  }
}
