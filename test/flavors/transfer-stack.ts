// One small app, written once and built on either flavor: an export pipeline whose storage is
// reached with a SAS token (an error under the managed-identity-only policy), its run, and an
// import pipeline in managed-identity mode.
import * as ids from "../support/ids";
import type { CdktnFlavor } from "./cdktn-flavor";

/** The modules a flavor brings: its core, the library, the examples' provider helper. */
export type Flavor = Pick<CdktnFlavor, "core" | "lib" | "providers">;

/** Builds the app's one stack, "transfer", under `scope` (an App of the flavor's core). */
export function transferStack({ core, lib, providers }: Flavor, scope: import("cdktf").App) {
  const stack = new core.TerraformStack(scope, "transfer");
  providers.addProviders(stack);
  const registry = lib.RegistryRef.fromRegistryId(stack, "Registry", ids.REGISTRY_ID, {
    location: "eastus",
  });
  const vault = lib.KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
    accessModel: lib.KeyVaultAccessModel.ACCESS_POLICY,
  });
  const exporter = new lib.ExportPipeline(stack, "Export", {
    registry,
    pipelineName: "nightlyexport",
    container: lib.TransferContainer.fromUrl(stack, "Container", ids.CONTAINER_URL),
    storageAccess: lib.StorageAccess.sasToken(
      lib.SasTokenSecret.fromSecretUri(stack, "Secret", ids.EXPORT_SECRET_URI, { keyVault: vault }),
    ),
  });
  new lib.ExportPipelineRun(stack, "Run", {
    pipeline: exporter,
    runName: "nightlyrun1",
    blobName: "nightly",
    artifacts: ["samples/hello-world:v1"],
  });
  const importer = new lib.ImportPipeline(stack, "Import", {
    registry,
    pipelineName: "nightlyimport",
    container: new lib.TransferContainer(stack, "Landing", {
      storageAccount: lib.StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID),
      containerName: "landing",
    }),
    storageAccess: lib.StorageAccess.managedIdentity(),
  });
  return { stack, exporter, importer };
}
