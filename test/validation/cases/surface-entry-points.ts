import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import {
  ArtifactList,
  BulkTransfer,
  ITransferRule,
  NetworkPosture,
  RegistryRef,
  RuleVerdict,
  StorageAccess,
  StorageAccountRef,
  TransferContainer,
  TransferPolicyPack,
  TransferRules,
  TransferSuppressions,
} from "../../../lib";
import { exportBatches } from "../../batches/support";
import * as ids from "../../support/ids";
import { EntryPoint, Slot, obj, optBool, optObj, optStr, provider, str } from "../entry-point-kit";
import { exportPipeline } from "../../support/pipelines";

/**
 * The entry points of the batches, policies, grants and network surfaces, for the sweep in
 * entry-points.test.ts (the first wave's are listed there).
 */

const level: Slot = { kind: "enum", sample: "warning" };
const ruleProps: Slot = { kind: "options", members: { level } };
const count = (most: number): Slot => ({ kind: "number", range: [1, most] });

/** A rule made by `make(props)`, in a pack applied to an export pipeline of the stack. */
function ruleFactory(
  name: string,
  make: (props: any) => ITransferRule,
  valid: object = {},
  slot: Slot = ruleProps,
): EntryPoint {
  return {
    name: `TransferRules.${name}`,
    args: () => [valid],
    slots: [slot],
    call: (s, [props]) =>
      new TransferPolicyPack({ rules: [make(props)] }).applyTo(exportPipeline(s)),
  };
}

const PLAIN_RULE_FACTORIES = [
  "managedIdentityStorageOnly",
  "rbacVaultsOnly",
  "noGeneratedSasTokens",
  "rerunToken",
  "deleteSourceBlobRequired",
  "deleteSourceBlobForbidden",
  "userAssignedIdentityOnly",
  "noContinueOnErrors",
] as const;

/** A custom rule, as a JavaScript user writes it: a plain object. */
function customRule(): ITransferRule {
  return {
    ruleId: "Contoso-Tags",
    level: "error" as ITransferRule["level"],
    message: "transfer resources carry the cost-center tag",
    fix: "tag them",
    check: () => RuleVerdict.notApplicable(),
  };
}

/** The props of a bulk transfer in one stack, valid. */
function bulkProps(s: TerraformStack): any {
  return {
    source: {
      stack: s,
      registry: RegistryRef.fromRegistryId(s, "Registry", ids.REGISTRY_ID, { location: "eastus" }),
      storageAccount: StorageAccountRef.fromStorageAccountId(s, "Account", ids.ACCOUNT_ID),
      pipelineName: "exportbulk",
    },
    target: {
      stack: s,
      registry: RegistryRef.fromRegistryId(s, "Target", ids.TARGET_REGISTRY_ID, {
        location: "eastus",
      }),
      pipelineName: "importbulk",
    },
    storageAccessMode: "ManagedIdentity",
    artifacts: ArtifactList.fromList(["samples/a:v1", "samples/b:v1"]),
    runNamePrefix: "bulk202611",
    blobNamePrefix: "bulk-",
  };
}

const sideMembers: Record<string, Slot> = {
  stack: obj,
  registry: obj,
  pipelineName: str,
  containerName: optStr,
  sas: optObj,
  provider,
  azurermProvider: provider,
  options: { kind: "list" },
};

/** A storage account stating a posture, under a managed-identity export pipeline's container. */
function postureIn(s: TerraformStack, networkPosture: unknown) {
  const storageAccount = StorageAccountRef.fromStorageAccountId(s, "Account", ids.ACCOUNT_ID, {
    networkPosture: networkPosture as NetworkPosture,
  });
  return exportPipeline(s, {
    container: new TransferContainer(s, "Container", { storageAccount, containerName: "transfer" }),
    storageAccess: StorageAccess.managedIdentity(),
  });
}

export const SURFACE_ENTRY_POINTS: readonly EntryPoint[] = [
  // Batches
  {
    name: "ArtifactList.fromList",
    args: () => [["samples/a:v1", "samples/b:v1"]],
    slots: [{ kind: "list", required: true }],
    call: (s, [list]) => exportBatches(s, { artifacts: ArtifactList.fromList(list) }),
  },
  {
    name: "ArtifactList.fromFile",
    args: () => ["test/batches/fixtures/images.txt"],
    slots: [str],
    call: (s, [path]) => exportBatches(s, { artifacts: ArtifactList.fromFile(path) }),
  },
  {
    name: "new BulkTransfer",
    args: (s) => [bulkProps(s)],
    slots: [
      {
        kind: "object",
        required: true,
        members: {
          source: obj,
          target: obj,
          storageAccessMode: { kind: "enum", required: true, sample: "ManagedIdentity" },
          artifacts: obj,
          runNamePrefix: str,
          blobNamePrefix: str,
          maxArtifactsPerRun: count(50),
          maxConcurrentRuns: count(Infinity),
          rerunToken: optStr,
          timeout: optStr,
          outputPrefix: optStr,
        },
      },
    ],
    call: (s, [props]) => new BulkTransfer(s, "Bulk", props),
  },
  ...(["source", "target"] as const).map((side): EntryPoint => ({
    name: `new BulkTransfer (${side} side)`,
    args: (s) => {
      const props = bulkProps(s);
      return [props[side], props];
    },
    slots: [
      {
        kind: "object",
        required: true,
        members: {
          ...sideMembers,
          storageAccount: side === "source" ? obj : optObj,
          ...(side === "target" ? { sourceTriggerEnabled: optBool } : {}),
        },
      },
      undefined,
    ],
    call: (s, [sideProps, props]) => new BulkTransfer(s, "Bulk", { ...props, [side]: sideProps }),
  })),
  // Policies
  ...PLAIN_RULE_FACTORIES.map((name) => ruleFactory(name, (props) => TransferRules[name](props))),
  ruleFactory(
    "sasTokenExpiry",
    (props) => TransferRules.sasTokenExpiry(props),
    {},
    {
      kind: "options",
      members: { level, days: count(Infinity), referenceDate: optStr },
    },
  ),
  ruleFactory(
    "allowedApiVersions",
    (props) => TransferRules.allowedApiVersions(props),
    { apiVersions: ["2025-06-01-preview"] },
    {
      kind: "object",
      required: true,
      members: { level, apiVersions: { kind: "list", required: true } },
    },
  ),
  {
    name: "TransferRules.recommended",
    args: () => [{}],
    slots: [
      {
        kind: "options",
        members: {
          apiVersions: { kind: "list" },
          sasExpiryDays: count(Infinity),
          deleteSourceBlobOnSuccess: optBool,
        },
      },
    ],
    call: (s, [options]) =>
      new TransferPolicyPack({ rules: TransferRules.recommended(options) }).applyTo(
        exportPipeline(s),
      ),
  },
  {
    name: "a custom rule in a pack",
    args: () => [customRule()],
    slots: [
      {
        kind: "object",
        required: true,
        members: {
          ruleId: str,
          level: { kind: "enum", required: true, sample: "error" },
          message: str,
          fix: str,
        },
      },
    ],
    call: (s, [rule]) => new TransferPolicyPack({ rules: [rule] }).applyTo(exportPipeline(s)),
  },
  {
    name: "pack.applyTo",
    args: (s) => [s],
    slots: [obj],
    call: (s, [scope]) => {
      exportPipeline(s);
      new TransferPolicyPack({ rules: [TransferRules.rerunToken()] }).applyTo(scope);
    },
  },
  {
    name: "TransferSuppressions.add",
    args: (s) => [exportPipeline(s), "AcrTransfer-RerunToken", "accepted for the pilot until 2027"],
    slots: [obj, str, str],
    call: (s, [scope, ruleId, reason]) => {
      TransferSuppressions.add(scope as IConstruct, ruleId, reason);
      new TransferPolicyPack({ rules: [TransferRules.rerunToken()] }).applyTo(s);
    },
  },
  // Grants
  {
    name: "container.grantBlobAccess (custom role)",
    args: (s) => [
      new TransferContainer(s, "Archive", {
        storageAccount: StorageAccountRef.fromStorageAccountId(s, "ArchiveAccount", ids.ACCOUNT_ID),
        containerName: "archive",
      }),
      {
        roleName: "Contoso Blob Lister",
        customRoleReason: "lists and reads only; defined by the platform team (PLAT-12)",
        denyDelete: false,
      },
    ],
    slots: [
      undefined,
      {
        kind: "object",
        required: true,
        members: {
          roleName: str,
          customRoleReason: optStr,
          denyDelete: optBool,
          azurermProvider: provider,
        },
      },
    ],
    call: (s, [container, options]) =>
      container.grantBlobAccess(exportPipeline(s).grantPrincipal, options),
  },
  // Network
  {
    name: "NetworkPosture.of",
    args: () => [
      { publicNetworkAccessEnabled: true, defaultAction: "Allow", trustedServicesBypass: true },
    ],
    slots: [
      {
        kind: "options",
        required: true,
        members: {
          publicNetworkAccessEnabled: optBool,
          defaultAction: { kind: "enum", sample: "Allow" },
          trustedServicesBypass: optBool,
        },
      },
    ],
    call: (s, [props]) => postureIn(s, NetworkPosture.of(props)),
  },
  {
    name: "StorageAccountRef.fromStorageAccountId (networkPosture)",
    args: () => [NetworkPosture.open()],
    slots: [optObj],
    call: (s, [posture]) => postureIn(s, posture),
  },
];
