import { join } from "node:path";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { KeyVaultAccessPolicyA } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { App, TerraformStack, Testing } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import {
  AzapiProvider,
  ExportPipeline,
  ExportPipelineRun,
  IKeyVaultRef,
  IUserIdentity,
  KeyVaultAccessModel,
  KeyVaultRef,
  PipelineIdentity,
  RegistryRef,
  SasTokenSecret,
  StorageAccess,
  TransferContainer,
  UserIdentity,
} from "../../lib";
import * as ids from "../support/ids";
import { SHADOW_SKIP, runShadow } from "../support/shadow";
import { addressesOf, dependsOnEntries, synthApp } from "./app-synth";

/** A stack with both providers. */
function stack(app: App, id: string): TerraformStack {
  const s = new TerraformStack(app, id);
  new AzapiProvider(s, "Azapi");
  new AzurermProvider(s, "Azurerm", { features: [{}] });
  return s;
}

/** The platform: one vault (access policies) and one user-assigned identity, in their own stack. */
function platform(app: App): {
  vault: IKeyVaultRef;
  identity: IUserIdentity;
  stack: TerraformStack;
} {
  const s = stack(app, "platform");
  const vault = KeyVaultRef.fromKeyVaultId(s, "Vault", ids.VAULT_ID, {
    accessModel: KeyVaultAccessModel.ACCESS_POLICY,
  });
  const uai = new UserAssignedIdentity(s, "TransferIdentity", {
    name: "id-transfer",
    resourceGroupName: "transfer-rg",
    location: "eastus",
  });
  return { vault, identity: UserIdentity.fromUserAssignedIdentity(uai), stack: s };
}

/** A team stack whose SAS-mode export pipeline acts as the shared identity, with one run. */
function team(
  app: App,
  name: string,
  shared: { vault: IKeyVaultRef; identity: IUserIdentity | ((s: TerraformStack) => IUserIdentity) },
) {
  const s = stack(app, name);
  const identity = typeof shared.identity === "function" ? shared.identity(s) : shared.identity;
  const secret = SasTokenSecret.fromSecretUri(
    s,
    "Secret",
    `https://myvault.vault.azure.net/secrets/${name}-export`,
    { keyVault: shared.vault },
  );
  const pipeline = new ExportPipeline(s, "Export", {
    registry: RegistryRef.fromRegistryId(
      s,
      "Registry",
      ids.REGISTRY_ID.replace("myregistry", name),
      {
        location: "eastus",
      },
    ),
    pipelineName: `${name}Export`,
    container: TransferContainer.fromUrl(
      s,
      "Blobs",
      `https://${name}sa.blob.core.windows.net/transfer`,
    ),
    storageAccess: StorageAccess.sasToken(secret),
    identity: PipelineIdentity.userAssigned(identity),
  });
  new ExportPipelineRun(s, "Run", {
    pipeline,
    runName: `${name}Run1`,
    blobName: "images",
    artifacts: ["samples/hello-world:v1"],
  });
  return s;
}

/** Every access policy in the app, as `<stack>:<address>`. */
function accessPolicies(stacks: Map<string, { json: any }>): string[] {
  return [...stacks].flatMap(([name, s]) =>
    Object.keys(s.json.resource?.azurerm_key_vault_access_policy ?? {}).map((a) => `${name}:${a}`),
  );
}

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

describe("landing zones across stacks", () => {
  it("gives a shared identity one access policy in the whole app, in the identity's stack", () => {
    const { stacks, cleanup } = synthApp((app) => {
      const shared = platform(app);
      for (const name of ["teama", "teamb", "teamc"]) team(app, name, shared);
    });
    cleanups.push(cleanup);
    const policies = accessPolicies(stacks);
    expect(policies).toHaveLength(1);
    expect(policies[0]).toMatch(/^platform:AcrTransferSharedGrants_SecretReadPolicy[0-9a-f]{12}_/);
    for (const name of ["teama", "teamb", "teamc"]) {
      expect(stacks.get(name)!.dependencies).toContain("platform");
    }
  });

  it("never moves the grant when a consuming stack comes or goes", () => {
    const addressesWith = (teams: string[]) => {
      const { stacks, cleanup } = synthApp((app) => {
        const shared = platform(app);
        for (const name of teams) team(app, name, shared);
      });
      cleanups.push(cleanup);
      return accessPolicies(stacks);
    };
    const all = addressesWith(["teama", "teamb", "teamc"]);
    expect(addressesWith(["teamb", "teamc"])).toEqual(all);
    expect(addressesWith(["teamc"])).toEqual(all);
  });

  it("names in depends_on only whole addresses of the same stack, and orders stacks instead", () => {
    const { stacks, cleanup } = synthApp((app) => {
      const a = stack(app, "pipelines");
      const pipeline = new ExportPipeline(a, "Export", {
        registry: RegistryRef.fromRegistryId(a, "Registry", ids.REGISTRY_ID, {
          location: "eastus",
        }),
        pipelineName: "exportPipeline",
        container: TransferContainer.fromUrl(a, "Blobs", ids.CONTAINER_URL, {
          storageAccount: undefined,
        }),
        storageAccess: StorageAccess.sasToken(
          SasTokenSecret.fromSecretUri(a, "Secret", ids.EXPORT_SECRET_URI, {
            keyVault: KeyVaultRef.fromKeyVaultId(a, "Vault", ids.VAULT_ID, {
              accessModel: KeyVaultAccessModel.RBAC,
            }),
          }),
        ),
      });
      const b = stack(app, "runs");
      new ExportPipelineRun(b, "Nightly", {
        pipeline,
        runName: "nightly001",
        blobName: "images",
        artifacts: ["samples/hello-world:v1"],
      });
    });
    cleanups.push(cleanup);
    for (const [, s] of stacks) {
      const own = addressesOf(s.json);
      for (const entry of dependsOnEntries(s.json)) expect(own).toContain(entry);
    }
    expect(dependsOnEntries(stacks.get("pipelines")!.json)).toEqual([]);
    expect(stacks.get("runs")!.dependencies).toEqual(["pipelines"]);
  });

  it.skipIf(SHADOW_SKIP !== "")(`passes Terraform's own validate and plan${SHADOW_SKIP}`, () => {
    const { outdir, cleanup } = synthApp((app) => {
      const shared = platform(app);
      for (const name of ["teama", "teamb"]) team(app, name, shared);
    });
    cleanups.push(cleanup);
    expect(runShadow(join(outdir, "stacks"))).toMatch(/^terraform-shadow: 0 problems in 3 stacks/);
  });
});

describe("identities whose grants' stack is ambiguous", () => {
  it("refuses a hand-made identity shared by two stacks without grantsStack", () => {
    const app = Testing.app();
    const shared = {
      vault: KeyVaultRef.fromKeyVaultId(stack(app, "p"), "Vault", ids.VAULT_ID, {
        accessModel: KeyVaultAccessModel.ACCESS_POLICY,
      }),
      identity: {
        identityId: ids.IDENTITY_ID,
        principalId: "11111111-1111-1111-1111-111111111111",
        tenantId: "22222222-2222-2222-2222-222222222222",
      },
    };
    team(app, "teama", shared);
    expect(() => team(app, "teamb", shared)).toThrow(
      `teamb/Export: identity "${ids.IDENTITY_ID}" is shared by pipelines in several stacks, but the stack for its grants is unknown, and teama already holds teama/AcrTransferSharedGrants/`,
    );
  });

  it("refuses the same identity imported by ID in two stacks, unless they name one grantsStack", () => {
    const build = (grantsStack?: (app: App) => TerraformStack) => {
      const app = Testing.app();
      const p = platform(app);
      const named = grantsStack?.(app);
      for (const name of ["teama", "teamb"]) {
        team(app, name, {
          vault: p.vault,
          identity: (s) =>
            UserIdentity.fromIdentityId(s, "Identity", ids.IDENTITY_ID, {
              principalId: "11111111-1111-1111-1111-111111111111",
              tenantId: "22222222-2222-2222-2222-222222222222",
              grantsStack: named,
            }),
        });
      }
      return app;
    };
    expect(() => build()).toThrow(/its references name two stacks for its grants/);
    const app = build((a) => a.node.findChild("platform") as TerraformStack);
    const count = app.node
      .findAll()
      .filter((c) => (c as any).terraformResourceType === "azurerm_key_vault_access_policy");
    expect(count.map((c) => c.node.path)).toEqual([
      expect.stringMatching(/^platform\/AcrTransferSharedGrants\//),
    ]);
  });
});

describe("hand-written access policies", () => {
  it("are checked against the library's across stacks", () => {
    const app = Testing.app();
    const shared = platform(app);
    shared.identity = UserIdentity.fromIdentityId(shared.stack, "Imported", ids.IDENTITY_ID, {
      principalId: "11111111-1111-1111-1111-111111111111",
      tenantId: "22222222-2222-2222-2222-222222222222",
    });
    team(app, "teama", shared);
    const other = stack(app, "other");
    new KeyVaultAccessPolicyA(other, "Mine", {
      keyVaultId: ids.VAULT_ID,
      tenantId: "22222222-2222-2222-2222-222222222222",
      objectId: "11111111-1111-1111-1111-111111111111",
      secretPermissions: ["Get", "List"],
    });
    expect(() => Testing.synth(shared.stack, true)).toThrow(
      /other\/Mine: object_id "11111111-1111-1111-1111-111111111111" already has an access policy in the same vault, made by platform\/AcrTransferSharedGrants\/SecretReadPolicy/,
    );
  });
});

describe("grants managed elsewhere", () => {
  it("makes no grant, lists exactly what to grant, and runs wait for nothing", () => {
    const app = Testing.app();
    const p = platform(app);
    const s = stack(app, "team");
    const identity = UserIdentity.fromIdentityId(s, "Identity", ids.IDENTITY_ID, {
      principalId: "11111111-1111-1111-1111-111111111111",
      tenantId: "22222222-2222-2222-2222-222222222222",
      grantsManagedElsewhere: true,
    });
    const pipeline = new ExportPipeline(s, "Export", {
      registry: RegistryRef.fromRegistryId(s, "Registry", ids.REGISTRY_ID, { location: "eastus" }),
      pipelineName: "exportPipeline",
      container: TransferContainer.fromUrl(s, "Blobs", ids.CONTAINER_URL),
      storageAccess: StorageAccess.sasToken(
        SasTokenSecret.fromSecretUri(s, "Secret", ids.EXPORT_SECRET_URI, { keyVault: p.vault }),
      ),
      identity: PipelineIdentity.userAssigned(identity),
    });
    expect(pipeline.grants).toEqual([]);
    const json = JSON.parse(Testing.synth(s));
    expect(json.resource.azurerm_key_vault_access_policy).toBeUndefined();
    const infos = pipeline.node.metadata.filter((m) => m.type === "@cdktf/info").map((m) => m.data);
    expect(infos).toContain(
      `the grants of identity ${ids.IDENTITY_ID} are managed elsewhere; grant its principal ` +
        `11111111-1111-1111-1111-111111111111 secret permissions Get (access policy) on ${ids.VAULT_ID} before runs start`,
    );
  });

  it("tells what to grant on a container by hand, with the condition that denies blob delete", () => {
    const app = Testing.app();
    const s = stack(app, "team");
    const identity = UserIdentity.fromIdentityId(s, "Identity", ids.IDENTITY_ID, {
      principalId: "11111111-1111-1111-1111-111111111111",
      tenantId: "22222222-2222-2222-2222-222222222222",
      grantsManagedElsewhere: true,
    });
    const pipeline = new ExportPipeline(s, "Export", {
      registry: RegistryRef.fromRegistryId(s, "Registry", ids.REGISTRY_ID, { location: "eastus" }),
      pipelineName: "exportPipeline",
      container: TransferContainer.fromContainerResourceId(
        s,
        "Blobs",
        `${ids.ACCOUNT_ID}/blobServices/default/containers/transfer`,
      ),
      storageAccess: StorageAccess.managedIdentity(),
      identity: PipelineIdentity.userAssigned(identity),
    });
    const infos = pipeline.node.metadata.filter((m) => m.type === "@cdktf/info").map((m) => m.data);
    expect(infos).toContain(
      `the grants of identity ${ids.IDENTITY_ID} are managed elsewhere; grant its principal ` +
        '11111111-1111-1111-1111-111111111111 "Storage Blob Data Contributor" with the ABAC condition ' +
        "((!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'}))) " +
        `(condition version 2.0) on ${ids.ACCOUNT_ID}/blobServices/default/containers/transfer before runs start`,
    );
  });
});
