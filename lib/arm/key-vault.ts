import { Violation } from "./violation";
import { ALL_CLOUDS, AzureCloud, cloudEndpoints, cloudOfVaultSuffix } from "./clouds";
import { KEY_VAULT_ID } from "./resource-ids";

/** The parts of a Key Vault secret URI. */
export interface ParsedSecretUri {
  /** Vault name. */
  readonly vaultName: string;
  /** Secret name. */
  readonly secretName: string;
  /** Secret version, when the URI pins one. */
  readonly version?: string;
  /** The cloud of the vault endpoint. */
  readonly cloud: AzureCloud;
}

const SECRET_NAME = /^[a-zA-Z0-9-]{1,127}$/;
const SECRET_URI = /^https:\/\/([^./]+)\.([^/]+)\/secrets\/([^/?#]+)(?:\/([0-9a-fA-F]{32}))?$/;

/** Parses `https://<vault>.<vault suffix>/secrets/<name>[/<version>]`. */
export function parseSecretUri(uri: string): ParsedSecretUri | undefined {
  const match = SECRET_URI.exec(uri);
  if (!match) return undefined;
  const cloud = cloudOfVaultSuffix(match[2]);
  if (!cloud || !KEY_VAULT_ID.namePattern.test(match[1]) || !SECRET_NAME.test(match[3])) {
    return undefined;
  }
  return { vaultName: match[1], secretName: match[3], version: match[4], cloud };
}

/** A Key Vault secret URI that ACR can read the SAS token from. */
export function checkSecretUri(uri: string): Violation | undefined {
  if (parseSecretUri(uri)) return undefined;
  return {
    problem: "is not a Key Vault secret URI",
    rule:
      "https://<vault>.<suffix>/secrets/<name> (versionless), suffix one of " +
      ALL_CLOUDS.map((c) => cloudEndpoints(c).vaultSuffix).join(", ") +
      `; vault ${KEY_VAULT_ID.nameRule}; secret 1-127 letters, digits and hyphens`,
    fix: "use the secret's versionless ID (azurerm key_vault_secret.versionless_id, or az keyvault secret show --query id)",
  };
}

/** Secret names: 1-127 letters, digits and hyphens. */
export function checkSecretName(name: string): Violation | undefined {
  if (SECRET_NAME.test(name)) return undefined;
  return {
    problem: "is not a Key Vault secret name",
    rule: "1-127 letters, digits and hyphens",
    fix: `use "${name.replace(/[^a-zA-Z0-9-]/g, "-").slice(0, 127) || "acrtransfersas"}"`,
  };
}

/** The versionless URI of a secret in a vault. */
export function secretUri(vaultName: string, secretName: string, cloud: AzureCloud): string {
  return `https://${vaultName}.${cloudEndpoints(cloud).vaultSuffix}/secrets/${secretName}`;
}
