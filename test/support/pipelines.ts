import { TerraformStack, TerraformVariable } from "cdktf";
import {
  ExportPipeline,
  ExportPipelineProps,
  ExportPipelineRun,
  ExportPipelineRunProps,
  IKeyVaultRef,
  ImportPipeline,
  ImportPipelineProps,
  ImportPipelineRun,
  ImportPipelineRunProps,
  ITransferContainer,
  KeyVaultAccessModel,
  KeyVaultRef,
  RegistryRef,
  StorageAccess,
  StorageAccountRef,
  SasTokenSecret,
  TransferContainer,
} from "../../lib";
import * as ids from "./ids";

/**
 * Builders for the validation suites (test/validation) and others, on a stack made by
 * `newStack("test", { providers: true })`: pipelines and runs whose props are valid unless a case
 * overrides one. Defaults are made only for the props a case leaves out, so construct ids never collide.
 */

/** The registry "test/Registry", imported by ID with a known location. */
export function registry(stack: TerraformStack, location = "eastus") {
  return RegistryRef.fromRegistryId(stack, "Registry", ids.REGISTRY_ID, { location });
}

/** The container "test/Container", given by URL, with no known storage account. */
export function urlContainer(stack: TerraformStack, url = ids.CONTAINER_URL): ITransferContainer {
  return TransferContainer.fromUrl(stack, "Container", url);
}

/** A new container "test/Container" in the account "test/Account", for managed identity and generated tokens. */
export function ownedContainer(
  stack: TerraformStack,
  containerName = "transfer",
): TransferContainer {
  const storageAccount = StorageAccountRef.fromStorageAccountId(stack, "Account", ids.ACCOUNT_ID);
  return new TransferContainer(stack, "Container", { storageAccount, containerName });
}

/** The vault "test/Vault", imported by ID, in access-policy mode. */
export function vault(stack: TerraformStack): IKeyVaultRef {
  return KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
    accessModel: KeyVaultAccessModel.ACCESS_POLICY,
  });
}

/** SAS token access through the existing secret "test/Secret" in the vault above. */
export function sasAccess(stack: TerraformStack, uri = ids.EXPORT_SECRET_URI): StorageAccess {
  return StorageAccess.sasToken(
    SasTokenSecret.fromSecretUri(stack, "Secret", uri, { keyVault: vault(stack) }),
  );
}

/** The export pipeline "test/Export": SAS token mode unless overridden. */
export function exportPipeline(
  stack: TerraformStack,
  overrides: Partial<ExportPipelineProps> = {},
  id = "Export",
): ExportPipeline {
  return new ExportPipeline(stack, id, {
    registry: overrides.registry ?? registry(stack),
    pipelineName: "exportPipeline",
    container: overrides.container ?? urlContainer(stack),
    storageAccess: overrides.storageAccess ?? sasAccess(stack),
    ...overrides,
  });
}

/** The import pipeline "test/Import": SAS token mode unless overridden. */
export function importPipeline(
  stack: TerraformStack,
  overrides: Partial<ImportPipelineProps> = {},
  id = "Import",
): ImportPipeline {
  return new ImportPipeline(stack, id, {
    registry: overrides.registry ?? registry(stack),
    pipelineName: "importPipeline",
    container: overrides.container ?? urlContainer(stack),
    storageAccess: overrides.storageAccess ?? sasAccess(stack, ids.IMPORT_SECRET_URI),
    ...overrides,
  });
}

/** The export run "test/Run" on a default export pipeline unless overridden. */
export function exportRun(
  stack: TerraformStack,
  overrides: Partial<ExportPipelineRunProps> = {},
  id = "Run",
): ExportPipelineRun {
  return new ExportPipelineRun(stack, id, {
    pipeline: overrides.pipeline ?? exportPipeline(stack),
    runName: "exportRun1",
    blobName: "images-2026-11",
    artifacts: ["samples/hello-world:v1", ids.DIGEST_ARTIFACT],
    ...overrides,
  });
}

/** The import run "test/Run" on a default import pipeline unless overridden. */
export function importRun(
  stack: TerraformStack,
  overrides: Partial<ImportPipelineRunProps> = {},
  id = "Run",
): ImportPipelineRun {
  return new ImportPipelineRun(stack, id, {
    pipeline: overrides.pipeline ?? importPipeline(stack),
    runName: "importRun1",
    blobName: "images-2026-11",
    ...overrides,
  });
}

/** A sensitive string variable without a default, the way a SAS token is passed in. */
export function sensitiveVariable(stack: TerraformStack, name: string): TerraformVariable {
  return new TerraformVariable(stack, name, { type: "string", sensitive: true });
}

/** One wrong configuration and what its error must name. */
export interface BadInputCase {
  /** What is wrong, as the test title. */
  readonly name: string;
  /** Builds the wrong configuration into a stack made by `newStack("test", { providers: true })`. */
  readonly build: (stack: TerraformStack) => unknown;
  /** Path of the construct the message must start with. */
  readonly path: string;
  /** The value, or a recognisable part of it, that the message must quote. */
  readonly value: string;
  /**
   * Text the message must not contain (a secret given with the wrong input).
   * @default nothing
   */
  readonly hidden?: string;
  /**
   * Caught by a stack validation at synth (a plain Error from cdktf) rather than by the construct.
   * @default false
   */
  readonly atStackValidation?: boolean;
}
