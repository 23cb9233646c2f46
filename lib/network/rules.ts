import { Finding } from "../validation/finding";
import { NetworkPosture } from "./network-posture";

// Pure rules on the network posture of a pipeline's storage account and vault. Each takes plain
// values and returns what is wrong as a Finding; the pipeline's synth-time validation reports it.

/** Where ACR states that it is not a trusted service for Azure Storage. */
export const ACR_NOT_TRUSTED_BY_STORAGE = "https://github.com/Azure/acr/issues/857";
/** Runs failing with 403 against storage accounts behind private endpoints. */
export const TRANSFER_403_WITH_PRIVATE_ENDPOINTS =
  "https://github.com/Azure/azure-cli-extensions/issues/8706";
/** Where the ACR team states that ACR is a trusted service for Key Vault. */
export const ACR_TRUSTED_BY_KEY_VAULT = "https://github.com/MicrosoftDocs/azure-docs/issues/56067";

/** A pipeline's storage account as the storage rule sees it. */
export interface StorageNetworkFacts {
  /** The account's name, shown in the message. */
  readonly accountName: string;
  /** The container URL the pipeline uses, shown as the value. */
  readonly containerUrl: string;
  /** The account's posture. */
  readonly posture: NetworkPosture;
}

/**
 * ACR is not a trusted service for Azure Storage: runs reach the account's public endpoint
 * from ACR's own network, so an account whose public endpoint turns away unnamed callers fails
 * every run with 403. An acknowledged posture passes (the pipeline notes the reason instead).
 */
export function storageNetworkFinding(facts: StorageNetworkFacts): Finding | undefined {
  const { posture } = facts;
  if (posture.restrictsPublicEndpoint !== true || posture.acknowledgement) return undefined;
  return {
    subject: "container",
    value: facts.containerUrl,
    violation: {
      problem: `is in storage account "${facts.accountName}", whose ${posture.describe()}`,
      rule:
        `ACR is not a trusted service for Azure Storage (${ACR_NOT_TRUSTED_BY_STORAGE}): export and ` +
        "import runs reach the account's public endpoint from ACR's own network, so they fail with 403 " +
        `(${TRANSFER_403_WITH_PRIVATE_ENDPOINTS}); bypass = ["AzureServices"], resource instance ` +
        "rules and private endpoints do not admit them",
      fix:
        "keep transfer blobs in a storage account whose public network access is enabled with " +
        'default_action = "Allow" (holding nothing but transfer blobs, reached only with the ' +
        "pipeline's SAS token or container-scoped role), or, if a network path you verified with " +
        "a pipeline run admits ACR Transfer, pass acknowledgeNetworkRestriction: { reason } to " +
        "the storage account's reference (see docs/networking.md)",
    },
  };
}

/** A SAS-mode pipeline's vault as the vault rule sees it. */
export interface VaultNetworkFacts {
  /** The vault's name, shown in the message. */
  readonly vaultName: string;
  /** The secret URI the pipeline reads, shown as the value. */
  readonly secretUri: string;
  /** The vault's posture. */
  readonly posture: NetworkPosture;
}

/**
 * ACR is a trusted service for Key Vault: a vault whose firewall is on admits pipeline runs
 * only when trusted services bypass it (`bypass = "AzureServices"`), which also holds with
 * public network access disabled.
 */
export function vaultNetworkFinding(facts: VaultNetworkFacts): Finding | undefined {
  const { posture } = facts;
  if (posture.restrictsPublicEndpoint !== true || posture.trustedServicesBypass !== false) {
    return undefined;
  }
  return {
    subject: "storageAccess",
    value: facts.secretUri,
    violation: {
      problem: `reads its SAS token from vault "${facts.vaultName}", whose ${posture.describe()}`,
      rule:
        "pipeline runs read the secret from ACR's own network; ACR is a trusted service for Key " +
        `Vault (${ACR_TRUSTED_BY_KEY_VAULT}), so a vault firewall admits them only with "Allow ` +
        'trusted Microsoft services to bypass this firewall" (network_acls.bypass = "AzureServices")',
      fix:
        'set network_acls.bypass = "AzureServices" on the vault (default_action = "Deny" can ' +
        "stay), or use StorageAccess.managedIdentity(), which needs no vault",
    },
  };
}
