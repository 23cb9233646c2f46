// What the library computes once per synth (each stack's tree facts, whole-app facts such as the
// app's access policies) is computed again when the tree may have changed: in the next synth,
// and for a stack whose aspects added constructs.
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { KeyVaultAccessPolicyA } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
import { App, Aspects, IAspect, TerraformStack, Testing } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AzapiProvider,
  ExportPipeline,
  KeyVaultAccessModel,
  KeyVaultRef,
  PipelineIdentity,
  RegistryRef,
  SasTokenSecret,
  StorageAccess,
  TransferContainer,
  UserIdentity,
} from "../../lib";
import { TreeFacts } from "../../lib/private/tree-facts";
import * as ids from "../support/ids";

const PRINCIPAL = "11111111-1111-1111-1111-111111111111";
const TENANT = "22222222-2222-2222-2222-222222222222";

/** The error the duplicate of the library's access policy gets. */
const DUPLICATE =
  /(?:other|plain)\/Mine: object_id "11111111-1111-1111-1111-111111111111" already has an access policy in the same vault, made by transfer\/AcrTransferSharedGrants\/SecretReadPolicy/;

/** A stack with both providers. */
function stack(app: App, id: string): TerraformStack {
  const s = new TerraformStack(app, id);
  new AzapiProvider(s, "Azapi");
  new AzurermProvider(s, "Azurerm", { features: [{}] });
  return s;
}

/**
 * An app of three stacks: two with a pipeline that reads its SAS token through an access policy
 * (in "transfer" as a user-assigned identity of known principal ID, in "other" as its own), and
 * "plain", with none of the library's constructs (so it runs no check of its own).
 */
function transferApp(): {
  app: App;
  transfer: TerraformStack;
  other: TerraformStack;
  plain: TerraformStack;
} {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), "synth-pass-")), stackTraces: false });
  const transfer = stack(app, "transfer");
  exportPipeline(
    transfer,
    PipelineIdentity.userAssigned(
      UserIdentity.fromIdentityId(transfer, "Identity", ids.IDENTITY_ID, {
        principalId: PRINCIPAL,
        tenantId: TENANT,
      }),
    ),
  );
  const other = stack(app, "other");
  exportPipeline(other, PipelineIdentity.systemAssigned());
  return { app, transfer, other, plain: stack(app, "plain") };
}

/** An export pipeline in `scope` acting as `identity`, its SAS token in the shared vault. */
function exportPipeline(scope: TerraformStack, identity: PipelineIdentity): void {
  const name = scope.node.id;
  const vault = KeyVaultRef.fromKeyVaultId(scope, "Vault", ids.VAULT_ID, {
    accessModel: KeyVaultAccessModel.ACCESS_POLICY,
  });
  new ExportPipeline(scope, "Export", {
    registry: RegistryRef.fromRegistryId(
      scope,
      "Registry",
      ids.REGISTRY_ID.replace("myregistry", name),
      { location: "eastus" },
    ),
    pipelineName: "export",
    identity,
    container: TransferContainer.fromUrl(
      scope,
      "Blobs",
      `https://${name}sa.blob.core.windows.net/transfer`,
    ),
    storageAccess: StorageAccess.sasToken(
      SasTokenSecret.fromSecretUri(
        scope,
        "Secret",
        `https://myvault.vault.azure.net/secrets/${name}-export`,
        { keyVault: vault },
      ),
    ),
  });
}

/** A hand-written access policy for the pipeline's identity in the same vault. */
function duplicatePolicy(scope: IConstruct): void {
  new KeyVaultAccessPolicyA(scope, "Mine", {
    keyVaultId: ids.VAULT_ID,
    tenantId: TENANT,
    objectId: PRINCIPAL,
    secretPermissions: ["Get"],
  });
}

describe("facts computed once per synth", () => {
  it("are computed again by the next app.synth()", () => {
    const { app, plain } = transferApp();
    app.synth();
    duplicatePolicy(plain);
    expect(() => app.synth()).toThrow(DUPLICATE);
  });

  it("see what a later stack's aspects add", () => {
    const { app, other } = transferApp();
    const addsPolicy: IAspect = {
      visit: (node) => {
        if (node === other && !other.node.tryFindChild("Mine")) duplicatePolicy(other);
      },
    };
    Aspects.of(other).add(addsPolicy);
    expect(() => app.synth()).toThrow(DUPLICATE);
  });

  it("are computed again when the same stack is synthesized again", () => {
    const { transfer, plain } = transferApp();
    expect(() => Testing.synth(transfer, true)).not.toThrow();
    duplicatePolicy(plain);
    expect(() => Testing.synth(transfer, true)).toThrow(DUPLICATE);
  });
});

describe("tree facts kept across a stack's aspects", () => {
  it("are kept only when every construct is the same, not only every Terraform element", () => {
    const { transfer } = transferApp();
    const before = TreeFacts.read(transfer);
    expect(TreeFacts.read(transfer).sameTree(before)).toBe(true);
    // A reference, such as a secret given by URI, is a construct with no Terraform element.
    new Construct(transfer, "SecretByUri");
    const after = TreeFacts.read(transfer);
    expect(after.elements).toEqual(before.elements);
    expect(after.sameTree(before)).toBe(false);
  });
});
