import { shellQuote } from "./shell-quote";

/** The metadata the import pipeline's source trigger needs on a blob. */
const TRIGGER_METADATA = "category=acr-transfer-blob";

/**
 * The azcopy lines that copy blobs from the export container to the import container, every
 * value shell-quoted. Same cloud: one service-to-service copy per blob. Two clouds: every blob
 * downloaded to a local file first (signed in to the source cloud), then every blob uploaded
 * (signed in to the target cloud). `--put-md5` and the `category` metadata are what the import
 * pipeline's source trigger needs.
 */
export function blobCopyCommands(
  exportContainerUrl: string,
  importContainerUrl: string,
  blobNames: readonly string[],
  sameCloud: boolean,
): string[] {
  const trigger = `--put-md5 --metadata ${shellQuote(TRIGGER_METADATA)}`;
  const source = (blob: string) => shellQuote(`${exportContainerUrl}/${blob}`);
  const target = (blob: string) => shellQuote(`${importContainerUrl}/${blob}`);
  const local = (blob: string) => shellQuote(`./${blob}`);
  if (sameCloud) {
    return blobNames.map((blob) => `azcopy copy ${source(blob)} ${target(blob)} ${trigger}`);
  }
  return [
    ...blobNames.map((blob) => `azcopy copy ${source(blob)} ${local(blob)}`),
    ...blobNames.map((blob) => `azcopy copy ${local(blob)} ${target(blob)} ${trigger}`),
  ];
}
