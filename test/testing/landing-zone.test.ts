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

  it("makes one access policy for the shared identity", () => {
    const policies = JSON.parse(json).resource.azurerm_key_vault_access_policy;
    expect(Object.keys(policies)).toHaveLength(1);
  });

  it("starts the nightly run only after its grants exist", () => {
    expect(json).toHavePipelineRun({
      name: "paymentsnightly",
      depends_on: [expect.stringMatching(/^azurerm_key_vault_access_policy\./)],
    });
  });

  it("would catch an access policy widened by hand", () => {
    const doc = JSON.parse(json);
    const [policy] = Object.values<any>(doc.resource.azurerm_key_vault_access_policy);
    policy.secret_permissions.push("List");
    expect(checkTransferConformance(doc)).toEqual([
      expect.stringContaining(
        'a pipeline needs exactly secret_permissions ["Get"] and nothing else',
      ),
    ]);
  });
});
