import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { ITransferContainer } from "../../lib";
import { TenantSide } from "./config";

/** The two containers, and their tenants, the manual copy goes between. */
export interface TenantCopyOutputProps {
  /** Where the export run wrote the blob, and its tenant. */
  readonly from: { readonly container: ITransferContainer; readonly side: TenantSide };
  /** Where the import pipeline's source trigger looks for it, and its tenant. */
  readonly to: { readonly container: ITransferContainer; readonly side: TenantSide };
  /** The blob's name (the same on both sides). */
  readonly blobName: string;
}

/**
 * Declares the `blob_copy_command` output: the one step between the tenants. No identity of one
 * tenant is granted anything in the other, so the blob is downloaded signed in to the source
 * tenant and uploaded signed in to the target tenant, keeping what the source trigger needs.
 */
export function addTenantCopyOutput(
  scope: Construct,
  props: TenantCopyOutputProps,
): TerraformOutput {
  const { from, to, blobName } = props;
  const local = `./${blobName}`;
  return new TerraformOutput(scope, "blob_copy_command", {
    value: [
      `azcopy login --tenant-id ${from.side.tenantId}`,
      `azcopy copy '${from.container.containerUrl}/${blobName}' '${local}'`,
      `azcopy login --tenant-id ${to.side.tenantId}`,
      `azcopy copy '${local}' '${to.container.containerUrl}/${blobName}' --put-md5 --metadata 'category=acr-transfer-blob'`,
    ].join("\n"),
    description:
      "The copy between the two tenants, with no SAS token: azcopy signs in to each tenant in " +
      "turn (Storage Blob Data Reader on the source container, Contributor on the target one). " +
      "--put-md5 and the category metadata are what the import pipeline's source trigger needs.",
  });
}
