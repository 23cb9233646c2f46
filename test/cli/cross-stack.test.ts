// Readable across stacks: in the platform/team layout of docs/composition.md, the team stacks
// name the platform's shared identity instead of a remote-state token, and the platform stack
// shows what it shares and with whom; import runs show what they import.
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { UserAssignedIdentity } from "@cdktf/provider-azurerm/lib/user-assigned-identity";
import { App, TerraformStack } from "cdktf";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as lib from "../../lib";
import * as ids from "../support/ids";
import { cli, mermaidBlocks, synthExamples } from "./support";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The platform stack (vault, shared identity) and two team stacks using them. */
function platformAndTeams(): string {
  const outdir = mkdtempSync(join(tmpdir(), "acr-xstack-"));
  dirs.push(outdir);
  const app = new App({ outdir });
  const stack = (id: string) => {
    const s = new TerraformStack(app, id);
    new lib.AzapiProvider(s, "Azapi");
    new AzurermProvider(s, "Azurerm", { features: [{}] });
    return s;
  };
  const platform = stack("platform");
  const vault = lib.KeyVaultRef.fromKeyVaultId(platform, "Vault", ids.VAULT_ID, {
    accessModel: lib.KeyVaultAccessModel.ACCESS_POLICY,
  });
  const identity = lib.UserIdentity.fromUserAssignedIdentity(
    new UserAssignedIdentity(platform, "TransferIdentity", {
      name: "id-transfer",
      resourceGroupName: "transfer-rg",
      location: "eastus",
    }),
  );
  for (const name of ["teama", "teamb"]) {
    const s = stack(name);
    const secret = lib.SasTokenSecret.fromSecretUri(
      s,
      "Secret",
      `https://myvault.vault.azure.net/secrets/${name}-export`,
      { keyVault: vault },
    );
    new lib.ExportPipeline(s, "Export", {
      registry: lib.RegistryRef.fromRegistryId(
        s,
        "Registry",
        ids.REGISTRY_ID.replace("myregistry", name),
        {
          location: "eastus",
        },
      ),
      pipelineName: `${name}Export`,
      container: lib.TransferContainer.fromUrl(
        s,
        "Blobs",
        `https://${name}sa.blob.core.windows.net/transfer`,
      ),
      storageAccess: lib.StorageAccess.sasToken(secret),
      identity: lib.PipelineIdentity.userAssigned(identity),
    });
  }
  app.synth();
  return outdir;
}

describe("review across stacks", () => {
  let report: string;
  let review: any;
  beforeAll(() => {
    const outdir = platformAndTeams();
    report = cli("review", outdir, "--max-length", "0").stdout;
    review = JSON.parse(cli("review", outdir, "--format", "json").stdout);
  });

  it("names the shared identity in the team stacks, not a remote-state token", () => {
    expect(report).not.toContain("terraform_remote_state");
    const teama = review.stacks.find((s: any) => s.name === "teama");
    expect(teama.pipelines[0].identity).toBe("UserAssigned: id-transfer");
    expect(teama.mermaid).toMatch(/I1\(\["user-assigned identity<br\/>id-transfer"\]\)/);
  });

  it("shows what the platform stack shares, as one node per thing", () => {
    const platform = review.stacks.find((s: any) => s.name === "platform");
    expect(platform.shared).toEqual([
      {
        address: "azurerm_user_assigned_identity.TransferIdentity",
        name: "id-transfer",
        usedBy: ["teama", "teamb"],
      },
    ]);
    expect(platform.mermaid.match(/id-transfer/g)).toHaveLength(1);
    expect(platform.mermaid).toContain(
      '(["user-assigned identity<br/>id-transfer<br/>shared with teama, teamb"])',
    );
    expect(report).toContain(
      "| `azurerm_user_assigned_identity.TransferIdentity` | `id-transfer` | teama, teamb |",
    );
    expect(mermaidBlocks(report)).toHaveLength(3);
  });
});

describe("import runs", () => {
  it("show the artifacts of the export runs that write their blob", () => {
    const outdir = synthExamples();
    dirs.push(outdir);
    const run = cli("review", outdir, "--max-length", "0");
    expect(run.stdout).toMatch(
      /^\| `images202611b00` \| importFromBuild \| imports 48: `base\/nginx:1\.26-alpine`, .*, and 43 more \|/m,
    );
  });
});
