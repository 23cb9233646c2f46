import { describe, expect, it } from "vitest";
import { TRANSFER_API_VERSIONS } from "../../lib/arm/api-versions";
import { schemaVersionFor, transferValidator } from "../support/arm-schema";
import { transferResources } from "../support/arm-resources";
import { HAS_REFERENCE, SKIP_REASON } from "../support/reference";
import { TEST_STACKS, synthObject } from "../support/stacks";

describe.skipIf(!HAS_REFERENCE)(`bodies against Microsoft's ARM schemas${SKIP_REASON}`, () => {
  for (const { name, build } of TEST_STACKS) {
    it(`${name}: every pipeline and run validates, additional properties forbidden`, () => {
      const resources = transferResources(synthObject(build()));
      expect(resources.length).toBeGreaterThan(0);
      for (const { address, definition, apiVersion, resource } of resources) {
        const schemaVersion = schemaVersionFor(apiVersion);
        const validate = transferValidator(schemaVersion, definition);
        const valid = validate({ ...resource, apiVersion: schemaVersion });
        expect(
          validate.errors ?? [],
          `${address} against ${schemaVersion} (${apiVersion})`,
        ).toEqual([]);
        expect(valid).toBe(true);
      }
    });
  }

  it("rejects what the schemas forbid, so the check above can fail", () => {
    const validate = transferValidator("2025-06-01-preview", "registries_pipelineRuns");
    const run = {
      type: "Microsoft.ContainerRegistry/registries/pipelineRuns",
      apiVersion: "2025-06-01-preview",
      name: "myrun1",
      location: "eastus",
      properties: { request: { artifacts: ["a"] }, unknown: true },
    };
    expect(validate(run)).toBe(false);
    const exportOld = transferValidator("2019-12-01-preview", "registries_exportPipelines");
    const withMode = {
      type: "Microsoft.ContainerRegistry/registries/exportPipelines",
      apiVersion: "2019-12-01-preview",
      name: "myexport",
      properties: {
        target: {
          type: "AzureStorageBlobContainer",
          uri: "u",
          keyVaultUri: "k",
          storageAccessMode: "SasToken",
        },
      },
    };
    expect(exportOld(withMode)).toBe(false);
  });

  it("every api-version the library accepts has a schema at or before it", () => {
    for (const version of TRANSFER_API_VERSIONS)
      expect(() => schemaVersionFor(version)).not.toThrow();
  });
});
