// azcopy commands are pasted into a shell: every value in them must be one inert shell word.
import { execFileSync } from "node:child_process";
import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { BlobCopyOutput, StorageAccountRef, TransferContainer } from "../../lib";
import { checkShellWord, shellQuote } from "../../lib/copy/shell-quote";
import { ACCOUNT_ID, CONTAINER_URL } from "../support/ids";
import { HAS_TERRAFORM, TERRAFORM_SKIP, evaluateOutputs } from "../support/shadow";

/** Terraform's value of `expression` (a JSON-syntax template) with var.name set to `name`. */
function evaluateOutput(expression: string, name: string): string {
  const config = { variable: { name: { default: name } }, output: { v: { value: expression } } };
  return String(evaluateOutputs("main.tf.json", JSON.stringify(config)).v);
}

const HOSTILE = ["it's", "a; rm -rf ~", "$(id)", "`id`", "${HOME}", '"quoted" \\ back', "*", "-x"];

/** What a POSIX shell makes of `words`, each printed on its own line by printf. */
function shellWords(words: string): string[] {
  const out = execFileSync("sh", ["-c", `printf '%s\\n' ${words}`], { encoding: "utf8" });
  return out.split("\n").slice(0, -1);
}

describe("shell quoting", () => {
  it("keeps quotes, ;, $(), backquotes, globs and variables inert", () => {
    expect(shellWords(HOSTILE.map(shellQuote).join(" "))).toEqual(HOSTILE);
  });

  it("refuses line breaks and NUL, which a one-line command cannot carry", () => {
    for (const value of ["a\nb", "a\rb", "a\0b"]) {
      expect(checkShellWord(value)?.problem).toBe("holds a line break or NUL");
    }
    expect(checkShellWord("plain")).toBeUndefined();
  });

  it("quotes parts known only at apply time with Terraform's replace()", () => {
    const stack = new TerraformStack(Testing.app(), "quote");
    const container = new TransferContainer(stack, "Blobs", {
      storageAccount: StorageAccountRef.fromStorageAccountId(stack, "Account", ACCOUNT_ID),
      containerName: "transfer",
    });
    const output = new BlobCopyOutput(stack, "Copy", {
      exportContainer: TransferContainer.fromUrl(stack, "Source", CONTAINER_URL),
      importContainer: container,
      blobName: "images",
    });
    const json = JSON.parse(Testing.synth(stack));
    const value: string = json.output.blob_copy_command.value;
    expect(value).toMatch(
      /'https:\/\/accountname\.blob\.core\.windows\.net\/\$\{replace\(azurerm_storage_container\.Blobs_\w+\.name, "'", "'\\\\''"\)\}\/images' /,
    );
    expect(output.output.friendlyUniqueId).toBe("blob_copy_command");
  });

  it.skipIf(!HAS_TERRAFORM)(
    `quotes apply-time values that Terraform fills in${TERRAFORM_SKIP}`,
    () => {
      // The output's expression, with the container's name replaced by a hostile variable.
      const stack = new TerraformStack(Testing.app(), "quote");
      const container = new TransferContainer(stack, "Blobs", {
        storageAccount: StorageAccountRef.fromStorageAccountId(stack, "Account", ACCOUNT_ID),
        containerName: "transfer",
      });
      new BlobCopyOutput(stack, "Copy", {
        exportContainer: container,
        importContainer: container,
        blobName: "images",
      });
      const value = String(JSON.parse(Testing.synth(stack)).output.blob_copy_command.value);
      const expression = value.replace(/azurerm_storage_container\.\w+\.name/g, "var.name");
      const hostile = "x'; touch pwned; echo '";
      const command = evaluateOutput(expression, hostile);
      const words = shellWords(command.replace(/^azcopy copy /, "").replace(/ --put-md5.*$/, ""));
      expect(words).toEqual([
        `https://accountname.blob.core.windows.net/${hostile}/images`,
        `https://accountname.blob.core.windows.net/${hostile}/images`,
      ]);
    },
  );
});

describe("BlobCopyOutput", () => {
  it("copies service to service in one cloud, and through a local file across clouds", () => {
    const stack = new TerraformStack(Testing.app(), "copy");
    const publicSource = TransferContainer.fromUrl(
      stack,
      "Public",
      "https://pubsa.blob.core.windows.net/out",
    );
    const publicTarget = TransferContainer.fromUrl(
      stack,
      "Public2",
      "https://pubsb.blob.core.windows.net/inbox",
    );
    const govTarget = TransferContainer.fromUrl(
      stack,
      "Gov",
      "https://govsa.blob.core.usgovcloudapi.net/inbox",
    );
    new BlobCopyOutput(stack, "Same", {
      exportContainer: publicSource,
      importContainer: publicTarget,
      blobName: "b1",
      outputName: "same",
    });
    new BlobCopyOutput(stack, "Cross", {
      exportContainer: publicSource,
      importContainer: govTarget,
      blobName: "b1",
      outputName: "cross",
    });
    const outputs = JSON.parse(Testing.synth(stack)).output;
    expect(outputs.same.value).toBe(
      "azcopy copy 'https://pubsa.blob.core.windows.net/out/b1' 'https://pubsb.blob.core.windows.net/inbox/b1' --put-md5 --metadata 'category=acr-transfer-blob'",
    );
    expect(outputs.cross.value.split("\n")).toEqual([
      "azcopy copy 'https://pubsa.blob.core.windows.net/out/b1' './b1'",
      "azcopy copy './b1' 'https://govsa.blob.core.usgovcloudapi.net/inbox/b1' --put-md5 --metadata 'category=acr-transfer-blob'",
    ]);
    expect(JSON.stringify(outputs)).not.toMatch(/[?&](sv|sig|se|sp)=/);
  });

  it("refuses a blob name that is not a plain name", () => {
    const stack = new TerraformStack(Testing.app(), "copy");
    const from = TransferContainer.fromUrl(stack, "From", CONTAINER_URL);
    expect(
      () =>
        new BlobCopyOutput(stack, "Copy", {
          exportContainer: from,
          importContainer: from,
          blobName: "a'; rm -rf ~",
        }),
    ).toThrow(/copy\/Copy: blobName "a'; rm -rf ~" is not a plain blob name/);
  });
});
