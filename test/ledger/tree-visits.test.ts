import { App, TerraformStack, Tokenization } from "cdktf";
import { Node } from "constructs";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  AzapiProvider,
  ExportPipeline,
  ExportPipelineRun,
  KeyVaultAccessModel,
  KeyVaultRef,
  RegistryRef,
  SasTokenSecret,
  StorageAccess,
  TransferContainer,
} from "../../lib";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ids from "../support/ids";

/**
 * An app of `stackCount` stacks, each with `n` export pipelines (SAS token by URI in an
 * access-policy vault shared by the app, so every whole-tree and whole-app check of the library
 * runs) and a run on each.
 */
function appOf(n: number, stackCount = 2): { app: App; stacks: TerraformStack[] } {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), "tree-visits-")), stackTraces: false });
  const names = Array.from({ length: stackCount }, (_, s) => `stack${s}`);
  const stacks = names.map((name, s) => {
    const stack = new TerraformStack(app, name);
    new AzapiProvider(stack, "Azapi");
    new AzurermProvider(stack, "Azurerm", { features: [{}] });
    const vault = KeyVaultRef.fromKeyVaultId(stack, "Vault", ids.VAULT_ID, {
      accessModel: KeyVaultAccessModel.ACCESS_POLICY,
    });
    const registry = RegistryRef.fromRegistryId(stack, "Registry", `${ids.REGISTRY_ID}${s}`, {
      location: "eastus",
    });
    for (let i = 0; i < n; i++) {
      const pipeline = new ExportPipeline(stack, `Export${i}`, {
        registry,
        pipelineName: `export${i}`,
        container: TransferContainer.fromUrl(stack, `Container${i}`, `${ids.CONTAINER_URL}${i}`),
        storageAccess: StorageAccess.sasToken(
          SasTokenSecret.fromSecretUri(stack, `Secret${i}`, `${ids.EXPORT_SECRET_URI}${s}x${i}`, {
            keyVault: vault,
          }),
        ),
      });
      new ExportPipelineRun(stack, `Run${i}`, {
        pipeline,
        runName: `nightly${i}`,
        blobName: `nightly${i}`,
        artifacts: ["samples/app:v1"],
      });
    }
    return stack;
  });
  return { app, stacks };
}

/** How often `app.synth()` walks a whole stack or the whole app (`findAll` from its root). */
function wholeTreeWalks(n: number, stackCount = 2): number {
  const { app, stacks } = appOf(n, stackCount);
  const roots = new Set<Node>([app.node, ...stacks.map((s) => s.node)]);
  let walks = 0;
  const findAll = Node.prototype.findAll;
  vi.spyOn(Node.prototype, "findAll").mockImplementation(function (this: Node, ...args) {
    if (roots.has(this)) walks++;
    return findAll.apply(this, args);
  });
  app.synth();
  vi.restoreAllMocks();
  return walks;
}

/** How many values the library resolves (Tokenization.resolve) in `app.synth()`. */
function libraryResolves(n: number, stackCount: number): number {
  const { app } = appOf(n, stackCount);
  const spy = vi.spyOn(Tokenization, "resolve");
  app.synth();
  const calls = spy.mock.calls.length;
  vi.restoreAllMocks();
  return calls;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the shape of a synth", () => {
  it("walks whole stacks a fixed number of times, however many pipelines they hold", () => {
    const few = wholeTreeWalks(2);
    expect(few).toBeGreaterThan(0);
    expect(wholeTreeWalks(12)).toBe(few);
  });

  it("walks each stack a fixed number of times, however many stacks the app holds", () => {
    const [two, four, six] = [2, 4, 6].map((stacks) => wholeTreeWalks(2, stacks));
    expect(four - two).toBeGreaterThan(0);
    expect(six - four).toBe(four - two);
  });

  it("resolves a fixed number of values per stack, however many stacks look across the app", () => {
    const [two, four, six] = [2, 4, 6].map((stacks) => libraryResolves(3, stacks));
    expect(four - two).toBeGreaterThan(0);
    expect(six - four).toBe(four - two);
  });
});
