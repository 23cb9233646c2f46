// Small stacks with one transfer construct each, built the way a team would, for the rule tests.
import { StorageAccount } from "@cdktf/provider-azurerm/lib/storage-account";
import { Aspects, TerraformStack, TerraformVariable } from "cdktf";
import { invokeAspects } from "cdktf/lib/synthesize/synthesizer";
import { IConstruct } from "constructs";
import {
  ExportOption,
  ExportPipeline,
  ExportPipelineRun,
  ISasTokenSecret,
  ImportOption,
  ImportPipeline,
  KeyVaultAccessModel,
  PipelineIdentity,
  SasToken,
  SasTokenSecret,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
  TransferPolicyPack,
  UserIdentity,
  ITransferRule,
} from "../../lib";
import { PolicyRecord, readPolicyRecord } from "../../lib/model/policy-results";
import * as ids from "../support/ids";
import { testAccount, testRegistry, testVault } from "../support/refs";
import { newStack } from "../support/new-stack";

/** How a test pipeline is made. */
export interface PipelineOptions {
  readonly side?: "export" | "import";
  readonly storage?: "managed-identity" | "sas";
  readonly identity?: "system" | "user" | "both";
  readonly options?: string[];
  readonly apiVersion?: string;
  /** Default: "<side>pipeline". */
  readonly pipelineName?: string;
}

/** A stack with one pipeline (and, in SAS mode, its write-only secret in an RBAC vault). */
export function pipelineStack(o: PipelineOptions = {}): TerraformStack {
  const stack = newStack("policy");
  addPipeline(stack, o);
  return stack;
}

/** Adds a pipeline (named "<side>pipeline" unless told) to `stack`. */
export function addPipeline(
  stack: TerraformStack,
  o: PipelineOptions = {},
): ExportPipeline | ImportPipeline {
  const side = o.side ?? "export";
  const identity = UserIdentity.fromIdentityId(stack, "Identity", ids.IDENTITY_ID, {
    principalId: "11111111-1111-1111-1111-111111111111",
  });
  const props = {
    registry: testRegistry(stack),
    pipelineName: o.pipelineName ?? `${side}pipeline`,
    container: TransferContainer.fromUrl(stack, "Container", ids.CONTAINER_URL, {
      storageAccount: testAccount(stack),
    }),
    storageAccess:
      o.storage === "sas"
        ? StorageAccess.sasToken(writeOnlySecret(stack, KeyVaultAccessModel.RBAC))
        : StorageAccess.managedIdentity(),
    identity:
      o.identity === "system"
        ? PipelineIdentity.systemAssigned()
        : o.identity === "both"
          ? PipelineIdentity.systemAndUserAssigned(identity)
          : PipelineIdentity.userAssigned(identity),
    apiVersion: o.apiVersion,
  };
  return side === "export"
    ? new ExportPipeline(stack, "Pipeline", { ...props, options: o.options as ExportOption[] })
    : new ImportPipeline(stack, "Pipeline", { ...props, options: o.options as ImportOption[] });
}

/** A write-only secret from a sensitive variable, in the test vault. */
export function writeOnlySecret(
  stack: TerraformStack,
  accessModel: KeyVaultAccessModel,
): ISasTokenSecret {
  const token = new TerraformVariable(stack, "sas", { type: "string", sensitive: true });
  return new SasTokenSecret(stack, "Secret", {
    keyVault: testVault(stack, accessModel),
    secretName: "acrsas",
    token: SasToken.fromVariable(token, 1),
  });
}

/** A stack with one secret made with the given token source. */
export function secretStack(
  source: "write-only" | "generated" | "existing" | "existing-without-vault",
  options: { accessModel?: KeyVaultAccessModel; expiry?: string } = {},
): TerraformStack {
  const stack = newStack("policy");
  const accessModel = options.accessModel ?? KeyVaultAccessModel.RBAC;
  if (source === "write-only") writeOnlySecret(stack, accessModel);
  const expiry = options.expiry ?? "2099-01-01T00:00:00Z";
  if (source === "generated") {
    const account = new StorageAccount(stack, "Account", {
      name: "accountname",
      resourceGroupName: "transfer-rg",
      location: "eastus",
      accountTier: "Standard",
      accountReplicationType: "LRS",
    });
    const container = new TransferContainer(stack, "Container", {
      storageAccount: StorageAccountRef.fromStorageAccount(account),
      containerName: "transfer",
    });
    new SasTokenSecret(stack, "Secret", {
      keyVault: testVault(stack, accessModel),
      secretName: "acrsas",
      token: SasToken.generateForExport({ container, start: startBefore(expiry), expiry }),
    });
  }
  if (source === "existing") {
    SasTokenSecret.fromSecretUri(stack, "Secret", ids.EXPORT_SECRET_URI, {
      keyVault: testVault(stack, accessModel),
    });
  }
  if (source === "existing-without-vault") {
    SasTokenSecret.fromSecretUri(stack, "Secret", ids.EXPORT_SECRET_URI);
  }
  return stack;
}

/** 300 days before `expiry`: generated tokens live at most 365 days. */
function startBefore(expiry: string): string {
  const start = new Date(Date.parse(expiry) - 300 * 24 * 60 * 60 * 1000);
  return start.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A stack with an export pipeline and one run, with or without a rerun token. */
export function runStack(rerunToken?: string): TerraformStack {
  const stack = newStack("policy");
  new ExportPipelineRun(stack, "Run", {
    pipeline: addPipeline(stack) as ExportPipeline,
    runName: "nightlyrun",
    blobName: "nightly",
    artifacts: ["samples/hello-world:v1"],
    rerunToken,
  });
  return stack;
}

/** One annotation left on a construct. */
export interface Annotation {
  readonly level: string;
  readonly path: string;
  readonly message: string;
}

/** What a pack of `rules` finds in `stack`: its annotations and the record it wrote. */
export function applyPack(
  stack: TerraformStack,
  rules: ITransferRule[],
): { annotations: Annotation[]; record: PolicyRecord } {
  Aspects.of(stack).add(new TransferPolicyPack({ rules }));
  invokeAspects(stack);
  return { annotations: annotationsOf(stack), record: readPolicyRecord(stack.toTerraform())! };
}

/** Every info, warning and error annotation under `scope`. */
export function annotationsOf(scope: IConstruct): Annotation[] {
  return scope.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type.startsWith("@cdktf/"))
      .map((m) => ({
        level: m.type.slice("@cdktf/".length),
        path: c.node.path,
        message: String(m.data),
      })),
  );
}
