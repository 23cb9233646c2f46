import { TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import {
  PolicyLevel,
  TransferApiVersions,
  TransferPolicyPack,
  TransferRuleIds,
  TransferRules,
  TransferSuppressions,
} from "../../lib";

/**
 * The platform team's transfer policy, checked at every synth: errors fail it, warnings reach
 * the review report. SAS-mode registries are moving to managed identity, so that rule warns
 * until they have; their secrets must meanwhile sit in an RBAC vault (the hub vault is one).
 */
export function applyLandingZonePolicy(stack: TerraformStack, transfer: IConstruct): void {
  new TransferPolicyPack({
    rules: [
      TransferRules.managedIdentityStorageOnly({ level: PolicyLevel.WARNING }),
      TransferRules.rbacVaultsOnly(),
      TransferRules.userAssignedIdentityOnly(),
      TransferRules.noGeneratedSasTokens(),
      TransferRules.sasTokenExpiry({ days: 30 }),
      TransferRules.rerunToken(),
      TransferRules.deleteSourceBlobForbidden(),
      TransferRules.allowedApiVersions({ apiVersions: [TransferApiVersions.DEFAULT] }),
      TransferRules.noContinueOnErrors(),
    ],
  }).applyTo(stack);
  TransferSuppressions.add(
    transfer,
    TransferRuleIds.NO_CONTINUE_ON_ERRORS,
    "the nightly sync of every team's registry must not stop at one deleted tag; failed " +
      "artifacts are read from each run's error message the next morning",
  );
}
