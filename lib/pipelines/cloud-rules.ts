import { AzureCloud, cloudOfLocation } from "../arm/clouds";
import { Finding } from "../validation/finding";

// Pure rules on where a pipeline is: its location's cloud beside its container's, its secret's
// and its azapi provider's. Each returns what is wrong as a Finding; the pipeline throws it.

/** Where a pipeline's container and secret are, beside its (literal) location. */
export interface CloudFacts {
  /** The pipeline's location, a literal. */
  readonly location: string;
  /** The container's cloud and URL. */
  readonly containerCloud: AzureCloud;
  /** The container as shown in messages: its URL, or its construct path when the URL is a token. */
  readonly containerUrl: string;
  /**
   * Whether the container's cloud is only the default (its storage account's cloud is not set).
   * @default false
   */
  readonly containerCloudDefaulted?: boolean;
  /**
   * The secret's cloud, when known.
   * @default unknown: not checked
   */
  readonly secretCloud?: AzureCloud;
  /**
   * The secret as shown in messages: its URI, or its construct path when the URI is a token.
   * @default none
   */
  readonly secretUri?: string;
  /**
   * Whether the secret's cloud is only the default (its vault's cloud is not set).
   * @default false
   */
  readonly secretCloudDefaulted?: boolean;
}

/** A pipeline, its container and its secret are in one cloud. */
export function cloudFinding(facts: CloudFacts): Finding | undefined {
  const cloud = cloudOfLocation(facts.location);
  const mismatch = (subject: string, other: AzureCloud, value: unknown): Finding => ({
    subject,
    value,
    violation: {
      problem: `is in the ${other} cloud, but the pipeline's location "${facts.location}" is in ${cloud}`,
      rule: "a pipeline, its container and its secret are in one cloud; blobs cross clouds by copy",
      fix: "use a container and vault in the registry's cloud, and copy the blob between clouds (azcopy)",
    },
  });
  if (facts.containerCloud !== cloud) {
    return facts.containerCloudDefaulted
      ? cloudNotSet("container", facts.containerUrl, "storage account", facts.location)
      : mismatch("container", facts.containerCloud, facts.containerUrl);
  }
  if (facts.secretCloud && facts.secretCloud !== cloud) {
    return facts.secretCloudDefaulted
      ? cloudNotSet("storageAccess", facts.secretUri, "vault", facts.location)
      : mismatch("storageAccess", facts.secretCloud, facts.secretUri);
  }
  return undefined;
}

/** A reference in the public cloud only because its cloud was not set: the fix names the prop. */
function cloudNotSet(
  subject: string,
  value: unknown,
  holder: "vault" | "storage account",
  location: string,
): Finding {
  const cloud = cloudOfLocation(location);
  const key = Object.entries(AzureCloud).find(([, v]) => v === cloud)![0];
  const where =
    holder === "vault"
      ? "KeyVaultRef.fromKeyVaultId(..., { accessModel, cloud }), KeyVaultRef.fromKeyVault(vault, { cloud }) or SasTokenSecret.fromSecretResourceId(..., { accessModel, cloud })"
      : "StorageAccountRef.fromStorageAccountId(..., { cloud }), StorageAccountRef.fromStorageAccount(account, { cloud }) or TransferContainer.fromContainerResourceId(..., { cloud })";
  return {
    subject,
    value,
    violation: {
      problem: `is in the public cloud only by default (its ${holder}'s cloud is not set), but the pipeline's location "${location}" is in ${cloud}`,
      rule: `a pipeline, its container and its secret are in one cloud; a ${holder} referenced without cloud is taken to be in the public cloud`,
      fix: `set cloud: AzureCloud.${key} where the ${holder} is referenced: ${where}`,
    },
  };
}

/** The providers a pipeline is made through: azapi (the pipeline) and azurerm (its grants). */
export enum ProviderRole {
  /** The azapi provider that creates the pipeline. */
  AZAPI = "azapi",
  /** The azurerm provider that makes the pipeline's grants. */
  AZURERM = "azurerm",
}

/** A pipeline's (literal) location beside the cloud of a provider it is made through. */
export interface ProviderCloudFacts {
  /** The pipeline's location. */
  readonly location: string;
  /** Which provider: azapi or azurerm. */
  readonly provider: ProviderRole;
  /**
   * The provider's `environment`, when it is set.
   * @default not set: the provider talks to the public cloud
   */
  readonly environment?: string;
  /** The provider's construct path, for the message. */
  readonly providerPath: string;
}

/**
 * A provider a pipeline is made through talks to the cloud of the pipeline's location. A
 * provider whose environment is not set talks to the public cloud, so it is checked as one.
 */
export function providerCloudFinding(facts: ProviderCloudFacts): Finding | undefined {
  const environment = facts.environment?.toLowerCase() ?? AzureCloud.PUBLIC;
  const cloud = cloudOfLocation(facts.location);
  if (!Object.values<string>(AzureCloud).includes(environment)) return undefined;
  if (environment === cloud) return undefined;
  const key = Object.entries(AzureCloud).find(([, v]) => v === cloud)![0];
  const azapi = facts.provider === ProviderRole.AZAPI;
  const what = azapi
    ? `the azapi provider ${facts.providerPath}`
    : `the azurerm provider ${facts.providerPath}, which makes the pipeline's grants,`;
  const defaulted = facts.environment === undefined;
  const talks = defaulted
    ? `talks to public (its environment is not set, so ${facts.provider} uses the public cloud)`
    : `talks to ${environment}`;
  const setting = azapi ? `environment: AzapiEnvironment.${key}` : `environment: "${cloud}"`;
  const prop = azapi ? "provider: an AzapiProvider" : "azurermProvider: an AzurermProvider";
  return {
    subject: "location",
    value: facts.location,
    violation: {
      problem: `is in the ${cloud} cloud, but ${what} ${talks}`,
      rule: azapi
        ? "a pipeline is created through an azapi provider of its location's cloud; one cloud's ARM does not know another's regions"
        : "a pipeline's grants are made through an azurerm provider of its location's cloud; one cloud's ARM does not know another's principals and scopes",
      fix: defaulted
        ? `set ${setting} on ${facts.providerPath}, or pass ${prop} with ${setting} (an alias), or correct the location`
        : `pass ${prop} with ${setting} (an alias), or correct the location`,
    },
  };
}
