/** An Azure cloud; values are the azapi and azurerm `environment` names. */
export enum AzureCloud {
  /** Azure public cloud. */
  PUBLIC = "public",
  /** Azure US Government. */
  US_GOVERNMENT = "usgovernment",
  /** Azure operated by 21Vianet (China). */
  CHINA = "china",
}

/** DNS suffixes of one cloud. */
export interface CloudEndpoints {
  /** Suffix of blob endpoints: `https://<account>.blob.<suffix>`. */
  readonly blobSuffix: string;
  /** Suffix of Key Vault endpoints: `https://<vault>.<suffix>`. */
  readonly vaultSuffix: string;
}

const ENDPOINTS: Readonly<Record<AzureCloud, CloudEndpoints>> = {
  [AzureCloud.PUBLIC]: { blobSuffix: "core.windows.net", vaultSuffix: "vault.azure.net" },
  [AzureCloud.US_GOVERNMENT]: {
    blobSuffix: "core.usgovcloudapi.net",
    vaultSuffix: "vault.usgovcloudapi.net",
  },
  [AzureCloud.CHINA]: { blobSuffix: "core.chinacloudapi.cn", vaultSuffix: "vault.azure.cn" },
};

/** The DNS suffixes of a cloud. */
export function cloudEndpoints(cloud: AzureCloud): CloudEndpoints {
  return ENDPOINTS[cloud];
}

/** The cloud whose blob suffix this is, if any. */
export function cloudOfBlobSuffix(suffix: string): AzureCloud | undefined {
  return ALL_CLOUDS.find((c) => ENDPOINTS[c].blobSuffix === suffix.toLowerCase());
}

/** The cloud whose Key Vault suffix this is, if any. */
export function cloudOfVaultSuffix(suffix: string): AzureCloud | undefined {
  return ALL_CLOUDS.find((c) => ENDPOINTS[c].vaultSuffix === suffix.toLowerCase());
}

/** Every cloud, in declaration order. */
export const ALL_CLOUDS: readonly AzureCloud[] = [
  AzureCloud.PUBLIC,
  AzureCloud.US_GOVERNMENT,
  AzureCloud.CHINA,
];

const SOVEREIGN_LOCATIONS: Readonly<Record<string, AzureCloud>> = {
  usgovvirginia: AzureCloud.US_GOVERNMENT,
  usgovtexas: AzureCloud.US_GOVERNMENT,
  usgovarizona: AzureCloud.US_GOVERNMENT,
  usgoviowa: AzureCloud.US_GOVERNMENT,
  usdodeast: AzureCloud.US_GOVERNMENT,
  usdodcentral: AzureCloud.US_GOVERNMENT,
  chinaeast: AzureCloud.CHINA,
  chinaeast2: AzureCloud.CHINA,
  chinaeast3: AzureCloud.CHINA,
  chinanorth: AzureCloud.CHINA,
  chinanorth2: AzureCloud.CHINA,
  chinanorth3: AzureCloud.CHINA,
};

/** The cloud of an Azure location ("eastus" -> public, "usgovvirginia" -> usgovernment). */
export function cloudOfLocation(location: string): AzureCloud {
  return SOVEREIGN_LOCATIONS[location.toLowerCase().replace(/\s+/g, "")] ?? AzureCloud.PUBLIC;
}
