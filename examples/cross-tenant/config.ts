import { exampleResourceId } from "../shared/azure-ids";

/**
 * One side of the transfer, in its own Microsoft Entra tenant and subscription, with everything
 * that cannot cross a tenant: its identity, its vault and the access policy in it, its storage.
 */
export interface TenantSide {
  /** The side's Microsoft Entra tenant (`tenant_id` of its providers). */
  readonly tenantId: string;
  /** The side's subscription; a subscription belongs to one tenant. */
  readonly subscriptionId: string;
  /** Provider alias for this side: every resource names it. */
  readonly alias: string;
  /** Resource group holding the existing registry, vault and storage account. */
  readonly resourceGroup: string;
  /** Azure location of the registry (and so of its pipeline and identity). */
  readonly location: string;
  /** Existing Premium registry. */
  readonly registryName: string;
  /** Existing storage account that gets the transfer container; public access enabled. */
  readonly storageAccountName: string;
  /** Existing Key Vault (access policies) behind a firewall that lets trusted services through. */
  readonly keyVaultName: string;
  /** The new user-assigned identity the side's pipeline acts as. */
  readonly identityName: string;
  /** The new private container for transfer blobs. */
  readonly containerName: string;
}

/** Contoso's tenant: exports. Fake IDs; replace them with yours. */
export const CONTOSO: TenantSide = {
  tenantId: "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa",
  subscriptionId: "00000000-0000-0000-0000-000000000000",
  alias: "contoso",
  resourceGroup: "rg-acr-transfer-contoso",
  location: "westeurope",
  registryName: "contosoreleaseacr",
  storageAccountName: "contosoxfer",
  keyVaultName: "kv-contoso-xfer",
  identityName: "id-contoso-acr-export",
  containerName: "outbound",
};

/** Fabrikam's tenant: imports. Fake IDs; replace them with yours. */
export const FABRIKAM: TenantSide = {
  tenantId: "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb",
  subscriptionId: "11111111-1111-1111-1111-111111111111",
  alias: "fabrikam",
  resourceGroup: "rg-acr-transfer-fabrikam",
  location: "northeurope",
  registryName: "fabrikammirroracr",
  storageAccountName: "fabrikamxfer",
  keyVaultName: "kv-fabrikam-xfer",
  identityName: "id-fabrikam-acr-import",
  containerName: "inbound",
};

/** The blob the export run writes, copied from Contoso's account to Fabrikam's, then imported. */
export const TRANSFER_BLOB_NAME = "contoso-release-2026-11";

/** The ARM ID of `<type>/<name>` in a side's resource group and subscription. */
export function sideResourceId(side: TenantSide, type: string, name: string): string {
  return exampleResourceId(side.resourceGroup, type, name, side.subscriptionId);
}
