import { TerraformStack } from "cdktf";
import {
  ArtifactList,
  GrantPrincipal,
  KeyVaultAccessModel,
  KeyVaultRef,
  NetworkDefaultAction,
  NetworkPosture,
  StorageAccountRef,
} from "../../../lib";
import { exportBatches, importBatches } from "../../batches/support";
import * as ids from "../../support/ids";
import { BadInputCase, ownedContainer } from "../../support/pipelines";
import { bulk } from "./batches";

/**
 * The surfaces added since the first wave, given what JavaScript and JSON-config callers give:
 * grant role names and principal IDs, stated network postures, artifact files and batch
 * options, and a BulkTransfer's stacks.
 */

function untyped<T>(value: unknown): T {
  return value as T;
}

/** A reader principal owned by the stack, from a literal object ID. */
function principal(stack: TerraformStack, principalId = ids.SUBSCRIPTION): GrantPrincipal {
  return GrantPrincipal.fromPrincipalId(stack, principalId, ids.SUBSCRIPTION);
}

function grant(name: string, roleName: string, value: string): BadInputCase {
  return {
    name,
    build: (s) => ownedContainer(s).grantBlobAccess(principal(s), { roleName }),
    path: "test/Container",
    value,
  };
}

export const GRANT_INPUT_CASES: readonly BadInputCase[] = [
  grant(
    "grants: a typo in the role name",
    "Storage Blob Data Raeder",
    'did you mean "Storage Blob Data Reader"?',
  ),
  grant(
    "grants: Owner, which reads no blob data",
    "Owner",
    'roleName "Owner" grants no access to blob data',
  ),
  grant(
    "grants: Reader, which reads no blob data",
    "Reader",
    'roleName "Reader" grants no access to blob data',
  ),
  grant("grants: a custom role without a reason", "Contoso Blob Lister", "customRoleReason"),
  {
    name: "grants: a principal ID that is a name, not a GUID",
    build: (s) => principal(s, "contoso-auditors"),
    path: "test",
    value: 'principalId "contoso-auditors" is not a GUID',
  },
  {
    name: "grants: a principal ID in braces",
    build: (s) => principal(s, `{${ids.SUBSCRIPTION}}`),
    path: "test",
    value: `write "${ids.SUBSCRIPTION}"`,
  },
];

/** A storage account reference stating `networkPosture`, used by a container. */
function accountWith(networkPosture: unknown) {
  return (s: TerraformStack) =>
    StorageAccountRef.fromStorageAccountId(s, "Account", ids.ACCOUNT_ID, {
      networkPosture: untyped<NetworkPosture>(networkPosture),
    });
}

export const POSTURE_CASES: readonly BadInputCase[] = [
  {
    name: "network: a posture given as a plain object",
    build: accountWith({ publicNetworkAccessEnabled: false }),
    path: "test/Account",
    value: 'wrap it: NetworkPosture.of({"publicNetworkAccessEnabled":false})',
  },
  {
    name: "network: a vault posture given as a plain object",
    build: (s) =>
      KeyVaultRef.fromKeyVaultId(s, "Vault", ids.VAULT_ID, {
        accessModel: KeyVaultAccessModel.RBAC,
        networkPosture: untyped<NetworkPosture>({ defaultAction: "Deny" }),
      }),
    path: "test/Vault",
    value: "is a plain object, not a NetworkPosture",
  },
  {
    name: "network: NetworkPosture.of(undefined)",
    build: () => NetworkPosture.of(untyped(undefined)),
    path: "NetworkPosture.of",
    value: "props is missing",
  },
  {
    name: "network: a default action in lower case",
    build: () => NetworkPosture.of({ defaultAction: untyped<NetworkDefaultAction>("deny") }),
    path: "NetworkPosture.of",
    value: 'did you mean "Deny" (NetworkDefaultAction.DENY)?',
  },
  {
    name: "network: public access given as a string",
    build: () => NetworkPosture.of({ publicNetworkAccessEnabled: untyped<boolean>("false") }),
    path: "NetworkPosture.of",
    value: 'publicNetworkAccessEnabled "false" is a string',
  },
];

export const BATCH_INPUT_CASES: readonly BadInputCase[] = [
  {
    name: "batches: a list file holding only comments, named",
    build: (s) =>
      exportBatches(s, {
        artifacts: ArtifactList.fromFile("test/batches/fixtures/comments-only.txt"),
      }),
    path: "test/Batches",
    value:
      'artifacts "test/batches/fixtures/comments-only.txt" holds only comments and blank lines',
  },
  {
    name: 'batches: the string "true" for runsDespiteSourceTrigger',
    build: (s) => importBatches(s, { runsDespiteSourceTrigger: untyped<boolean>("true") }),
    path: "test/Batches",
    value: 'runsDespiteSourceTrigger "true" is a string',
  },
  {
    name: "bulk: the App where the source stack belongs",
    build: (s) => bulk(s, {}, { source: { stack: untyped<TerraformStack>(s.node.scope) } }),
    path: "test/Bulk",
    value: `source.stack "<app>" is the App, not a TerraformStack`,
  },
  {
    name: "bulk: no target stack",
    build: (s) => bulk(s, {}, { target: { stack: untyped<TerraformStack>(undefined) } }),
    path: "test/Bulk",
    value: "target.stack is missing",
  },
];
