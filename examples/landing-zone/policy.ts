import { TerraformStack } from "cdktf";
import {
  StorageAccessMode,
  TransferApiVersions,
  TransferPolicyPack,
  TransferRuleIds,
  TransferRules,
  TransferSuppressions,
  TransferWarningIds,
} from "../../lib";
import { TransferLandingZone } from "./transfer-landing-zone";

/**
 * The platform team's transfer policy, checked at every synth: errors fail it, warnings reach
 * the review report. SAS tokens are refused, except on the registries whose config entry says
 * why they still use them and until when (`sasTokenReason`); their secrets must meanwhile sit in
 * an RBAC vault (the hub vault is one). The risks the platform accepts are suppressed here, each
 * with its reason.
 */
export function applyLandingZonePolicy(stack: TerraformStack, transfer: TransferLandingZone): void {
  new TransferPolicyPack({
    rules: [
      TransferRules.managedIdentityStorageOnly(),
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
  for (const registry of transfer.registries) {
    const { storageAccessMode, sasTokenReason } = registry.config;
    if (storageAccessMode !== StorageAccessMode.SAS_TOKEN || !sasTokenReason) continue;
    TransferSuppressions.add(registry, TransferRuleIds.MANAGED_IDENTITY_STORAGE, sasTokenReason);
  }
  TransferSuppressions.add(
    transfer,
    TransferWarningIds.SOURCE_TRIGGER_OVERWRITE_TAGS,
    "only the platform's copy job writes to the <key>-inbound containers of contosoxferhub: " +
      "the shared identity holds Storage Blob Data Reader there, and the import SAS tokens " +
      "read and list only",
  );
}
