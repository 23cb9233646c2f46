import { supportsStorageAccessMode } from "./api-versions";
import { TransferSide } from "./options";
import { StorageAccessMode } from "./storage-access-mode";

/** Storage settings of a pipeline body. */
export interface PipelineStorageBody {
  /** The container URL. */
  readonly uri: string;
  /** Access mode. */
  readonly mode: StorageAccessMode;
  /** Versionless secret URI, in SAS token mode. */
  readonly keyVaultUri?: string;
  /** The api-version the body is sent with. */
  readonly apiVersion: string;
}

/** Body of an export pipeline, as Microsoft's template sends it, without its quirks. */
export function exportPipelineBody(storage: PipelineStorageBody, options: readonly string[]) {
  return { properties: { target: storageProperties(storage), options: [...options] } };
}

/** Body of an import pipeline, as Microsoft's template sends it, without its quirks. */
export function importPipelineBody(
  storage: PipelineStorageBody,
  options: readonly string[],
  sourceTriggerEnabled: boolean,
) {
  return {
    properties: {
      source: storageProperties(storage),
      trigger: { sourceTrigger: { status: sourceTriggerEnabled ? "Enabled" : "Disabled" } },
      options: [...options],
    },
  };
}

/** Body of a pipeline of either side; the source trigger is the import side's. */
export function pipelineBody(
  side: TransferSide,
  storage: PipelineStorageBody,
  options: readonly string[],
  sourceTriggerEnabled: boolean,
) {
  return side === TransferSide.EXPORT
    ? exportPipelineBody(storage, options)
    : importPipelineBody(storage, options, sourceTriggerEnabled);
}

function storageProperties(storage: PipelineStorageBody) {
  return {
    type: "AzureStorageBlobContainer",
    uri: storage.uri,
    ...(storage.mode === StorageAccessMode.SAS_TOKEN ? { keyVaultUri: storage.keyVaultUri } : {}),
    ...(supportsStorageAccessMode(storage.apiVersion) ? { storageAccessMode: storage.mode } : {}),
  };
}

/** Inputs of an export run body. */
export interface ExportRunRequest {
  /** ID of the export pipeline. */
  readonly pipelineResourceId: string;
  /** Artifacts to export. */
  readonly artifacts: readonly string[];
  /** Name of the blob to write. */
  readonly targetBlobName: string;
  /** Rerun token. */
  readonly forceUpdateTag?: string;
}

/** Inputs of an import run body. */
export interface ImportRunRequest {
  /** ID of the import pipeline. */
  readonly pipelineResourceId: string;
  /** Name of the blob to import. */
  readonly sourceBlobName: string;
  /** Digest of the tar to import, when pinned. */
  readonly catalogDigest?: string;
  /** Rerun token. */
  readonly forceUpdateTag?: string;
}

/** Body of an export pipeline run: no location, no empty source side. */
export function exportRunBody(request: ExportRunRequest) {
  return {
    properties: {
      request: {
        pipelineResourceId: request.pipelineResourceId,
        artifacts: [...request.artifacts],
        target: { type: "AzureStorageBlob", name: request.targetBlobName },
      },
      ...(request.forceUpdateTag !== undefined ? { forceUpdateTag: request.forceUpdateTag } : {}),
    },
  };
}

/** Body of an import pipeline run: no location, no empty target side. */
export function importRunBody(request: ImportRunRequest) {
  return {
    properties: {
      request: {
        pipelineResourceId: request.pipelineResourceId,
        source: { type: "AzureStorageBlob", name: request.sourceBlobName },
        ...(request.catalogDigest !== undefined ? { catalogDigest: request.catalogDigest } : {}),
      },
      ...(request.forceUpdateTag !== undefined ? { forceUpdateTag: request.forceUpdateTag } : {}),
    },
  };
}
