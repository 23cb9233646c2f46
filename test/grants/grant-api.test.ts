import { createRequire } from "node:module";
import { join } from "node:path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  ExportPipeline,
  GrantPrincipal,
  IRegistryRef,
  IStorageAccountRef,
  KeyVaultAccessModel,
  KeyVaultRef,
  PipelineIdentity,
  RegistryRef,
  SasTokenSecret,
  StorageAccess,
  TransferContainer,
} from "../../lib";
import * as ids from "../support/ids";
import { testAccount, testRegistry } from "../support/refs";
import { synthObject } from "../support/stacks";
import { synthJson } from "../../lib/testing";

/** The stack's test storage account, made on first use. */
function account(stack: TerraformStack): IStorageAccountRef {
  return (
    (stack.node.tryFindChild("Account") as IStorageAccountRef | undefined) ?? testAccount(stack)
  );
}

/** The stack's test registry, made on first use. */
function registry(stack: TerraformStack): IRegistryRef {
  return (stack.node.tryFindChild("Registry") as IRegistryRef | undefined) ?? testRegistry(stack);
}

/** An export pipeline in managed-identity mode with a new container of its own. */
function managedIdentityPipeline(stack: TerraformStack, id = "Export", name = "exportPipeline") {
  const container = new TransferContainer(stack, `${id}Blobs`, {
    storageAccount: account(stack),
    containerName: `${name.toLowerCase()}-blobs`,
  });
  return new ExportPipeline(stack, id, {
    registry: registry(stack),
    pipelineName: name,
    container,
    storageAccess: StorageAccess.managedIdentity(),
  });
}

function roleAssignments(stack: TerraformStack): Record<string, any> {
  return synthObject(stack).resource.azurerm_role_assignment ?? {};
}

describe("grant methods on targets", () => {
  it("grants a pipeline's identity a second container next to the one it uses", () => {
    const stack = new TerraformStack(Testing.app(), "grants");
    const pipeline = managedIdentityPipeline(stack);
    const other = new TransferContainer(stack, "Archive", {
      storageAccount: account(stack),
      containerName: "archive",
    });
    const grant = other.grantBlobAccess(pipeline.grantPrincipal, {
      roleName: "Storage Blob Data Reader",
    });
    expect(grant.resource?.node.path).toMatch(/^grants\/Export\/ContainerAccessRole[0-9a-f]{12}$/);
    expect(pipeline.node.tryFindChild("ContainerAccessRole")).toBeDefined();
    const roles = Object.values(roleAssignments(stack)).map((r) => r.role_definition_name);
    expect(roles.sort()).toEqual(["Storage Blob Data Contributor", "Storage Blob Data Reader"]);
  });

  it("grants any principal by ID under the construct that asks, once per target", () => {
    const stack = new TerraformStack(Testing.app(), "grants");
    const container = new TransferContainer(stack, "Blobs", {
      storageAccount: testAccount(stack),
      containerName: "transfer",
    });
    const auditor = GrantPrincipal.fromPrincipalId(
      stack,
      "44444444-4444-4444-4444-444444444444",
      ids.SUBSCRIPTION,
    );
    const first = container.grantBlobAccess(auditor, { roleName: "Storage Blob Data Reader" });
    const again = container.grantBlobAccess(auditor, { roleName: "Storage Blob Data Reader" });
    expect(again.resource).toBe(first.resource);
    expect(first.description).toBe('"Storage Blob Data Reader" on the container');
    const [assignment] = Object.values(roleAssignments(stack));
    expect(assignment).toMatchObject({
      principal_id: "44444444-4444-4444-4444-444444444444",
      role_definition_name: "Storage Blob Data Reader",
    });
    expect(Object.keys(roleAssignments(stack))).toHaveLength(1);
  });

  it("says so, and grants nothing, when the container's storage account is unknown", () => {
    const stack = new TerraformStack(Testing.app(), "grants");
    const container = TransferContainer.fromUrl(stack, "Blobs", ids.CONTAINER_URL);
    const principal = GrantPrincipal.fromPrincipalId(
      stack,
      "44444444-4444-4444-4444-444444444444",
      ids.SUBSCRIPTION,
    );
    const grant = container.grantBlobAccess(principal, { roleName: "Storage Blob Data Reader" });
    expect(grant.resource).toBeUndefined();
    expect(grant.dependables).toEqual([]);
    synthJson(stack);
    const warnings = stack.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => m.data);
    expect(warnings).toEqual([
      `[AcrTransfer-ContainerRoleNotGranted] the storage account of this container is unknown, so "Storage Blob Data Reader" on ${ids.CONTAINER_URL} cannot be granted here; grant it yourself, or give the container its storageAccount. ` +
        'To accept it here: TransferSuppressions.add(construct, "AcrTransfer-ContainerRoleNotGranted", "<reason>")',
    ]);
  });

  it("orders dependents after a grant: depends_on in its stack, a stack dependency across stacks", () => {
    const app = Testing.app();
    const platform = new TerraformStack(app, "platform");
    const team = new TerraformStack(app, "team");
    const container = new TransferContainer(platform, "Blobs", {
      storageAccount: testAccount(platform),
      containerName: "transfer",
    });
    const principal = GrantPrincipal.fromPrincipalId(
      platform,
      "44444444-4444-4444-4444-444444444444",
      ids.SUBSCRIPTION,
    );
    const grant = container.grantBlobAccess(principal, { roleName: "Storage Blob Data Reader" });
    const sameStack =
      new AzurermProvider(platform, "Azurerm", { features: [{}] }) &&
      managedIdentityPipeline(platform);
    const otherStack = managedIdentityPipeline(team, "TeamExport", "teamExport");
    grant.applyBefore(sameStack.resource, otherStack.resource);
    expect(sameStack.resource.dependsOn).toEqual([grant.resource!.fqn]);
    expect(otherStack.resource.dependsOn ?? []).toEqual([]);
    expect(team.dependencies).toContain(platform);
  });
});

describe("grant methods on secrets", () => {
  it("grants a second principal read on a secret in an RBAC vault, scoped to the one secret", () => {
    const stack = new TerraformStack(Testing.app(), "secrets");
    const vault = KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
      accessModel: KeyVaultAccessModel.RBAC,
    });
    const secret = SasTokenSecret.fromSecretUri(stack, "Secret", ids.EXPORT_SECRET_URI, {
      keyVault: vault,
    });
    const auditor = GrantPrincipal.fromPrincipalId(
      stack,
      "44444444-4444-4444-4444-444444444444",
      ids.SUBSCRIPTION,
    );
    const grant = secret.grantRead(auditor);
    expect(grant.description).toBe('"Key Vault Secrets User" on the secret');
    const [assignment] = Object.values(roleAssignments(stack));
    expect(assignment).toMatchObject({
      scope: `${ids.VAULT_ID}/secrets/acrexportsas`,
      role_definition_name: "Key Vault Secrets User",
      principal_id: "44444444-4444-4444-4444-444444444444",
    });
  });

  it("grants nothing for a secret whose vault is unknown", () => {
    const stack = new TerraformStack(Testing.app(), "secrets");
    const secret = SasTokenSecret.fromSecretUri(stack, "Secret", ids.EXPORT_SECRET_URI);
    const principal = GrantPrincipal.fromPrincipalId(
      stack,
      "44444444-4444-4444-4444-444444444444",
      ids.SUBSCRIPTION,
    );
    const grant = secret.grantRead(principal);
    expect(grant.resource).toBeUndefined();
    expect(synthObject(stack).resource?.azurerm_role_assignment).toBeUndefined();
  });
});

describe("keys the library derives for interfaces implemented by hand", () => {
  it("shares one grant for a hand-made user identity without identityKey", () => {
    const stack = new TerraformStack(Testing.app(), "keys");
    const identity = {
      identityId: ids.IDENTITY_ID,
      principalId: "11111111-1111-1111-1111-111111111111",
      tenantId: "22222222-2222-2222-2222-222222222222",
    };
    const container = new TransferContainer(stack, "Blobs", {
      storageAccount: account(stack),
      containerName: "transfer",
    });
    for (const n of [1, 2]) {
      new ExportPipeline(stack, `Export${n}`, {
        registry: RegistryRef.fromRegistryId(
          stack,
          `Registry${n}`,
          ids.REGISTRY_ID.replace("myregistry", `registry${n}`),
          { location: "eastus" },
        ),
        pipelineName: "exportPipeline",
        container,
        storageAccess: StorageAccess.managedIdentity(),
        identity: PipelineIdentity.userAssigned(identity),
      });
    }
    // Two containers, one identity: two role assignments, both under the shared home.
    const addresses = Object.keys(roleAssignments(stack));
    expect(addresses).toHaveLength(1);
    expect(addresses[0]).toMatch(/^AcrTransferSharedGrants_ContainerAccessRole[0-9a-f]{12}_/);
  });

  it("still refuses two pipelines of one name in a hand-made registry without registryKey", () => {
    const stack = new TerraformStack(Testing.app(), "keys");
    const registry = { registryId: ids.REGISTRY_ID, location: "eastus" };
    const build = (id: string) =>
      new ExportPipeline(stack, id, {
        registry,
        pipelineName: "exportPipeline",
        container: TransferContainer.fromUrl(stack, `${id}Blobs`, ids.CONTAINER_URL, {
          storageAccount: account(stack),
        }),
        storageAccess: StorageAccess.managedIdentity(),
      });
    build("One");
    expect(() => build("Two")).toThrow(
      /pipelineName "exportPipeline" is already used in the same registry by keys\/One/,
    );
  });
});

describe("access policies by Terraform type", () => {
  it("finds a duplicate policy made with another copy of the azurerm bindings", async () => {
    const require = createRequire(join(process.cwd(), "package.json"));
    const path = require.resolve("@cdktf/provider-azurerm/lib/key-vault-access-policy");
    const ours = require(path);
    delete require.cache[path];
    const copy = require(path);
    expect(copy.KeyVaultAccessPolicyA).not.toBe(ours.KeyVaultAccessPolicyA);
    const { SasTokenSecret, KeyVaultRef, KeyVaultAccessModel } = await import("../../lib");
    const stack = new TerraformStack(Testing.app(), "policies");
    new AzurermProvider(stack, "Azurerm", { features: [{}] });
    const vault = KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
      accessModel: KeyVaultAccessModel.ACCESS_POLICY,
    });
    const pipeline = new ExportPipeline(stack, "Export", {
      registry: testRegistry(stack),
      pipelineName: "exportPipeline",
      container: TransferContainer.fromUrl(stack, "Blobs", ids.CONTAINER_URL),
      storageAccess: StorageAccess.sasToken(
        SasTokenSecret.fromSecretUri(stack, "Secret", ids.EXPORT_SECRET_URI, { keyVault: vault }),
      ),
    });
    new copy.KeyVaultAccessPolicyA(stack, "Mine", {
      keyVaultId: ids.VAULT_ID,
      tenantId: ids.SUBSCRIPTION,
      objectId: pipeline.principalId,
      secretPermissions: ["Get", "List"],
    });
    expect(() => Testing.synth(stack, true)).toThrow(
      /policies\/Mine: object_id .* already has an access policy in the same vault, made by policies\/Export\/SecretReadPolicy/,
    );
  });
});

describe("the ledger", () => {
  it("is one construct under the app root, seen from every stack, and adds nothing to the output", async () => {
    const { Ledger } = await import("../../lib/private/ledger");
    const app = Testing.app();
    const a = new TerraformStack(app, "a");
    const b = new TerraformStack(app, "b");
    expect(Ledger.of(a)).toBe(Ledger.of(b));
    expect(Ledger.of(a).node.path).toBe("AcrTransferLedger");
    expect(Ledger.of(new TerraformStack(Testing.app(), "c"))).not.toBe(Ledger.of(a));
    expect(JSON.stringify(synthObject(a))).not.toContain("Ledger");
  });

  it("is shared by a second copy of the library's module", async () => {
    const path = "../../lib/private/ledger";
    const first = (await import(path)).Ledger;
    const { vi } = await import("vitest");
    vi.resetModules();
    const second = (await import(path)).Ledger;
    expect(second).not.toBe(first);
    const app = Testing.app();
    const stack = new TerraformStack(app, "s");
    first.of(stack).claimName(stack, "secret", "vault", "x");
    expect(second.of(stack).claimName(stack, "secret", "vault", "X")).toBe("s");
  });
});
