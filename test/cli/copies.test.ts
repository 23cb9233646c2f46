// Blob copies the app tells of (an export run and an import run of the same blob name) are
// drawn between the two containers, across stacks too, and Mermaid still parses the chart.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack } from "cdktf";
import { afterAll, describe, expect, it, vi } from "vitest";
import { addProviders } from "../../examples/shared/providers";
import {
  ExportPipeline,
  ExportPipelineRun,
  ImportPipeline,
  ImportPipelineRun,
  RegistryRef,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
} from "../../lib";
import { parseMermaid } from "../support/mermaid";
import { cli, mermaidBlocks } from "./support";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers";
const outdir = mkdtempSync(join(tmpdir(), "acr-copies-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** A stack with one pipeline on `side` and one run of blob "release-1". */
function side(app: App, name: string, kind: "export" | "import", account: string): void {
  const stack = new TerraformStack(app, name);
  addProviders(stack);
  const props = {
    registry: RegistryRef.fromRegistryId(
      stack,
      "Registry",
      `${RG}/Microsoft.ContainerRegistry/registries/${name}acr`,
      { location: "eastus" },
    ),
    pipelineName: `${kind}release`,
    container: new TransferContainer(stack, "Container", {
      storageAccount: StorageAccountRef.fromStorageAccountId(
        stack,
        "Account",
        `${RG}/Microsoft.Storage/storageAccounts/${account}`,
      ),
      containerName: "transfer",
    }),
    storageAccess: StorageAccess.managedIdentity(),
  };
  if (kind === "export") {
    const pipeline = new ExportPipeline(stack, "Pipeline", props);
    new ExportPipelineRun(stack, "Run", {
      pipeline,
      runName: "exportrelease1",
      blobName: "release-1",
      artifacts: ["app:v1"],
      rerunToken: "1",
    });
  } else {
    const pipeline = new ImportPipeline(stack, "Pipeline", props);
    new ImportPipelineRun(stack, "Run", {
      pipeline,
      runName: "importrelease1",
      blobName: "release-1",
      rerunToken: "1",
    });
  }
}

describe("blob copies", () => {
  it("are drawn from the export container to the import container of another stack, and listed", async () => {
    const app = new App({ outdir });
    side(app, "source", "export", "sourcexfer");
    side(app, "target", "import", "targetxfer");
    app.synth();
    const run = cli("review", outdir);
    expect(run.status).toBe(0);
    const [source, target] = mermaidBlocks(run.stdout);
    expect(source).toMatch(/C1 -\.->\|"blob release-1, copied outside Terraform"\| O1/);
    expect(source).toMatch(/O1\[\("container<br\/>targetxfer\/transfer<br\/>in stack target"\)\]/);
    expect(target).toMatch(/O1 -\.->\|"blob release-1, copied outside Terraform"\| C1/);
    for (const chart of [source, target]) await expect(parseMermaid(chart)).resolves.toBeTruthy();
    expect(run.stdout).toContain(
      "| `release-1` | sourcexfer/transfer (source) | targetxfer/transfer (target) |",
    );
  });
});
