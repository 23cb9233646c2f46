import { join } from "node:path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  ArtifactList,
  AzapiProvider,
  BulkTransfer,
  BulkTransferSource,
  BulkTransferTarget,
  KeyVaultAccessModel,
  KeyVaultRef,
  RegistryRef,
  SasToken,
  StorageAccessMode,
  StorageAccountRef,
} from "../../lib";
import { addBulkTransfer } from "../../examples/bulk-transfer";
import { checkTransferConformance } from "../../lib/testing";
import { synthApp } from "../composition/app-synth";
import { SHADOW_SKIP, runShadow } from "../support/shadow";
import * as ids from "../support/ids";

type Synth = Record<string, Record<string, Record<string, any>>>;

const RG = `/subscriptions/${ids.SUBSCRIPTION}/resourceGroups/transfer-rg/providers`;
const SOURCE_ACCOUNT_ID = `${RG}/Microsoft.Storage/storageAccounts/sourcexfer`;
const TARGET_ACCOUNT_ID = `${RG}/Microsoft.Storage/storageAccounts/targetxfer`;
const RUN_TYPE = "Microsoft.ContainerRegistry/registries/pipelineRuns@";

function sideStack(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzapiProvider(stack, "Azapi");
  new AzurermProvider(stack, "Azurerm", { features: [{}] });
  return stack;
}

/** What a test changes on each side. */
interface SideOverrides {
  readonly storageAccessMode?: StorageAccessMode;
  readonly source?: Partial<BulkTransferSource>;
  readonly target?: Partial<BulkTransferTarget>;
}

/** A bulk transfer of 90 artifacts between the stacks "source" and "target" of a fresh app. */
function bulkTransfer(build: (source: TerraformStack, target: TerraformStack) => SideOverrides): {
  source: TerraformStack;
  target: TerraformStack;
  bulk: BulkTransfer;
} {
  const app = Testing.app();
  const source = sideStack(app, "source");
  const target = sideStack(app, "target");
  const given = build(source, target);
  const bulk = new BulkTransfer(app, "Bulk", {
    source: {
      stack: source,
      registry: RegistryRef.fromRegistryId(source, "Registry", ids.REGISTRY_ID, {
        location: "eastus",
      }),
      storageAccount: StorageAccountRef.fromStorageAccountId(source, "Account", SOURCE_ACCOUNT_ID),
      pipelineName: "exportbulk",
      ...given.source,
    },
    target: {
      stack: target,
      registry: RegistryRef.fromRegistryId(target, "Registry", ids.TARGET_REGISTRY_ID, {
        location: "westus2",
      }),
      pipelineName: "importbulk",
      ...given.target,
    },
    storageAccessMode: given.storageAccessMode ?? StorageAccessMode.MANAGED_IDENTITY,
    artifacts: ArtifactList.fromList(Array.from({ length: 90 }, (_, i) => `apps/app${i}:v1`)),
    runNamePrefix: "bulk202611",
    blobNamePrefix: "bulk-2026-11-",
  });
  return { source, target, bulk };
}

function synth(stack: TerraformStack): Synth {
  return JSON.parse(Testing.synth(stack, true));
}

function ofType(stack: Synth, type: string): Record<string, any>[] {
  return Object.values(stack.resource[type] ?? {});
}

function runs(stack: Synth): Record<string, any>[] {
  return ofType(stack, "azapi_resource").filter((r) => String(r.type).startsWith(RUN_TYPE));
}

/** Two accounts in one cloud, SAS tokens from sensitive variables. */
function sasBetweenTwoAccounts() {
  const token = (stack: TerraformStack, name: string) =>
    SasToken.fromVariable(
      new TerraformVariable(stack, name, { type: "string", sensitive: true }),
      1,
    );
  const vault = (stack: TerraformStack) =>
    KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
      accessModel: KeyVaultAccessModel.ACCESS_POLICY,
    });
  return bulkTransfer((source, target) => ({
    storageAccessMode: StorageAccessMode.SAS_TOKEN,
    source: { sas: { keyVault: vault(source), token: token(source, "export_sas") } },
    target: {
      storageAccount: StorageAccountRef.fromStorageAccountId(target, "Account", TARGET_ACCOUNT_ID),
      sas: { keyVault: vault(target), token: token(target, "import_sas") },
    },
  }));
}

describe("BulkTransfer", () => {
  describe("two storage accounts in one cloud, SAS tokens", () => {
    const { source, target, bulk } = sasBetweenTwoAccounts();
    const [sourceJson, targetJson] = [synth(source), synth(target)];

    it("declares each side in its stack: container, secret, pipeline, access policy, runs", () => {
      for (const [stack, secretName] of [
        [sourceJson, "acrexportsas"],
        [targetJson, "acrimportsas"],
      ] as const) {
        expect(ofType(stack, "azurerm_storage_container").map((c) => c.name)).toEqual(["transfer"]);
        expect(ofType(stack, "azurerm_key_vault_secret").map((s) => s.name)).toEqual([secretName]);
        expect(ofType(stack, "azurerm_key_vault_access_policy")).toHaveLength(1);
        expect(runs(stack)).toHaveLength(bulk.exportBatches.batches.length);
      }
      expect(checkTransferConformance(source)).toEqual([]);
      expect(checkTransferConformance(target)).toEqual([]);
    });

    it("imports exactly the blobs the export writes", () => {
      expect(runs(targetJson).map((r) => r.body.properties.request.source.name)).toEqual(
        runs(sourceJson).map((r) => r.body.properties.request.target.name),
      );
      expect(bulk.importBatches.batches).toEqual(bulk.exportBatches.batches);
    });

    it("prints one service-to-service copy per blob, and shares no state between the stacks", () => {
      const lines = String(targetJson.output.Bulk_copy_commands.value).split("\n");
      const container = "azurerm_storage_container.BulkImport_Container_51D63A09.name";
      expect(lines).toEqual(
        bulk.exportBatches.blobNames.map(
          (blob) =>
            `azcopy copy 'https://sourcexfer.blob.core.windows.net/transfer/${blob}' ` +
            `'https://targetxfer.blob.core.windows.net/\${replace(${container}, "'", "'\\\\''")}/${blob}' ` +
            "--put-md5 --metadata 'category=acr-transfer-blob'",
        ),
      );
      expect(bulk.copyCommands).toHaveLength(lines.length);
      expect(target.dependencies).toEqual([]);
      for (const json of [sourceJson, targetJson]) {
        expect(JSON.stringify(json)).not.toMatch(/terraform_remote_state|sig=/);
      }
    });

    it("names outputs by side and batch", () => {
      expect(Object.keys(sourceJson.output)).toContain("Bulk_export_summary");
      expect(Object.keys(targetJson.output)).toContain("Bulk_import_summary");
      expect(Object.keys(targetJson.output)).toContain(
        `Bulk_import_${bulk.importBatches.batches[0].batchId}_status`,
      );
    });

    it("matches its snapshot", () => {
      expect(Testing.synth(source)).toMatchSnapshot();
      expect(Testing.synth(target)).toMatchSnapshot();
    });
  });

  describe("one storage account, two stacks", () => {
    const { source, target, bulk } = bulkTransfer(() => ({}));
    const targetJson = synth(target);

    it("reads the source's container by ID, after the source stack, with nothing to copy", () => {
      expect(targetJson.resource.azurerm_storage_container).toBeUndefined();
      const [pipeline] = ofType(targetJson, "azapi_resource").filter((r) =>
        String(r.type).includes("/importPipelines@"),
      );
      expect(pipeline.body.properties.source.uri).toBe(
        "https://sourcexfer.blob.core.windows.net/transfer",
      );
      const [role] = ofType(targetJson, "azurerm_role_assignment");
      expect(role.scope).toBe(`${SOURCE_ACCOUNT_ID}/blobServices/default/containers/transfer`);
      expect(role.role_definition_name).toBe("Storage Blob Data Reader");
      expect(target.dependencies).toEqual([source]);
      expect(bulk.copyCommands).toEqual([]);
      expect(bulk.copyCommandsOutput).toBeUndefined();
      expect(targetJson.output.Bulk_copy_commands).toBeUndefined();
      expect(JSON.stringify(targetJson)).not.toMatch(/terraform_remote_state/);
      expect(checkTransferConformance(target)).toEqual([]);
    });
  });

  describe("blob retention on both sides", () => {
    const { source, target } = bulkTransfer((_, t) => ({
      source: { blobRetentionDays: 14 },
      target: {
        storageAccount: StorageAccountRef.fromStorageAccountId(t, "Account", TARGET_ACCOUNT_ID),
        blobRetentionDays: 7,
      },
    }));

    it("gives each side's account one policy with the rule of its new container", () => {
      const rule = (json: Synth) =>
        ofType(json, "azurerm_storage_management_policy").map((p) => [
          p.storage_account_id,
          p.rule[0].actions.base_blob.delete_after_days_since_modification_greater_than,
          p.rule[0].filters.prefix_match,
        ]);
      expect(rule(synth(source))).toEqual([[SOURCE_ACCOUNT_ID, 14, ["transfer/"]]]);
      expect(rule(synth(target))).toEqual([[TARGET_ACCOUNT_ID, 7, ["transfer/"]]]);
    });

    it("refuses target.blobRetentionDays when the target reads the source's container", () => {
      expect(() => bulkTransfer(() => ({ target: { blobRetentionDays: 7 } }))).toThrow(
        "Bulk: target.blobRetentionDays 7 is set, but the target has no storageAccount. " +
          "rule: without its own storage account the target reads the source's container, " +
          "whose retention is source.blobRetentionDays. fix: set source.blobRetentionDays " +
          "instead, or give target.storageAccount.",
      );
    });
  });

  describe("keeping the source trigger on", () => {
    const { target, bulk } = bulkTransfer((_, t) => ({
      target: {
        storageAccount: StorageAccountRef.fromStorageAccountId(t, "Account", TARGET_ACCOUNT_ID),
        sourceTriggerEnabled: true,
      },
    }));

    it("makes no import runs, and still prints the copy", () => {
      const json = synth(target);
      expect(runs(json)).toEqual([]);
      expect(bulk.importBatches.runs).toEqual([]);
      expect(bulk.copyCommands).toHaveLength(bulk.exportBatches.batches.length);
    });
  });
});

describe("BulkTransfer under Terraform's own validate and plan", () => {
  it.skipIf(SHADOW_SKIP !== "")(
    `passes for the bulk-transfer example and the one-account shape${SHADOW_SKIP}`,
    () => {
      const { outdir, stacks, cleanup } = synthApp((app) => {
        addBulkTransfer(app);
        const source = sideStack(app, "shared-source");
        const target = sideStack(app, "shared-target");
        new BulkTransfer(app, "Shared", {
          source: {
            stack: source,
            registry: RegistryRef.fromRegistryId(source, "Registry", ids.REGISTRY_ID, {
              location: "eastus",
            }),
            storageAccount: StorageAccountRef.fromStorageAccountId(
              source,
              "Account",
              SOURCE_ACCOUNT_ID,
            ),
            pipelineName: "exportbulk",
          },
          target: {
            stack: target,
            registry: RegistryRef.fromRegistryId(target, "Registry", ids.TARGET_REGISTRY_ID, {
              location: "eastus",
            }),
            pipelineName: "importbulk",
          },
          storageAccessMode: StorageAccessMode.MANAGED_IDENTITY,
          artifacts: ArtifactList.fromList(
            Array.from({ length: 240 }, (_, i) => `apps/app${i}:v1`),
          ),
          runNamePrefix: "shared202611",
          blobNamePrefix: "shared-",
          maxConcurrentRuns: 2,
        });
      });
      try {
        expect(stacks.get("shared-target")!.dependencies).toEqual(["shared-source"]);
        expect(stacks.get("bulk-transfer-target")!.dependencies).toEqual([]);
        expect(runShadow(join(outdir, "stacks"))).toMatch(
          /^terraform-shadow: 0 problems in 4 stacks/,
        );
      } finally {
        cleanup();
      }
    },
    60_000, // four stacks through terraform: slower than the 5 s default on a busy machine
  );
});
