import { TerraformOutput, Token } from "../core/cdk";
import { Construct } from "constructs";
import { containerUrl } from "../arm/storage";
import { blobCopyCommands } from "../copy/copy-commands";
import { StorageAccessMode } from "../arm/storage-access-mode";
import { ExportPipeline } from "../pipelines/export-pipeline";
import { ImportPipeline } from "../pipelines/import-pipeline";
import { ITransferContainer, TransferContainer } from "../containers/transfer-container";
import { check, expectProps, expectShape, expectStack, fail } from "../validation/check";
import { checkOutputPrefix } from "./batch-outputs";
import { BulkTransferEndpoint, BulkTransferProps } from "./bulk-transfer-props";
import { declareSource, declareTarget } from "./bulk-transfer-sides";
import { ExportBatches } from "./export-batches";
import { ImportBatches } from "./import-batches";
import { TransferBatchSettings } from "./transfer-batches-base";

/**
 * A whole ACR Transfer of any number of artifacts, the walkthrough in one construct: in the
 * source stack a container, the export pipeline, its secret or role, and the export runs in
 * batches; in the target stack the same for import, and an output with the azcopy commands of
 * the copy step between the two containers (none when the target reads the source's container).
 *
 * Resources go under `<id>Export` in the source stack and `<id>Import` in the target stack;
 * outputs are named `<prefix>_export_*`, `<prefix>_import_*` and `<prefix>_copy_commands`. Both
 * sides plan the batches from the same props, so nothing crosses between the stacks.
 */
export class BulkTransfer extends Construct {
  /** The export side's new container. */
  public readonly sourceContainer: TransferContainer;
  /** The import side's container: a new one, or the source's. */
  public readonly targetContainer: ITransferContainer;
  /** The export pipeline, in the source stack. */
  public readonly exportPipeline: ExportPipeline;
  /** The import pipeline, in the target stack. */
  public readonly importPipeline: ImportPipeline;
  /** The export runs, one per batch. */
  public readonly exportBatches: ExportBatches;
  /** The import runs, one per batch (none when the source trigger is kept on). */
  public readonly importBatches: ImportBatches;
  /** The azcopy commands of the copy step; empty when the target reads the source's container. */
  public readonly copyCommands: string[];
  /**
   * `<prefix>_copy_commands`, in the target stack.
   * @default none when there is nothing to copy
   */
  public readonly copyCommandsOutput?: TerraformOutput;

  /** Declares both sides in their stacks. */
  public constructor(scope: Construct, id: string, props: BulkTransferProps) {
    super(scope, id);
    expectProps(this, props, "BulkTransferProps");
    checkSides(this, props);
    expectShape(this, "outputPrefix", props.outputPrefix, "string", false);
    const prefix = check(
      this,
      "outputPrefix",
      props.outputPrefix ?? id.replace(/[^A-Za-z0-9_-]/g, "_"),
      checkOutputPrefix,
    );
    const { source, target } = props;
    const exportScope = new Construct(source.stack, `${id}Export`);
    const importScope = new Construct(target.stack, `${id}Import`);

    const exported = declareSource(exportScope, props);
    this.sourceContainer = exported.container;
    this.exportPipeline = exported.pipeline;
    this.exportBatches = new ExportBatches(exportScope, "Batches", {
      ...batchSettings(props),
      outputPrefix: `${prefix}_export`,
      pipeline: this.exportPipeline,
      provider: source.provider,
    });

    const imported = declareTarget(importScope, props, this.sourceContainer);
    this.targetContainer = imported.container;
    this.importPipeline = imported.pipeline;
    const shared = !target.storageAccount;
    this.importBatches = new ImportBatches(importScope, "Batches", {
      ...batchSettings(props),
      outputPrefix: `${prefix}_import`,
      pipeline: this.importPipeline,
      provider: target.provider,
      // The blobs are there once the export runs are done: no copy in between.
      exportBatches: shared ? this.exportBatches : undefined,
    });

    this.copyCommands = shared ? [] : this.copyStep(importScope, props);
    if (this.copyCommands.length > 0) {
      const crossCloud = source.storageAccount.cloud !== target.storageAccount!.cloud;
      this.copyCommandsOutput = new TerraformOutput(importScope, "copy_commands", {
        value: this.copyCommands.join("\n"),
        description: crossCloud ? CROSS_CLOUD_COPY : SAME_CLOUD_COPY,
      });
      this.copyCommandsOutput.overrideLogicalId(`${prefix}_copy_commands`);
    }
  }

  /** The azcopy commands from the source container to the target one, batch by batch. */
  private copyStep(scope: Construct, props: BulkTransferProps): string[] {
    const { source, target } = props;
    const account = source.storageAccount;
    if (source.stack !== target.stack && Token.isUnresolved(account.accountName)) {
      fail(scope, "source.storageAccount", account.accountName, {
        problem: "has a name only known at apply time, in the source stack",
        rule: "the copy commands in the target stack name the source container literally, without remote state",
        fix: "pass StorageAccountRef.fromStorageAccountId(...) with the account's ID",
      });
    }
    const from =
      source.stack === target.stack
        ? this.sourceContainer.containerUrl
        : containerUrl(account.accountName, this.sourceContainer.containerName, account.cloud);
    return blobCopyCommands(
      from,
      this.targetContainer.containerUrl,
      this.exportBatches.blobNames,
      account.cloud === target.storageAccount!.cloud,
    );
  }
}

const SAME_CLOUD_COPY =
  "The copy step: one service-to-service azcopy copy per batch blob, with --put-md5 and the " +
  "category metadata the import pipeline's source trigger needs. No SAS token: sign in with " +
  "`azcopy login` (or AZCOPY_AUTO_LOGIN_TYPE=AZCLI); Storage Blob Data Reader on the source " +
  "container and Contributor on the target one are enough.";

const CROSS_CLOUD_COPY =
  "The copy step between clouds, through local files: run the downloads (the first half of the " +
  "lines) signed in to the source cloud, the uploads signed in to the target cloud (`azcopy " +
  "login`, with --aad-endpoint for a sovereign cloud, or AZCOPY_AUTO_LOGIN_TYPE=AZCLI after " +
  "`az cloud set` and `az login`). No SAS token. --put-md5 and the category metadata are what " +
  "the import pipeline's source trigger needs.";

/** The batch settings both sides share. */
function batchSettings(props: BulkTransferProps): TransferBatchSettings {
  return {
    artifacts: props.artifacts,
    runNamePrefix: props.runNamePrefix,
    blobNamePrefix: props.blobNamePrefix,
    maxArtifactsPerRun: props.maxArtifactsPerRun,
    maxConcurrentRuns: props.maxConcurrentRuns,
    rerunToken: props.rerunToken,
    timeout: props.timeout,
  };
}

/** Both sides are given, each with a SAS token exactly in SAS token mode. */
function checkSides(scope: Construct, props: BulkTransferProps): void {
  const sides: [string, BulkTransferEndpoint][] = [
    ["source", props.source],
    ["target", props.target],
  ];
  for (const [name, side] of sides) {
    expectShape(
      scope,
      name,
      side,
      "object",
      true,
      `pass the ${name} side ({ stack, registry, ... })`,
    );
    expectStack(scope, `${name}.stack`, side.stack, true);
  }
  const mode = props.storageAccessMode;
  if (!Object.values(StorageAccessMode).includes(mode)) {
    fail(scope, "storageAccessMode", mode, {
      problem: "is not a storage access mode",
      rule: "StorageAccessMode.MANAGED_IDENTITY or StorageAccessMode.SAS_TOKEN",
      fix: "pass one of the two",
    });
  }
  const sas = mode === StorageAccessMode.SAS_TOKEN;
  for (const [name, side] of sides) {
    if (sas && !side.sas) {
      fail(scope, `${name}.sas`, undefined, {
        problem: "is missing",
        rule: "in SAS token mode each pipeline reads its token from a Key Vault secret",
        fix: `pass ${name}.sas ({ keyVault, token }), or use StorageAccessMode.MANAGED_IDENTITY`,
      });
    }
    if (!sas && side.sas) {
      fail(scope, `${name}.sas`, side.sas.secretName ?? "(a SAS token)", {
        problem: "is given in managed-identity mode",
        rule: "in managed-identity mode the pipelines hold Storage Blob Data roles and read no secret",
        fix: `drop ${name}.sas, or use StorageAccessMode.SAS_TOKEN`,
      });
    }
  }
  if (!props.target.storageAccount && props.target.blobRetentionDays !== undefined) {
    fail(scope, "target.blobRetentionDays", props.target.blobRetentionDays, {
      problem: "is set, but the target has no storageAccount",
      rule: "without its own storage account the target reads the source's container, whose retention is source.blobRetentionDays",
      fix: "set source.blobRetentionDays instead, or give target.storageAccount",
    });
  }
  if (!props.target.storageAccount && props.target.containerName !== undefined) {
    fail(scope, "target.containerName", props.target.containerName, {
      problem: "is set, but the target has no storageAccount",
      rule: "without its own storage account the target reads the source's container",
      fix: "drop target.containerName, or give target.storageAccount",
    });
  }
}
