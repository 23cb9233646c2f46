import { createHash } from "node:crypto";

// What an import run reads, and the rerun token that makes it follow the export run that writes
// it. Pure (no cdktf): the export side and the import side, in any stack, cloud or program,
// compute the same tag from the same inputs.

/**
 * What an export run writes: an `ExportPipelineRun`, or the same facts given by hand for an
 * export run declared in another app (the same blob name, artifacts and rerun token).
 */
export interface IExportedBlob {
  /** Name of the blob the export run writes. */
  readonly blobName: string;
  /** The artifacts the export run writes into the blob. */
  readonly artifacts: string[];
  /**
   * The export run's rerun token.
   * @default none
   */
  readonly rerunToken?: string;
}

/** Hex characters of the artifacts' digest in a following tag (64 bits). */
const DIGEST_LENGTH = 16;

/**
 * The digest of what a blob holds: SHA-256 over the artifact references in code-point order,
 * one per line, first 16 hex characters. The order of the list does not matter.
 */
export function artifactsDigest(artifacts: readonly string[]): string {
  const sorted = [...artifacts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha256")
    .update(sorted.join("\n"), "utf8")
    .digest("hex")
    .slice(0, DIGEST_LENGTH);
}

/**
 * The `forceUpdateTag` of an import run that follows an export run: the export run's rerun
 * token, the import run's own (when it is another one), and the digest of the blob's artifacts,
 * joined by ".". It changes exactly when one of them does, so that the import runs again
 * whenever the export does: "2026-11-26.9f86d081884c7d65", or "9f86d081884c7d65" without tokens.
 */
export function followingTag(exported: IExportedBlob, ownRerunToken?: string): string {
  const tokens = [exported.rerunToken, ownRerunToken].filter(
    (token, i, all): token is string => token !== undefined && all.indexOf(token) === i,
  );
  return [...tokens, artifactsDigest(exported.artifacts)].join(".");
}
