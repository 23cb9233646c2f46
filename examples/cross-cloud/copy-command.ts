import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { ITransferContainer } from "../../lib";

/** The two containers the manual copy goes between. */
export interface BlobCopyOutputProps {
  /** Where the export run wrote the blob. */
  readonly from: ITransferContainer;
  /** Where the import pipeline's source trigger looks for it. */
  readonly to: ITransferContainer;
  /** The blob's name (the same on both sides). */
  readonly blobName: string;
}

/**
 * Declares the `blob_copy_command` output: the one manual step, copying the blob between
 * clouds, as two azcopy commands. They carry no SAS token: azcopy signs in with Microsoft Entra
 * ID. One sign-in cannot cover two clouds, so the blob goes through a local file (or the media
 * of an air gap).
 */
export function addBlobCopyOutput(scope: Construct, props: BlobCopyOutputProps): TerraformOutput {
  const local = `./${props.blobName}`;
  return new TerraformOutput(scope, "blob_copy_command", {
    value: [
      `azcopy copy '${props.from.containerUrl}/${props.blobName}' '${local}'`,
      `azcopy copy '${local}' '${props.to.containerUrl}/${props.blobName}' --put-md5 --metadata 'category=acr-transfer-blob'`,
    ].join("\n"),
    description:
      "The manual copy between clouds; no SAS token needed. azcopy authenticates with " +
      "Microsoft Entra ID: run the first line after `azcopy login` in the public cloud and " +
      "the second after `azcopy login --aad-endpoint https://login.microsoftonline.us` in " +
      "US Government (or set AZCOPY_AUTO_LOGIN_TYPE=AZCLI and `az cloud set` + `az login` " +
      "before each). Storage Blob Data Reader on the source container and Contributor on " +
      "the target one are enough. --put-md5 and the category metadata are what the import " +
      "pipeline's source trigger needs to pick the blob up.",
  });
}
