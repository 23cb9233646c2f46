import { ExportOption, ImportOption, TransferSide } from "../arm/options";
import { deletesSourceBlobs } from "../arm/roles";
import { StorageAccessMode } from "../arm/storage-access-mode";
import { PipelineIdentityType } from "../pipelines/pipeline-identity";
import { PolicyLevel, TransferRuleProps } from "./rule";
import { TransferRuleIds } from "./rule-ids";
import { PipelineRule, describePipeline } from "./subject-rules";
import { PipelineSubject } from "./subjects";

/** Pipelines reach storage with their managed identity. */
export class ManagedIdentityStorageRule extends PipelineRule {
  /** The rule, at `props.level` or ERROR. */
  public constructor(props: TransferRuleProps = {}) {
    super(
      TransferRuleIds.MANAGED_IDENTITY_STORAGE,
      PolicyLevel.ERROR,
      "pipelines reach their blob container with their managed identity, so there is no SAS token to leak, expire or rotate",
      "use StorageAccess.managedIdentity() (api-version 2025-06-01-preview or later); the library grants the identity a Storage Blob Data role on the one container",
      props,
    );
  }

  protected checkPipeline(pipeline: PipelineSubject): string | undefined {
    return pipeline.storageAccessMode === StorageAccessMode.MANAGED_IDENTITY
      ? undefined
      : `${describePipeline(pipeline)} uses storage access mode ${pipeline.storageAccessMode}`;
  }
}

/** Pipelines act as a user-assigned identity, and have no system-assigned one. */
export class UserAssignedIdentityRule extends PipelineRule {
  /** The rule, at `props.level` or ERROR. */
  public constructor(props: TransferRuleProps = {}) {
    super(
      TransferRuleIds.USER_ASSIGNED_IDENTITY,
      PolicyLevel.ERROR,
      "pipelines have a user-assigned identity only: its grants are reviewed once, shared by pipelines and outlive them",
      "pass identity: PipelineIdentity.userAssigned(identity)",
      props,
    );
  }

  protected checkPipeline(pipeline: PipelineSubject): string | undefined {
    return pipeline.identityType === PipelineIdentityType.USER_ASSIGNED
      ? undefined
      : `${describePipeline(pipeline)} has identity type "${pipeline.identityType}"`;
  }
}

/** Pipelines do not set ContinueOnErrors. */
export class NoContinueOnErrorsRule extends PipelineRule {
  /** The rule, at `props.level` or WARNING. */
  public constructor(props: TransferRuleProps = {}) {
    super(
      TransferRuleIds.NO_CONTINUE_ON_ERRORS,
      PolicyLevel.WARNING,
      "pipelines stop at the first failed artifact: with ContinueOnErrors a run reports success while images are missing on the other side",
      "remove ContinueOnErrors from the pipeline's options",
      props,
    );
  }

  protected checkPipeline(pipeline: PipelineSubject): string | undefined {
    const option =
      pipeline.side === TransferSide.EXPORT
        ? ExportOption.CONTINUE_ON_ERRORS
        : ImportOption.CONTINUE_ON_ERRORS;
    return pipeline.options.includes(option)
      ? `${describePipeline(pipeline)} sets ${option}`
      : undefined;
  }
}

/** Import pipelines set DeleteSourceBlobOnSuccess (required), or do not (forbidden). */
export class DeleteSourceBlobRule extends PipelineRule {
  /** The rule requiring (`required`) or forbidding the option, at `props.level` or ERROR. */
  public constructor(
    private readonly required: boolean,
    props: TransferRuleProps = {},
  ) {
    super(
      required
        ? TransferRuleIds.DELETE_SOURCE_BLOB_REQUIRED
        : TransferRuleIds.DELETE_SOURCE_BLOB_FORBIDDEN,
      PolicyLevel.ERROR,
      required
        ? "import pipelines delete each blob once it is imported (DeleteSourceBlobOnSuccess), so transferred images do not linger in the container"
        : "import pipelines leave blobs in place (no DeleteSourceBlobOnSuccess): read access is enough, and the blob stays for audit and re-import",
      required
        ? "add ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS to options (the identity then needs Storage Blob Data Contributor, or a SAS token with delete)"
        : "remove ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS from options, and clean the container with a lifecycle management rule",
      props,
    );
  }

  protected override appliesTo(pipeline: PipelineSubject): boolean {
    return pipeline.side === TransferSide.IMPORT;
  }

  protected checkPipeline(pipeline: PipelineSubject): string | undefined {
    const deletes = deletesSourceBlobs(pipeline.side, pipeline.options);
    if (deletes === this.required) return undefined;
    return `${describePipeline(pipeline)} ${deletes ? "sets" : "does not set"} ${ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS}`;
  }
}
