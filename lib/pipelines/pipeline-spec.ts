import { Token } from "../core/cdk";
import { Construct } from "constructs";
import { DEFAULT_TRANSFER_API_VERSION } from "../arm/api-versions";
import { PipelineStorageBody, pipelineBody } from "../arm/bodies";
import { checkTransferName } from "../arm/names";
import { TransferSide, optionsRule } from "../arm/options";
import { deletesSourceBlobs } from "../arm/roles";
import { StorageAccessMode } from "../arm/storage-access-mode";
import { ITransferContainer } from "../containers/transfer-container";
import { cloudDefaulted } from "../private/defaulted-cloud";
import { keyOf, shownRef } from "../private/keys";
import { NameKind, claimName } from "../private/ledger";
import { ISasTokenSecret } from "../secrets/secret";
import { check, expectShape, fail } from "../validation/check";
import { failOn } from "../validation/finding";
import { literalApiVersion } from "../validation/literal-api-version";
import { cloudFinding } from "./cloud-rules";
import { PipelineIdentity } from "./pipeline-identity";
import { checkPipelineProps, pipelineIdentity, pipelineLocation } from "./pipeline-props";
import { blobDeleteFinding, customExportRoleFinding, exportPolicyFinding } from "./prop-rules";
import { PipelineStorage, pipelineStorage, storageSecret } from "./pipeline-storage";
import { TransferPipelineProps } from "./transfer-pipeline-props";

/**
 * What one side of a pipeline hands the shared base: plain data, made from the side's props by
 * the side's static `sideSpec`, before anything is checked.
 * @internal
 */
export interface PipelineSideSpec {
  /** Export or import. */
  readonly side: TransferSide;
  /** The side's ARM type. */
  readonly resourceType: string;
  /** The side's options, as given. */
  readonly options?: readonly string[];
  /**
   * Import: whether new blobs are imported as they land, as given.
   * @default true (export pipelines have no trigger)
   */
  readonly sourceTriggerEnabled?: boolean;
}

/**
 * A pipeline's props, every one checked, as the ARM body, the resource and the grants read them.
 * @internal
 */
export interface PipelineSpec {
  /** Export or import. */
  readonly side: TransferSide;
  /** The side's ARM type. */
  readonly resourceType: string;
  /** The pipeline name. */
  readonly name: string;
  /** The api-version. */
  readonly apiVersion: string;
  /** The location, a region name (or a token). */
  readonly location: string;
  /** The pipeline's identity. */
  readonly identity: PipelineIdentity;
  /** The registry's ARM ID. */
  readonly registryId: string;
  /** The registry's key. */
  readonly registryKey: string;
  /** The container. */
  readonly container: ITransferContainer;
  /** The side's options. */
  readonly options: readonly string[];
  /** Import: whether the source trigger is on. */
  readonly sourceTriggerEnabled: boolean;
  /** The storage access: the mode, held once, with its secret or its role. */
  readonly storage: PipelineStorage;
}

/** A pipeline, as its checks name it. */
type CheckedPipeline = Construct & { readonly side: TransferSide };

/**
 * Checks the props of a pipeline of `sideSpec.side`, every rule before anything is declared,
 * and returns them as a spec. The first broken rule throws a TransferValidationError.
 */
export function pipelineSpec(
  pipeline: CheckedPipeline,
  props: TransferPipelineProps,
  sideSpec: PipelineSideSpec,
): PipelineSpec {
  const side = sideSpec.side;
  checkPipelineProps(pipeline, props);
  const name = check(pipeline, "pipelineName", props.pipelineName, checkTransferName);
  const apiVersion = literalApiVersion(pipeline, props.apiVersion ?? DEFAULT_TRANSFER_API_VERSION);
  const options = sideSpec.options ?? [];
  expectShape(pipeline, "options", options, "list");
  check(pipeline, "options", options, optionsRule(side));
  const location = pipelineLocation(pipeline, props);
  const identity = pipelineIdentity(pipeline, props);
  const deletes = deletesSourceBlobs(side, options);
  const secret = storageSecret(pipeline, props, apiVersion, deletes);
  failOn(pipeline, blobDeleteFinding(props.denyBlobDelete, deletes));
  expectShape(pipeline, "customExportRole", props.customExportRole, "boolean", false);
  if (props.customExportRole === true) {
    const sasToken = secret !== undefined;
    const { storageRoleName, denyBlobDelete } = props;
    failOn(pipeline, customExportRoleFinding({ side, sasToken, storageRoleName, denyBlobDelete }));
  }
  checkClouds(pipeline, location, props.container, secret);
  const registry = props.registry;
  const registryKey = keyOf(pipeline, registry.registryKey, registry.registryId);
  claimPipelineName(pipeline, name, registryKey);
  // From a config, "false" is a truthy string: refused, never read as true.
  const trigger = sideSpec.sourceTriggerEnabled;
  expectShape(pipeline, "sourceTriggerEnabled", trigger, "boolean", false);
  const storage = pipelineStorage(pipeline, props, secret, deletes);
  failOn(pipeline, exportPolicyFinding(side, registry.exportPolicyEnabled, registryKey));
  return {
    side,
    resourceType: sideSpec.resourceType,
    name,
    apiVersion,
    location,
    identity,
    registryId: registry.registryId,
    registryKey,
    container: props.container,
    options,
    sourceTriggerEnabled: trigger ?? true,
    storage,
  };
}

/** The ARM body of the pipeline `spec` describes. */
export function pipelineSpecBody(spec: PipelineSpec): { [key: string]: unknown } {
  const storage: PipelineStorageBody = {
    uri: spec.container.containerUrl,
    mode: spec.storage.mode,
    keyVaultUri:
      spec.storage.mode === StorageAccessMode.SAS_TOKEN ? spec.storage.secret.secretUri : undefined,
    apiVersion: spec.apiVersion,
  };
  return pipelineBody(spec.side, storage, spec.options, spec.sourceTriggerEnabled);
}

/** The location, the container and the secret are in one cloud. */
function checkClouds(
  pipeline: Construct,
  location: string,
  container: ITransferContainer,
  secret: ISasTokenSecret | undefined,
): void {
  if (Token.isUnresolved(location)) return;
  failOn(
    pipeline,
    cloudFinding({
      location,
      containerCloud: container.cloud,
      containerUrl: shownRef(container.containerUrl, container.containerKey),
      containerCloudDefaulted: cloudDefaulted(container),
      secretCloud: secret?.cloud,
      secretUri: secret && shownRef(secret.secretUri, secret.secretKey),
      secretCloudDefaulted: cloudDefaulted(secret),
    }),
  );
}

/** Pipeline names are unique per registry and side. */
function claimPipelineName(pipeline: CheckedPipeline, name: string, registryKey: string): void {
  if (Token.isUnresolved(name)) return;
  const kind =
    pipeline.side === TransferSide.EXPORT ? NameKind.EXPORT_PIPELINE : NameKind.IMPORT_PIPELINE;
  const first = claimName(pipeline, kind, registryKey, name);
  if (first) {
    fail(pipeline, "pipelineName", name, {
      problem: `is already used in the same registry by ${first}`,
      rule: `${pipeline.side} pipeline names are unique per registry (ARM names ignore case)`,
      fix: "give one of the pipelines another name",
    });
  }
}
