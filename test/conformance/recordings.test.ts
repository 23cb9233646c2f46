import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import {
  ExportOption,
  ExportPipeline,
  ExportPipelineRun,
  ImportOption,
  ImportPipeline,
  ImportPipelineRun,
  KeyVaultAccessModel,
  KeyVaultRef,
  PipelineIdentity,
  RegistryRef,
  SasTokenSecret,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
  TransferValidationError,
  UserIdentity,
} from "../../lib";
import { azapiRequestBody, planDiffAfterRead } from "../support/azapi-read";
import { HAS_REFERENCE, SKIP_REASON, readReferenceJson } from "../support/reference";

/**
 * Each recorded request (Microsoft's CLI live tests, and the REST API's examples; see
 * ../shared/reference/azure/service-recordings/README.md) is rebuilt with the library from the
 * same inputs. What azapi would send must equal the recorded request but for the differences
 * listed in HARMLESS, and replaying azapi's read of the recorded response over the configuration
 * must show no diff.
 */

/** One recorded PUT, as the reference files hold it. */
interface Interaction {
  readonly uri: string;
  readonly requestBody: Record<string, any>;
  readonly responseBody: Record<string, any>;
}

/** What the library sends beyond the recorded request, each with the evidence that it is harmless. */
const HARMLESS = {
  /**
   * The library always sends the pipeline's `location` (the registry's); the CLI sends none.
   * Evidence: the REST examples (spec-*-pipeline.json) send "location": "westus" and the answer
   * echoes it; the CLI's answers carry no location, and azapi's read keeps the configured one
   * (the replay below shows no diff).
   */
  location: (request: Record<string, any>) => delete request.location,
  /**
   * The library always sends `options`, `[]` when none are set; the CLI omits it.
   * Evidence: Microsoft's ARM templates send `"options": "[parameters('options')]"` with
   * defaultValue [] (acr-templates/*Pipelines/azuredeploy.json); the CLI's answers omit options
   * when none were sent, and azapi keeps the configured [] (ignore_missing_property, default true).
   */
  options: (request: Record<string, any>) => delete request.properties.options,
  /**
   * The library always sends the import trigger (Enabled by default); the REST import example
   * omits it. Evidence: that example's answer adds trigger.sourceTrigger.status "Enabled" (the
   * service's default), and the CLI sends it explicitly (cli-import-*.json).
   */
  trigger: (request: Record<string, any>) => delete request.properties.trigger,
};

type Harmless = keyof typeof HARMLESS;

interface RecordingCase {
  /** File under azure/service-recordings/. */
  readonly file: string;
  /** The differences the library's request has from the recorded one. */
  readonly harmless: readonly Harmless[];
  /** Builds what the recording's command or example does; returns the construct whose resource is compared. */
  readonly build: (stack: TerraformStack, put: Interaction) => Construct;
  /** Inputs of the recording the library refuses, and the substitutes used (applied to both bodies). */
  readonly substitute?: (body: Record<string, any>) => void;
}

/** `/subscriptions/.../registries/<r>/<kind>/<name>?api-version=<v>` of a recorded URI. */
function parts(put: Interaction) {
  const [path, query] = put.uri.replace(/^https:\/\/[^/]+/, "").split("?");
  const segments = path.split("/");
  return {
    registryId: segments.slice(0, 9).join("/"),
    resourceGroupId: segments.slice(0, 5).join("/"),
    name: segments[10],
    apiVersion: new URLSearchParams(query).get("api-version")!,
  };
}

function registry(stack: TerraformStack, put: Interaction) {
  // The CLI tests ran in westus; the REST examples send westus.
  return RegistryRef.fromRegistryId(stack, "Registry", parts(put).registryId, {
    location: "westus",
  });
}

function side(put: Interaction): Record<string, any> {
  const p = put.requestBody.properties;
  return p.target ?? p.source;
}

function pipelineInputs(stack: TerraformStack, put: Interaction) {
  const { resourceGroupId, name, apiVersion } = parts(put);
  const storage = side(put);
  const account = new URL(storage.uri).hostname.split(".")[0];
  const identity = put.requestBody.identity;
  const userIdentityId = Object.keys(identity.userAssignedIdentities ?? {})[0];
  const managed = storage.storageAccessMode === "ManagedIdentity";
  const container = TransferContainer.fromUrl(stack, "Container", storage.uri, {
    storageAccount: managed
      ? StorageAccountRef.fromStorageAccountId(
          stack,
          "Account",
          `${resourceGroupId}/providers/Microsoft.Storage/storageAccounts/${account}`,
        )
      : undefined,
  });
  const vaultName = managed ? "" : new URL(storage.keyVaultUri).hostname.split(".")[0];
  return {
    registry: registry(stack, put),
    pipelineName: name,
    apiVersion,
    container,
    storageAccess: managed
      ? StorageAccess.managedIdentity()
      : StorageAccess.sasToken(
          SasTokenSecret.fromSecretUri(stack, "Secret", storage.keyVaultUri, {
            keyVault: KeyVaultRef.fromKeyVaultId(
              stack,
              "Vault",
              `${resourceGroupId}/providers/Microsoft.KeyVault/vaults/${vaultName}`,
              { accessModel: KeyVaultAccessModel.ACCESS_POLICY },
            ),
          }),
        ),
    identity: userIdentityId
      ? PipelineIdentity.userAssigned(
          UserIdentity.fromIdentityId(stack, "Identity", userIdentityId),
        )
      : PipelineIdentity.systemAssigned(),
  };
}

const exportPipeline = (stack: TerraformStack, put: Interaction) =>
  new ExportPipeline(stack, "Pipeline", {
    ...pipelineInputs(stack, put),
    options: put.requestBody.properties.options as ExportOption[] | undefined,
  });

const importPipeline = (stack: TerraformStack, put: Interaction) =>
  new ImportPipeline(stack, "Pipeline", {
    ...pipelineInputs(stack, put),
    options: put.requestBody.properties.options as ImportOption[] | undefined,
    sourceTriggerEnabled: put.requestBody.properties.trigger?.sourceTrigger?.status !== "Disabled",
  });

/**
 * The REST export-run example lists "sourceRepository/hello-world" and a digest of 35 hex
 * digits, which break the OCI reference grammar (repositories are lowercase; a sha256 digest is
 * 64 hex digits): the library refuses them (checked below), so the comparison runs with them
 * lowercased and padded. The service echoes request.artifacts as sent, so the recorded answer
 * gets the same substitution.
 */
function validArtifacts(body: Record<string, any>): void {
  const request = body.properties.request;
  request.artifacts = request.artifacts.map((a: string) =>
    a
      .toLowerCase()
      .replace(/sha256:([0-9a-f]+)$/, (_m, hex: string) => `sha256:${hex.padEnd(64, "0")}`),
  );
}

/**
 * The REST import-run example sends catalogDigest "sha256@", a placeholder (the recording's
 * note says so): the library refuses it (checked below), so the comparison runs with a
 * well-formed digest. The service echoes response.catalogDigest as given, so the recorded
 * answer gets the same substitution.
 */
function validCatalogDigest(body: Record<string, any>): void {
  const digest = `sha256:${"0".repeat(64)}`;
  const { request, response } = body.properties;
  if (request?.catalogDigest !== undefined) request.catalogDigest = digest;
  if (response?.catalogDigest !== undefined) response.catalogDigest = digest;
}

function exportRun(stack: TerraformStack, put: Interaction) {
  const { apiVersion, name } = parts(put);
  const request = put.requestBody.properties.request;
  return new ExportPipelineRun(stack, "Run", {
    pipeline: ExportPipeline.fromPipelineId(stack, "Pipeline", request.pipelineResourceId, {
      apiVersion,
    }),
    runName: name,
    blobName: request.target.name,
    artifacts: request.artifacts,
    rerunToken: put.requestBody.properties.forceUpdateTag,
  });
}

function importRun(stack: TerraformStack, put: Interaction) {
  const { apiVersion, name } = parts(put);
  const request = put.requestBody.properties.request;
  return new ImportPipelineRun(stack, "Run", {
    pipeline: ImportPipeline.fromPipelineId(stack, "Pipeline", request.pipelineResourceId, {
      apiVersion,
    }),
    runName: name,
    blobName: request.source.name,
    catalogDigest: request.catalogDigest,
    rerunToken: put.requestBody.properties.forceUpdateTag,
  });
}

const CASES: readonly RecordingCase[] = [
  { file: "cli-export-mi-system", harmless: ["location", "options"], build: exportPipeline },
  { file: "cli-export-mi-user", harmless: ["location", "options"], build: exportPipeline },
  { file: "cli-export-sas-system", harmless: ["location", "options"], build: exportPipeline },
  { file: "cli-import-mi-system", harmless: ["location", "options"], build: importPipeline },
  { file: "cli-import-mi-user", harmless: ["location", "options"], build: importPipeline },
  { file: "cli-import-sas-system", harmless: ["location", "options"], build: importPipeline },
  ...["2025-06-01-preview", "2026-03-01-preview", "2026-09-01-preview"].flatMap(
    (v): RecordingCase[] => [
      { file: `spec-${v}-export-pipeline`, harmless: [], build: exportPipeline },
      { file: `spec-${v}-import-pipeline`, harmless: ["trigger"], build: importPipeline },
      { file: `spec-${v}-export-run`, harmless: [], build: exportRun, substitute: validArtifacts },
      {
        file: `spec-${v}-import-run`,
        harmless: [],
        build: importRun,
        substitute: validCatalogDigest,
      },
    ],
  ),
];

function recordedPut(file: string): Interaction {
  const recording = readReferenceJson(`azure/service-recordings/${file}.json`) as any;
  const puts = recording.interactions.filter((i: any) => i.method === "PUT");
  expect(puts).toHaveLength(1);
  return structuredClone(puts[0]);
}

/** The synthesized azapi_resource block of `construct`. */
function blockOf(stack: TerraformStack, construct: Construct): Record<string, any> {
  const doc = JSON.parse(Testing.synth(stack));
  const prefix = `${construct.node.id}_`;
  const blocks = Object.entries<any>(doc.resource.azapi_resource).filter(([name]) =>
    name.startsWith(prefix),
  );
  expect(blocks).toHaveLength(1);
  return blocks[0][1];
}

describe.skipIf(!HAS_REFERENCE)(`recorded service traffic${SKIP_REASON}`, () => {
  for (const c of CASES) {
    describe(c.file, () => {
      const build = () => {
        const put = recordedPut(c.file);
        c.substitute?.(put.requestBody);
        c.substitute?.(put.responseBody);
        const stack = new TerraformStack(Testing.app(), "recording");
        const construct = c.build(stack, put);
        return { put, config: blockOf(stack, construct) };
      };

      it("the library sends the recorded request, but for the listed harmless differences", () => {
        const { put, config } = build();
        const sent = azapiRequestBody(config);
        for (const difference of c.harmless) {
          const before = JSON.stringify(sent);
          HARMLESS[difference](sent);
          expect(JSON.stringify(sent), `${difference} is a real difference`).not.toBe(before);
        }
        expect(sent).toEqual(put.requestBody);
      });

      it("azapi's read of the recorded response shows no diff", () => {
        const { put, config } = build();
        expect(planDiffAfterRead(config, put.responseBody)).toEqual([]);
      });
    });
  }

  it("refuses the REST export-run example's artifacts, which break the OCI grammar", () => {
    const put = recordedPut("spec-2025-06-01-preview-export-run");
    expect(() => exportRun(new TerraformStack(Testing.app(), "r"), put)).toThrow(
      TransferValidationError,
    );
  });

  it("refuses the REST import-run example's catalog digest, a placeholder", () => {
    const put = recordedPut("spec-2025-06-01-preview-import-run");
    expect(() => importRun(new TerraformStack(Testing.app(), "r"), put)).toThrow(
      'catalogDigest "sha256@" is not a sha256 digest',
    );
  });

  it("the replay can show a diff: a response that changed the container", () => {
    const put = recordedPut("cli-export-sas-system");
    const stack = new TerraformStack(Testing.app(), "recording");
    const config = blockOf(stack, exportPipeline(stack, put));
    const response = structuredClone(put.responseBody);
    response.properties.target.uri = "https://other.blob.core.windows.net/export-container";
    response.identity.type = "userAssigned";
    response.location = "eastus";
    expect(planDiffAfterRead(config, response)).toEqual([
      `body.properties.target.uri: configured "${put.requestBody.properties.target.uri}", read back "https://other.blob.core.windows.net/export-container"`,
      'location: configured "westus", read back "eastus"',
      'identity.type: configured "SystemAssigned", read back "UserAssigned"',
    ]);
  });
});
