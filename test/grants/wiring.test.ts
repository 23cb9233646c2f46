import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  ExportPipeline,
  ImportOption,
  ImportPipeline,
  SasToken,
  SasTokenSecret,
  StorageAccess,
  TransferContainer,
} from "../../lib";
import * as ids from "../support/ids";
import { testAccount, testRegistry, testVault } from "../support/refs";
import { TEST_STACKS, synthObject } from "../support/stacks";
import { synthJson } from "../../lib/testing";

function stackWithContainer() {
  const stack = new TerraformStack(Testing.app(), "wiring");
  const registry = testRegistry(stack);
  const account = testAccount(stack);
  const container = new TransferContainer(stack, "Container", {
    storageAccount: account,
    containerName: "transfer",
  });
  return { stack, registry, container };
}

function roles(stack: TerraformStack): string[] {
  return Object.values<any>(synthObject(stack).resource.azurerm_role_assignment ?? {}).map(
    (r) => r.role_definition_name,
  );
}

/** The warnings under `stack` after its synth (the library writes them there). */
function warnings(stack: TerraformStack): string[] {
  synthJson(stack);
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === "@cdktf/warn")
    .map((m) => String(m.data));
}

describe("grants", () => {
  it("every run waits for every grant of its pipeline", () => {
    for (const { name, build } of TEST_STACKS) {
      const synth = synthObject(build());
      const resources = synth.resource as Record<string, Record<string, any>>;
      const grants = new Set(
        ["azurerm_key_vault_access_policy", "azurerm_role_assignment"].flatMap((type) =>
          Object.keys(resources[type] ?? {}).map((n) => `${type}.${n}`),
        ),
      );
      for (const [runName, run] of Object.entries<any>(resources.azapi_resource)) {
        if (!String(run.type).includes("/pipelineRuns@")) continue;
        const pipeline = /azapi_resource\.(\w+)\.id/.exec(
          run.body.properties.request.pipelineResourceId,
        )?.[1];
        if (!pipeline) continue; // a pipeline made elsewhere: no grants here
        const principal = `azapi_resource.${pipeline}.identity[0].principal_id`;
        const own = [...grants].filter((g) =>
          JSON.stringify(resources[g.split(".")[0]][g.split(".")[1]]).includes(principal),
        );
        for (const grant of own) expect(run.depends_on, `${name}: ${runName}`).toContain(grant);
        expect(
          run.depends_on?.length ?? 0,
          `${name}: ${runName} waits for a grant`,
        ).toBeGreaterThan(0);
      }
    }
  });

  it("export in managed-identity mode gets Storage Blob Data Contributor on the container", () => {
    const { stack, registry, container } = stackWithContainer();
    new ExportPipeline(stack, "Export", {
      registry,
      pipelineName: "exportmi",
      container,
      storageAccess: StorageAccess.managedIdentity(),
    });
    expect(roles(stack)).toEqual(["Storage Blob Data Contributor"]);
    const scope = Object.values<any>(synthObject(stack).resource.azurerm_role_assignment)[0].scope;
    expect(scope).toBe(
      `${ids.ACCOUNT_ID}/blobServices/default/containers/\${azurerm_storage_container.Container_97526FE1.name}`,
    );
  });

  it("import gets Storage Blob Data Reader, or Contributor when it deletes source blobs", () => {
    const reader = stackWithContainer();
    new ImportPipeline(reader.stack, "Import", {
      registry: reader.registry,
      pipelineName: "importmi",
      container: reader.container,
      storageAccess: StorageAccess.managedIdentity(),
    });
    expect(roles(reader.stack)).toEqual(["Storage Blob Data Reader"]);
    const deleter = stackWithContainer();
    new ImportPipeline(deleter.stack, "Import", {
      registry: deleter.registry,
      pipelineName: "importmi",
      container: deleter.container,
      storageAccess: StorageAccess.managedIdentity(),
      options: [ImportOption.DELETE_SOURCE_BLOB_ON_SUCCESS],
    });
    expect(roles(deleter.stack)).toEqual(["Storage Blob Data Contributor"]);
  });

  it("the storage role can be overridden", () => {
    const { stack, registry, container } = stackWithContainer();
    new ImportPipeline(stack, "Import", {
      registry,
      pipelineName: "importmi",
      container,
      storageAccess: StorageAccess.managedIdentity(),
      storageRoleName: "Storage Blob Data Owner",
    });
    expect(roles(stack)).toEqual(["Storage Blob Data Owner"]);
  });

  it("a secret without a known vault gets no grant, and a warning says so", () => {
    const { stack, registry } = stackWithContainer();
    const secret = SasTokenSecret.fromSecretUri(stack, "Secret", ids.EXPORT_SECRET_URI);
    new ExportPipeline(stack, "Export", {
      registry,
      pipelineName: "exportsas",
      container: TransferContainer.fromUrl(stack, "Url", ids.CONTAINER_URL),
      storageAccess: StorageAccess.sasToken(secret),
    });
    expect(synthObject(stack).resource.azurerm_key_vault_access_policy).toBeUndefined();
    expect(warnings(stack).join("\n")).toMatch(
      /not granted read access; grant their identity 'Get'/,
    );
  });
});

describe("generated SAS tokens", () => {
  it("warn that the token is in state, and when it expires within 30 days", () => {
    const { stack, container } = stackWithContainer();
    const vault = testVault(stack);
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    new SasTokenSecret(stack, "Secret", {
      keyVault: vault,
      secretName: "acrexportsas",
      token: SasToken.generateForExport({ container, start: "2026-01-01T00:00:00Z", expiry: soon }),
    });
    const text = warnings(stack).join("\n");
    expect(text).toMatch(/Terraform state holds it .* account key/);
    expect(text).toMatch(/expires on .* in under 30 days/);
  });

  it("have exactly the permissions of their side", () => {
    const { stack, container } = stackWithContainer();
    const vault = testVault(stack);
    const token = (expiry: string) => ({
      container,
      start: "2026-01-01T00:00:00Z",
      expiry,
      allowLongLifetime: true,
    });
    new SasTokenSecret(stack, "ExportSecret", {
      keyVault: vault,
      secretName: "exportsas",
      token: SasToken.generateForExport(token("2099-01-01T00:00:00Z")),
    });
    new SasTokenSecret(stack, "ImportSecret", {
      keyVault: vault,
      secretName: "importsas",
      token: SasToken.generateForImport(token("2099-01-01T00:00:00Z")),
    });
    const sas = synthObject(stack).data.azurerm_storage_account_blob_container_sas as Record<
      string,
      any
    >;
    const byName = Object.fromEntries(
      Object.entries(sas).map(([k, v]) => [k.split("_")[0], v.permissions]),
    );
    expect(byName.ExportSecret).toEqual({
      read: true,
      add: true,
      create: false,
      write: true,
      delete: false,
      list: true,
    });
    expect(byName.ImportSecret).toEqual({
      read: true,
      add: false,
      create: false,
      write: false,
      delete: false,
      list: true,
    });
    for (const v of Object.values<any>(sas)) expect(v.https_only).toBe(true);
  });
});
