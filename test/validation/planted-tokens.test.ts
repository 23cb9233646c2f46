import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  AzapiProvider,
  BlobCopyOutput,
  ExportPipeline,
  GrantPrincipal,
  KeyVaultAccessModel,
  KeyVaultRef,
  NetworkPosture,
  NetworkDefaultAction,
  PipelineIdentity,
  RegistryRef,
  SasToken,
  SasTokenSecret,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
  TransferSuppressions,
  TransferValidationError,
  UserIdentity,
} from "../../lib";
import { runReview } from "../../lib/cli/review-command";
import * as ids from "../support/ids";
import {
  exportPipeline,
  exportRun,
  importPipeline,
  importRun,
  ownedContainer,
  registry,
  sensitiveVariable,
  vault,
} from "../support/pipelines";

/**
 * A SAS token planted in every prop that can carry a string, in each encoding a user may paste
 * it in: no output of any kind (the error, annotations, the synthesized JSON and manifest, the
 * review in both formats) holds its signature, whatever the encoding. The signature's letters
 * survive every encoding, so the check looks for them in any case.
 */
const SIGNATURE = "Zq7LeAkS1gnatur3%2Bx%2F0123456789abcdef%3D";
const TOKEN = `sv=2022-11-02&ss=b&sp=rwl&se=2099-01-01T00:00:00Z&spr=https&sig=${SIGNATURE}`;
const FORMS: Readonly<Record<string, string>> = {
  plain: `?${TOKEN}`,
  "URL-encoded": encodeURIComponent(`?${TOKEN}`),
  "HTML-encoded": `?${TOKEN.replace(/&/g, "&amp;")}`,
  "a connection string": `BlobEndpoint=https://a.blob.core.windows.net;SharedAccessSignature=${TOKEN}`,
  "an account key": "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Zq7LeAkKey0123==",
};
const LEAK = /zq7leak/i;

type Plant = (stack: TerraformStack, token: string) => unknown;

/** Each prop that carries a string, and how a token reaches it. */
const PROPS: Readonly<Record<string, Plant>> = {
  "ExportPipeline.pipelineName": (s, t) => exportPipeline(s, { pipelineName: t }),
  "ExportPipeline.location": (s, t) => exportPipeline(s, { location: t }),
  "ExportPipeline.apiVersion": (s, t) => exportPipeline(s, { apiVersion: t }),
  "ExportPipeline.storageRoleName": (s, t) =>
    exportPipeline(s, {
      container: ownedContainer(s),
      storageAccess: StorageAccess.managedIdentity(),
      storageRoleName: t,
    }),
  "ImportPipeline.pipelineName": (s, t) => importPipeline(s, { pipelineName: t }),
  "ExportPipelineRun.runName": (s, t) => exportRun(s, { runName: t }),
  "ExportPipelineRun.blobName": (s, t) => exportRun(s, { blobName: t }),
  "ExportPipelineRun.artifacts": (s, t) => exportRun(s, { artifacts: [`samples/app:${t}`] }),
  "ExportPipelineRun.rerunToken": (s, t) => exportRun(s, { rerunToken: t }),
  "ExportPipelineRun.timeout": (s, t) => exportRun(s, { timeout: t }),
  "ImportPipelineRun.blobName": (s, t) => importRun(s, { blobName: t }),
  "ImportPipelineRun.catalogDigest": (s, t) => importRun(s, { catalogDigest: t }),
  "RegistryRef.fromRegistryId": (s, t) =>
    exportPipeline(s, {
      registry: RegistryRef.fromRegistryId(s, "Registry", `${ids.REGISTRY_ID}${t}`),
    }),
  "Registry location": (s, t) => exportPipeline(s, { registry: registry(s, t) }),
  "ExportPipeline.fromPipelineId": (s, t) =>
    exportRun(s, {
      pipeline: ExportPipeline.fromPipelineId(
        s,
        "Pipeline",
        `${ids.REGISTRY_ID}/exportPipelines/${t}`,
      ),
    }),
  "fromPipelineId principalId": (s, t) =>
    exportRun(s, {
      pipeline: ExportPipeline.fromPipelineId(
        s,
        "Pipeline",
        `${ids.REGISTRY_ID}/exportPipelines/p1`,
        {
          principalId: t,
        },
      ),
    }),
  "KeyVaultRef.fromKeyVaultId": (s, t) =>
    secretIn(
      s,
      KeyVaultRef.fromKeyVaultId(s, "Vault", `${ids.VAULT_ID}${t}`, {
        accessModel: KeyVaultAccessModel.ACCESS_POLICY,
      }),
    ),
  "StorageAccountRef.fromStorageAccountId": (s, t) =>
    exportPipeline(s, {
      container: new TransferContainer(s, "Container", {
        storageAccount: StorageAccountRef.fromStorageAccountId(
          s,
          "Account",
          `${ids.ACCOUNT_ID}${t}`,
        ),
        containerName: "transfer",
      }),
      storageAccess: StorageAccess.managedIdentity(),
    }),
  "TransferContainer.containerName": (s, t) =>
    exportPipeline(s, {
      container: ownedContainer(s, t),
      storageAccess: StorageAccess.managedIdentity(),
    }),
  "TransferContainer.fromUrl": (s, t) =>
    exportPipeline(s, {
      container: TransferContainer.fromUrl(s, "Container", `${ids.CONTAINER_URL}${t}`),
    }),
  "TransferContainer.fromContainerResourceId": (s, t) =>
    exportPipeline(s, {
      container: TransferContainer.fromContainerResourceId(
        s,
        "Container",
        `${ids.ACCOUNT_ID}/blobServices/default/containers/${t}`,
      ),
      storageAccess: StorageAccess.managedIdentity(),
    }),
  "UserIdentity.fromIdentityId": (s, t) =>
    userAssigned(s, UserIdentity.fromIdentityId(s, "Identity", `${ids.IDENTITY_ID}${t}`)),
  "UserIdentity principalId": (s, t) =>
    userAssigned(
      s,
      UserIdentity.fromIdentityId(s, "Identity", ids.IDENTITY_ID, { principalId: t }),
    ),
  "UserIdentity tenantId": (s, t) =>
    userAssigned(s, UserIdentity.fromIdentityId(s, "Identity", ids.IDENTITY_ID, { tenantId: t })),
  "GrantPrincipal.fromPrincipalId": (s, t) =>
    new SasTokenSecret(s, "Secret", {
      keyVault: vault(s),
      secretName: "sas",
      token: SasToken.fromVariable(sensitiveVariable(s, "sas"), 1),
    }).grantRead(GrantPrincipal.fromPrincipalId(s, t, ids.SUBSCRIPTION)),
  "SasTokenSecret.secretName": (s, t) =>
    new SasTokenSecret(s, "Secret", {
      keyVault: vault(s),
      secretName: t,
      token: SasToken.fromVariable(sensitiveVariable(s, "sas"), 1),
    }),
  "SasTokenSecret.fromSecretUri": (s, t) =>
    exportPipeline(s, {
      storageAccess: StorageAccess.sasToken(
        SasTokenSecret.fromSecretUri(s, "Secret", `${ids.EXPORT_SECRET_URI}${t}`, {
          keyVault: vault(s),
        }),
      ),
    }),
  "SasTokenSecret.fromSecretResourceId": (s, t) =>
    exportPipeline(s, {
      storageAccess: StorageAccess.sasToken(
        SasTokenSecret.fromSecretResourceId(s, "Secret", `${ids.VAULT_ID}/secrets/${t}`, {
          accessModel: KeyVaultAccessModel.RBAC,
        }),
      ),
    }),
  "SasToken.fromValue": (s, t) =>
    new SasTokenSecret(s, "Secret", {
      keyVault: vault(s),
      secretName: "sas",
      token: SasToken.fromValue(t, 1),
    }),
  "a variable's default": (s, t) =>
    new SasTokenSecret(s, "Secret", {
      keyVault: vault(s),
      secretName: "sas",
      token: SasToken.fromVariable(
        new TerraformVariable(s, "sas", { type: "string", sensitive: true, default: t }),
        1,
      ),
    }),
  "generateForExport expiry": (s, t) =>
    new SasTokenSecret(s, "Secret", {
      keyVault: vault(s),
      secretName: "sas",
      token: SasToken.generateForExport({
        container: ownedContainer(s),
        start: "2026-01-01T00:00:00Z",
        expiry: t,
      }),
    }),
  "TransferSuppressions reason": (s, t) =>
    TransferSuppressions.add(exportPipeline(s), "ACR-TRANSFER-001", `accepted: ${t}`),
  "network acknowledgement reason": (s, t) =>
    exportPipeline(s, {
      container: new TransferContainer(s, "Container", {
        storageAccount: StorageAccountRef.fromStorageAccountId(s, "Account", ids.ACCOUNT_ID, {
          networkPosture: NetworkPosture.of({
            defaultAction: NetworkDefaultAction.DENY,
            trustedServicesBypass: false,
          }),
          acknowledgeNetworkRestriction: { reason: `verified with a run: ${t}` },
        }),
        containerName: "transfer",
      }),
      storageAccess: StorageAccess.managedIdentity(),
    }),
  "grantBlobAccess roleName": (s, t) =>
    ownedContainer(s).grantBlobAccess(
      GrantPrincipal.fromPrincipalId(s, "11111111-1111-1111-1111-111111111111", ids.SUBSCRIPTION),
      { roleName: t },
    ),
  "BlobCopyOutput.blobName": (s, t) =>
    new BlobCopyOutput(s, "Copy", {
      exportContainer: ownedContainer(s),
      importContainer: TransferContainer.fromUrl(s, "Inbound", ids.CONTAINER_URL),
      blobName: t,
    }),
};

/** An export pipeline acting as `identity`. */
function userAssigned(
  s: TerraformStack,
  identity: ReturnType<typeof UserIdentity.fromIdentityId>,
): unknown {
  return exportPipeline(s, { identity: PipelineIdentity.userAssigned(identity) });
}

/** A secret in `keyVault`, read by an export pipeline. */
function secretIn(s: TerraformStack, keyVault: ReturnType<typeof vault>): unknown {
  const secret = new SasTokenSecret(s, "Secret", {
    keyVault,
    secretName: "sas",
    token: SasToken.fromVariable(sensitiveVariable(s, "sas"), 1),
  });
  return exportPipeline(s, { storageAccess: StorageAccess.sasToken(secret) });
}

/** Every text the library puts out for the planted configuration. */
function everyOutput(plant: Plant, token: string): string {
  const outdir = mkdtempSync(join(tmpdir(), "acr-planted-"));
  const texts: string[] = [];
  const record = (error: unknown) =>
    texts.push(String(error), (error as Error)?.stack ?? "", JSON.stringify(error) ?? "");
  try {
    const app = Testing.app({ outdir, stackTraces: false });
    const stack = new TerraformStack(app, "test");
    new AzapiProvider(stack, "Azapi");
    new AzurermProvider(stack, "Azurerm", { features: [{}] });
    try {
      plant(stack, token);
    } catch (error) {
      // The program stops here: nothing is synthesized. The error must be the library's own.
      if (!(error instanceof TransferValidationError)) throw error;
      record(error);
      return texts.join("\n");
    }
    try {
      app.synth();
    } catch (error) {
      record(error);
    }
    for (const construct of app.node.findAll()) {
      const annotations = construct.node.metadata.filter((m) => m.type.startsWith("@cdktf/"));
      texts.push(JSON.stringify(annotations));
    }
    texts.push(...filesUnder(outdir).map((file) => readFileSync(file, "utf8")));
    for (const format of ["markdown", "json", "sarif"] as const) {
      try {
        texts.push(
          runReview({ target: outdir, plans: [], format, strict: false, maxLength: Infinity })
            .stdout,
        );
      } catch (error) {
        record(error);
      }
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  return texts.join("\n");
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("a token planted in any prop reaches no output", () => {
  it.each(Object.keys(PROPS))("%s", (prop) => {
    for (const [form, token] of Object.entries(FORMS)) {
      const output = everyOutput(PROPS[prop], token);
      const at = output.search(LEAK);
      expect(
        at < 0 ? undefined : output.slice(Math.max(0, at - 100), at + 40),
        form,
      ).toBeUndefined();
    }
  });
});

describe("the review of a cdktf.out that holds a token", () => {
  it.each(Object.entries(FORMS))("prints no signature (%s)", (_form, token) => {
    const outdir = mkdtempSync(join(tmpdir(), "acr-planted-review-"));
    try {
      const app = Testing.app({ outdir, stackTraces: false });
      const stack = new TerraformStack(app, "test");
      new AzapiProvider(stack, "Azapi");
      new AzurermProvider(stack, "Azurerm", { features: [{}] });
      exportRun(stack);
      app.synth();
      // Written by hand after synth: the review reads cdktf.out as untrusted input.
      const file = join(outdir, "stacks", "test", "cdk.tf.json");
      const text = readFileSync(file, "utf8");
      expect(text).toContain("images-2026-11");
      writeFileSync(file, text.split("images-2026-11").join(JSON.stringify(token).slice(1, -1)));
      for (const format of ["markdown", "json", "sarif"] as const) {
        const review = runReview({
          target: outdir,
          plans: [],
          format,
          strict: false,
          maxLength: Infinity,
        }).stdout;
        // SARIF carries findings only, not the blob name.
        if (format !== "sarif") expect(review).toContain("<redacted>");
        expect(review).not.toMatch(LEAK);
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
