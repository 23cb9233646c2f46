import { TerraformOutput } from "../core/cdk";
import { Construct } from "constructs";
import { checkBlobName } from "../arm/storage";
import { ITransferContainer } from "../containers/transfer-container";
import { check, expectProps, expectShape } from "../validation/check";
import { blobCopyCommands } from "./copy-commands";
import { checkShellWord } from "./shell-quote";

/** Props of a blob copy output. */
export interface BlobCopyOutputProps {
  /** Where the export run wrote the blob: the export pipeline's container. */
  readonly exportContainer: ITransferContainer;
  /** Where the import pipeline reads it: the import pipeline's container. */
  readonly importContainer: ITransferContainer;
  /** The blob's name (the same on both sides). */
  readonly blobName: string;
  /**
   * Name of the Terraform output.
   * @default "blob_copy_command"
   */
  readonly outputName?: string;
}

/**
 * A Terraform output holding the one manual step of a transfer: copying the blob from the export
 * container to the import container with azcopy. Same cloud: one service-to-service copy. Two
 * clouds: two commands through a local file (one azcopy sign-in cannot cover two clouds, and the
 * file is what crosses an air gap). The commands carry no SAS token (azcopy signs in with
 * Microsoft Entra ID); every value is shell-quoted, and `--put-md5` plus the `category` metadata
 * are what the import pipeline's source trigger needs.
 */
export class BlobCopyOutput extends Construct {
  /** The output. */
  public readonly output: TerraformOutput;

  /** Declares the output; the blob name is checked like a run's. */
  public constructor(scope: Construct, id: string, props: BlobCopyOutputProps) {
    super(scope, id);
    expectProps(this, props, "BlobCopyOutputProps");
    expectShape(this, "outputName", props.outputName, "string", false);
    const { exportContainer, importContainer } = props;
    expectShape(
      this,
      "exportContainer",
      exportContainer,
      "object",
      true,
      "pass the export pipeline's container",
    );
    expectShape(
      this,
      "importContainer",
      importContainer,
      "object",
      true,
      "pass the import pipeline's container",
    );
    for (const [subject, container] of [
      ["exportContainer", exportContainer],
      ["importContainer", importContainer],
    ] as const) {
      const fix = "pass a TransferContainer, or TransferContainer.fromUrl(...)";
      expectShape(this, `${subject}.containerUrl`, container.containerUrl, "string", true, fix);
    }
    expectShape(this, "blobName", props.blobName, "string");
    check(this, "blobName", props.blobName, checkBlobName);
    const source = `${exportContainer.containerUrl}/${props.blobName}`;
    const target = `${importContainer.containerUrl}/${props.blobName}`;
    for (const [subject, value] of [
      ["exportContainer", source],
      ["importContainer", target],
    ]) {
      check(this, subject, value, checkShellWord);
    }
    const sameCloud = exportContainer.cloud === importContainer.cloud;
    const commands = blobCopyCommands(
      exportContainer.containerUrl,
      importContainer.containerUrl,
      [props.blobName],
      sameCloud,
    );
    this.output = new TerraformOutput(this, "Output", {
      value: commands.join("\n"),
      description: sameCloud
        ? "The copy of the blob between the two containers, after `azcopy login`. Storage Blob " +
          "Data Reader on the source container and Contributor on the target one are enough."
        : "The copy between clouds through a local file; no SAS token needed. azcopy " +
          "authenticates with Microsoft Entra ID: run the first line after `azcopy login` in the " +
          "source cloud and the second after `azcopy login` in the target cloud (US Government: " +
          "--aad-endpoint https://login.microsoftonline.us), or set AZCOPY_AUTO_LOGIN_TYPE=AZCLI " +
          "and `az cloud set` + `az login` before each. Storage Blob Data Reader on the source " +
          "container and Contributor on the target one are enough; --put-md5 and the category " +
          "metadata are what the import pipeline's source trigger needs.",
    });
    this.output.overrideLogicalId(props.outputName ?? "blob_copy_command");
  }
}
