import { Token } from "../core/cdk";
import { Construct } from "constructs";
import { TransferSide } from "../arm/options";
import { STORAGE_BLOB_DATA_CONTRIBUTOR, storageRoleFor } from "../arm/roles";
import { StorageAccessMode } from "../arm/storage-access-mode";
import { keyOf, shownRef } from "../private/keys";
import { ISasTokenSecret } from "../secrets/secret";
import { expectShape, fail } from "../validation/check";
import { failOn } from "../validation/finding";
import { generatedTokenFinding, storageAccessFinding, storageRoleFinding } from "./prop-rules";
import { TransferPipelineProps } from "./transfer-pipeline-props";

/**
 * Managed-identity mode: the Storage Blob Data role the pipeline's identity gets on its
 * container.
 * @internal
 */
export interface ManagedIdentityStorage {
  /** The mode. */
  readonly mode: StorageAccessMode.MANAGED_IDENTITY;
  /** The role: the one given, or the side's default. */
  readonly roleName: string;
  /** Whether the user chose the role (storageRoleName). */
  readonly roleGiven: boolean;
  /** Whether the role is the library's least-privilege export role (customExportRole). */
  readonly customExportRole: boolean;
  /** Whether the role assignment takes blob delete out of the role. */
  readonly denyDelete: boolean;
  /**
   * Why a role the library does not know is right (customStorageRoleReason), noted at synth
   * when the user chose the role.
   * @default none
   */
  readonly customRoleReason?: string;
}

/**
 * SAS token mode: the secret the pipeline reads its token from.
 * @internal
 */
export interface SasTokenStorage {
  /** The mode. */
  readonly mode: StorageAccessMode.SAS_TOKEN;
  /** The secret, which the pipeline's identity is granted read on. */
  readonly secret: ISasTokenSecret;
}

/**
 * How a pipeline reaches its container, checked: the mode, held once, with what that mode
 * needs. The body and the grants both read it.
 * @internal
 */
export type PipelineStorage = ManagedIdentityStorage | SasTokenStorage;

/** A pipeline, as the checks of its storage access name it. */
type CheckedPipeline = Construct & { readonly side: TransferSide };

/**
 * The SAS token secret of the pipeline's storage access, checked against the mode, the
 * api-version and (for a generated token) the pipeline's side and container; undefined in
 * managed-identity mode.
 */
export function storageSecret(
  pipeline: CheckedPipeline,
  props: TransferPipelineProps,
  apiVersion: string,
  needsDelete: boolean,
): ISasTokenSecret | undefined {
  const access = props.storageAccess;
  failOn(
    pipeline,
    storageAccessFinding({ mode: access.mode, hasSecret: Boolean(access.secret), apiVersion }),
  );
  const secret = access.secret;
  const secretFix =
    "pass StorageAccess.sasToken(secret) with SasTokenSecret.fromSecretUri(...) or a new SasTokenSecret";
  expectShape(pipeline, "storageAccess.secret", secret, "object", false, secretFix);
  if (secret)
    expectShape(
      pipeline,
      "storageAccess.secret.secretUri",
      secret.secretUri,
      "string",
      true,
      secretFix,
    );
  const generated = secret?.generatedFor;
  if (secret && generated) {
    failOn(
      pipeline,
      generatedTokenFinding({
        secretKey: keyOf(pipeline, secret.secretKey, secret.secretUri),
        tokenSide: generated.side,
        tokenContainerKey: keyOf(
          pipeline,
          generated.container.containerKey,
          generated.container.containerUrl,
        ),
        tokenAllowsDelete: generated.permissions.delete,
        side: pipeline.side,
        containerKey: keyOf(pipeline, props.container.containerKey, props.container.containerUrl),
        needsDelete,
      }),
    );
  }
  return secret;
}

/**
 * The storage access of a pipeline whose secret `storageSecret` checked: SAS token mode with
 * that secret, or managed-identity mode with a role that can do the side's job, on a container
 * whose ID is known (its role assignment's scope).
 */
export function pipelineStorage(
  pipeline: CheckedPipeline,
  props: TransferPipelineProps,
  secret: ISasTokenSecret | undefined,
  needsDelete: boolean,
): PipelineStorage {
  if (secret) return { mode: StorageAccessMode.SAS_TOKEN, secret };
  const mode = StorageAccessMode.MANAGED_IDENTITY;
  const given = props.storageRoleName;
  const reason = props.customStorageRoleReason;
  if (typeof given === "string" && !Token.isUnresolved(given)) {
    const facts = { side: pipeline.side, roleName: given, needsDelete, customRoleReason: reason };
    failOn(pipeline, storageRoleFinding(facts));
  }
  const container = props.container;
  if (!container.containerResourceId) {
    fail(pipeline, "container", shownRef(container.containerUrl, container.containerKey), {
      problem: "has no known storage account, so its role assignment cannot be made",
      rule: "managed-identity mode grants the pipeline identity a Storage Blob Data role on the container",
      fix: "pass storageAccount to TransferContainer.fromUrl, or use TransferContainer.fromContainerResourceId",
    });
  }
  const roleName = given ?? storageRoleFor(pipeline.side, needsDelete);
  return {
    mode,
    roleName,
    denyDelete:
      props.denyBlobDelete ?? (!needsDelete && roleName === STORAGE_BLOB_DATA_CONTRIBUTOR),
    roleGiven: typeof given === "string",
    customExportRole: props.customExportRole === true,
    customRoleReason: reason,
  };
}
