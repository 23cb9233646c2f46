// The worked example of docs/testing.md, run against examples/landing-zone: keep them in step.
import { Testing } from "cdktf";
import { beforeAll, describe, expect, it, vi } from "vitest";
import "../../lib/testing/setup.mjs";
import { LANDING_ZONE_REGISTRIES, LandingZoneStack } from "../../examples/landing-zone";
import { ExportPipelineRun, StorageAccessMode } from "../../lib";
import { checkTransferConformance, synthJson } from "../../lib/testing";

// Compiles, spawns processes or synthesizes whole apps: slower than vitest's 5 s default.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe("landing zone", () => {
  let stack: LandingZoneStack;
  let json: string;

  beforeAll(() => {
    stack = new LandingZoneStack(Testing.app(), "landing-zone");
    new ExportPipelineRun(stack, "PaymentsNightly", {
      pipeline: stack.transfer.registries[0].exportPipeline,
      runName: "paymentsnightly",
      blobName: "payments-nightly",
      artifacts: ["payments/api:v1"],
    });
    json = synthJson(stack); // synthesize once, match many times
  });

  it("passes the transfer conformance rules", () => {
    expect(json).toPassTransferConformance();
  });

  it.each(LANDING_ZONE_REGISTRIES)("gives $key an export and an import pipeline", (registry) => {
    const side = (storage: object) => ({
      location: registry.location,
      identity: [{ type: "UserAssigned" }],
      body: { properties: storage },
    });
    const storage = { storageAccessMode: registry.storageAccessMode };
    expect(json).toHaveExportPipeline({
      name: `export${registry.key}`,
      ...side({ target: storage, options: ["OverwriteBlobs"] }),
    });
    expect(json).toHaveImportPipeline({
      name: `import${registry.key}`,
      ...side({ source: storage }),
    });
  });

  it("lets every SAS-mode pipeline read its secret", () => {
    for (const registry of stack.transfer.registries) {
      if (registry.exportPipeline.storageAccessMode !== StorageAccessMode.SAS_TOKEN) continue;
      expect(json).toGrantSecretRead(registry.exportPipeline);
      expect(json).toGrantSecretRead(registry.importPipeline);
    }
  });

  it("gives the shared identity no access policy, only a role on each of its secrets", () => {
    const doc = JSON.parse(json);
    expect(doc.resource.azurerm_key_vault_access_policy).toBeUndefined();
    const reads = Object.values<any>(doc.resource.azurerm_role_assignment).filter(
      (r) => r.role_definition_name === "Key Vault Secrets User",
    );
    expect(reads).toHaveLength(Object.keys(doc.resource.azurerm_key_vault_secret).length);
  });

  it("starts the nightly run only after its grants exist", () => {
    expect(json).toHavePipelineRun({
      name: "paymentsnightly",
      depends_on: [expect.stringMatching(/^azurerm_role_assignment\./)],
    });
  });

  it("would catch a secret's role widened to the whole vault by hand", () => {
    const doc = JSON.parse(json);
    const role = Object.values<any>(doc.resource.azurerm_role_assignment).find(
      (r) => r.role_definition_name === "Key Vault Secrets User",
    );
    role.scope =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-security-hub" +
      "/providers/Microsoft.KeyVault/vaults/kv-contoso-hub";
    expect(checkTransferConformance(doc)).toContainEqual(
      expect.stringContaining("is scoped to the whole vault; scope it to the one secret"),
    );
  });
});
