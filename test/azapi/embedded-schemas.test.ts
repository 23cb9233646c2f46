import { describe, expect, it } from "vitest";
import { AzapiProvider, TransferApiVersions } from "../../lib";
import { AZAPI_BASELINE_VERSION, AZAPI_FIRST_EMBEDDING } from "../../lib/azapi";
import {
  AZAPI_UNEMBEDDED_FLOOR,
  azapiEmbedsSchema,
  azapiFloor,
  azapiVersionConstraint,
} from "../../lib/azapi/embedded-schemas";
import { HAS_REFERENCE, SKIP_REASON, readReferenceJson } from "../support/reference";

const EXPORT = "Microsoft.ContainerRegistry/registries/exportPipelines";
const RUNS = "Microsoft.ContainerRegistry/registries/pipelineRuns";

describe("what azapi embeds", () => {
  it("floors an ACR Transfer type at its first azapi release, never below 2.8.0", () => {
    expect(azapiFloor(`${EXPORT}@2026-03-01-preview`)).toBe("2.11.0");
    expect(azapiFloor(`${RUNS}@2026-01-01-preview`)).toBe("2.9.0");
    expect(azapiFloor(`${EXPORT.toLowerCase()}@2026-01-01-preview`)).toBe("2.9.0");
    expect(azapiFloor(`${EXPORT}@2025-06-01-preview`)).toBe(AZAPI_BASELINE_VERSION);
    expect(azapiFloor(`${EXPORT}@2019-12-01-preview`)).toBe(AZAPI_BASELINE_VERSION);
  });

  it("asks only the baseline without schema validation, and for other types", () => {
    expect(azapiFloor(`${EXPORT}@2026-03-01-preview`, false)).toBe(AZAPI_BASELINE_VERSION);
    expect(azapiFloor(`${EXPORT}@2025-12-01-preview`)).toBe(AZAPI_BASELINE_VERSION);
    expect(azapiFloor("Microsoft.Storage/storageAccounts@2026-03-01-preview")).toBe(
      AZAPI_BASELINE_VERSION,
    );
  });

  it("floors 2026-09-01-preview, embedded nowhere, at 2.11.0 with validation on or off", () => {
    expect(azapiFloor(`${RUNS}@2026-09-01-preview`)).toBe("2.11.0");
    expect(azapiFloor(`${EXPORT}@2026-09-01-preview`, false)).toBe("2.11.0");
    expect(azapiFloor(`${RUNS}@2025-12-01-preview`, false)).toBe(AZAPI_BASELINE_VERSION);
    expect(AZAPI_UNEMBEDDED_FLOOR).toEqual({ "2026-09-01-preview": "2.11.0" });
  });

  it("has no schema for an ACR Transfer api-version no release embeds", () => {
    expect(azapiEmbedsSchema(`${RUNS}@2025-12-01-preview`)).toBe(false);
    expect(azapiEmbedsSchema(`${EXPORT}@2026-09-01-preview`)).toBe(false);
    expect(azapiEmbedsSchema(`${RUNS}@2026-03-01-preview`)).toBe(true);
    expect(azapiEmbedsSchema("Microsoft.Storage/storageAccounts@2025-12-01-preview")).toBe(true);
    expect(azapiEmbedsSchema(`${RUNS}@constructor`)).toBe(false);
    expect(azapiFloor(`${RUNS}@toString`)).toBe(AZAPI_BASELINE_VERSION);
  });

  it("writes ~> for a minor release and a range for a patch release", () => {
    expect(azapiVersionConstraint(AZAPI_BASELINE_VERSION)).toBe(AzapiProvider.VERSION_CONSTRAINT);
    expect(azapiVersionConstraint("2.11.0")).toBe("~> 2.11");
    expect(azapiVersionConstraint("2.9.1")).toBe(">= 2.9.1, < 3.0");
  });

  it("knows a first azapi release for every api-version but 2025-12-01-preview and 2026-09-01-preview", () => {
    expect(TransferApiVersions.ALL.filter((v) => !(v in AZAPI_FIRST_EMBEDDING))).toEqual([
      "2025-12-01-preview",
      "2026-09-01-preview",
    ]);
    expect(
      Object.keys(AZAPI_FIRST_EMBEDDING).every((v) => TransferApiVersions.ALL.includes(v)),
    ).toBe(true);
  });

  it.skipIf(!HAS_REFERENCE)(
    `matches firstAzapi of the bicep-types index for every type and api-version it knows${SKIP_REASON}`,
    () => {
      const index = readReferenceJson("azure/bicep-types/index.json") as {
        resources: Record<string, Record<string, { firstAzapi: string }>>;
      };
      const types = Object.entries(index.resources);
      expect(types.map(([type]) => type).sort()).toEqual([
        "Microsoft.ContainerRegistry/registries/exportPipelines",
        "Microsoft.ContainerRegistry/registries/importPipelines",
        "Microsoft.ContainerRegistry/registries/pipelineRuns",
      ]);
      for (const [type, versions] of types) {
        const firsts = Object.fromEntries(
          Object.entries(versions).map(([apiVersion, entry]) => [apiVersion, entry.firstAzapi]),
        );
        expect(firsts, type).toEqual(AZAPI_FIRST_EMBEDDING);
      }
    },
  );
});
