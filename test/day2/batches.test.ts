import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { App, TerraformStack } from "cdktf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ArtifactList,
  AzapiProvider,
  AzureCloud,
  BulkTransfer,
  ExportBatches,
  ExportPipeline,
  ImportBatches,
  ImportPipeline,
  Registry,
  StorageAccess,
  StorageAccessMode,
  StorageAccountRef,
  TransferContainer,
} from "../../lib";
import { planBatches } from "../../lib/batches/batch-plan";
import * as ids from "../support/ids";
import { SHADOW_SKIP } from "../support/shadow";
import { Day2Report, Version, changeLines, day2, problemLines } from "./support";

// Both sides of a batched transfer follow what a batch holds: adding one artifact to 120 changes
// the export run of its batch and the import run reading that batch's blob, and nothing else,
// in two stacks of one cloud, in one stack, and in two clouds with the list in a file.

const RG = `/subscriptions/${ids.SUBSCRIPTION}/resourceGroups/transfer-rg/providers`;
const ACCOUNT = (name: string) => `${RG}/Microsoft.Storage/storageAccounts/${name}`;
const IMAGES = Array.from({ length: 120 }, (_, i) => `apps/app${i}:v1`);

/** An added artifact whose batch has room (no split), so that one batch changes. */
const ADDED = (() => {
  const before = planBatches(IMAGES, 50);
  for (let i = 0; ; i++) {
    const candidate = `apps/extra${i}:v1`;
    const after = planBatches([...IMAGES, candidate], 50);
    if (after.length === before.length) return candidate;
  }
})();

function stack(app: App, id: string, cloud = AzureCloud.PUBLIC): TerraformStack {
  const s = new TerraformStack(app, id);
  new AzapiProvider(s, "Azapi");
  new AzurermProvider(s, "Azurerm", {
    features: [{}],
    environment: cloud === AzureCloud.PUBLIC ? "public" : "usgovernment",
  });
  return s;
}

/** The two-stack BulkTransfer "Two" and the one-stack BulkTransfer "One". */
function bulkTransfers(app: App, artifacts: string[]): void {
  const source = stack(app, "source");
  const target = stack(app, "target");
  new BulkTransfer(app, "Two", {
    source: {
      stack: source,
      registry: Registry.fromRegistryId(source, "Registry", ids.REGISTRY_ID, {
        location: "eastus",
      }),
      storageAccount: StorageAccountRef.fromStorageAccountId(source, "Account", ACCOUNT("srcxfer")),
      pipelineName: "exporttwo",
    },
    target: {
      stack: target,
      registry: Registry.fromRegistryId(target, "Registry", ids.TARGET_REGISTRY_ID, {
        location: "westus2",
      }),
      storageAccount: StorageAccountRef.fromStorageAccountId(target, "Account", ACCOUNT("dstxfer")),
      pipelineName: "importtwo",
    },
    storageAccessMode: StorageAccessMode.MANAGED_IDENTITY,
    artifacts: ArtifactList.fromList(artifacts),
    runNamePrefix: "two202611",
    blobNamePrefix: "two-",
    rerunToken: "2026-11-26",
  });
  const one = stack(app, "one");
  new BulkTransfer(app, "One", {
    source: {
      stack: one,
      registry: Registry.fromRegistryId(one, "Registry", ids.REGISTRY_ID, { location: "eastus" }),
      storageAccount: StorageAccountRef.fromStorageAccountId(one, "Account", ACCOUNT("onexfer")),
      pipelineName: "exportone",
    },
    target: {
      stack: one,
      registry: Registry.fromRegistryId(one, "TargetRegistry", ids.TARGET_REGISTRY_ID, {
        location: "eastus",
      }),
      pipelineName: "importone",
    },
    storageAccessMode: StorageAccessMode.MANAGED_IDENTITY,
    artifacts: ArtifactList.fromList(artifacts),
    runNamePrefix: "one202611",
    blobNamePrefix: "one-",
  });
}

/** ExportBatches in the public cloud and ImportBatches in US Government, from one file. */
function twoClouds(app: App, file: string): void {
  const pub = stack(app, "public");
  const gov = stack(app, "gov", AzureCloud.US_GOVERNMENT);
  const settings = {
    artifacts: ArtifactList.fromFile(file),
    runNamePrefix: "file202611",
    blobNamePrefix: "file-",
  };
  const side = (s: TerraformStack, registryId: string, location: string, account: string) => {
    const storageAccount = StorageAccountRef.fromStorageAccountId(s, "Account", ACCOUNT(account), {
      cloud: s === gov ? AzureCloud.US_GOVERNMENT : AzureCloud.PUBLIC,
    });
    return {
      registry: Registry.fromRegistryId(s, "Registry", registryId, { location }),
      container: new TransferContainer(s, "Container", { storageAccount, containerName: "file" }),
      storageAccess: StorageAccess.managedIdentity(),
    };
  };
  new ExportBatches(pub, "FileExport", {
    ...settings,
    pipeline: new ExportPipeline(pub, "Export", {
      ...side(pub, ids.REGISTRY_ID, "eastus", "pubxfer"),
      pipelineName: "exportfile",
    }),
  });
  new ImportBatches(gov, "FileImport", {
    ...settings,
    pipeline: new ImportPipeline(gov, "Import", {
      ...side(gov, ids.TARGET_REGISTRY_ID, "usgovvirginia", "govxfer"),
      pipelineName: "importfile",
      sourceTriggerEnabled: false,
    }),
  });
}

/** The batch IDs whose artifacts differ between two lists. */
function changedBatchIds(before: string[], after: string[]): string[] {
  const plan = (list: string[]) =>
    new Map(planBatches(list, 50).map((b) => [`b${b.bits}`, b.artifacts.join("\n")]));
  const [b, a] = [plan(before), plan(after)];
  return [...a].filter(([id, content]) => b.get(id) !== content).map(([id]) => id);
}

describe.skipIf(SHADOW_SKIP !== "")(
  `adding one artifact to 120, on the next apply${SHADOW_SKIP}`,
  () => {
    let report: Day2Report;
    const dir = mkdtempSync(join(tmpdir(), "acr-day2-list-"));
    const file = join(dir, "images.txt");
    const changed = changedBatchIds(IMAGES, [...IMAGES, ADDED]);

    beforeAll(() => {
      report = day2((app: App, version: Version) => {
        const list = version === "before" ? IMAGES : [...IMAGES, ADDED];
        writeFileSync(file, `# images\n${list.join("\n")}\n`);
        bulkTransfers(app, list);
        twoClouds(app, file);
      });
    }, 120_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("reports no problem on either side", () => {
      expect(problemLines(report)).toEqual([]);
      expect(changed).toHaveLength(1);
    });

    it("updates the export run of the changed batch and the import run reading its blob, two stacks", () => {
      const [id] = changed;
      expect(changeLines(report, "Two")).toEqual([
        `source update azapi_resource.TwoExport_Batches_${id} [body]`,
        `target update azapi_resource.TwoImport_Batches_${id} [body]`,
      ]);
    });

    it("does the same in one stack", () => {
      const [id] = changed;
      expect(changeLines(report, "One")).toEqual([
        `one update azapi_resource.OneExport_Batches_${id} [body]`,
        `one update azapi_resource.OneImport_Batches_${id} [body]`,
      ]);
    });

    it("does the same in two clouds, each side reading the list from the file", () => {
      const [id] = changed;
      expect([...changeLines(report, "FileExport"), ...changeLines(report, "FileImport")]).toEqual([
        `public update azapi_resource.FileExport_${id} [body]`,
        `gov update azapi_resource.FileImport_${id} [body]`,
      ]);
    });

    it("changes nothing else", () => {
      expect(changeLines(report)).toHaveLength(6);
      const imports = Object.values(report.stacks)
        .flatMap((s) => s.changes)
        .filter((c) => /Import/.test(c.address));
      for (const change of imports) {
        expect(change.args?.map((a) => a.path.split(":")[0])).toEqual([
          "body.properties.forceUpdateTag",
        ]);
      }
    });
  },
);
