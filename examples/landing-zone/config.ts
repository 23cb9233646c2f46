import { StorageAccessMode } from "../../lib";

/** One registry of the landing zone, given an export and an import pipeline. */
export interface LandingZoneRegistry {
  /**
   * Short name: lowercase letters and digits. It names the registry's pipelines
   * (`export<key>`, `import<key>`), containers (`<key>-outbound`, `<key>-inbound`), secrets
   * and keys in the `sas_tokens` variable (`<key>-export`, `<key>-import`).
   */
  readonly key: string;
  /** Resource group of the existing Premium registry. */
  readonly resourceGroup: string;
  /** Name of the existing Premium registry. */
  readonly registryName: string;
  /** Azure location of the registry (and of its pipelines). */
  readonly location: string;
  /** How its pipelines reach their containers: SAS token from the shared vault, or managed identity. */
  readonly storageAccessMode: StorageAccessMode;
  /**
   * Why the registry still uses SAS tokens, and until when. The platform's policy refuses SAS
   * tokens at synth (`AcrTransfer-ManagedIdentityStorage`, error level); this reason suppresses
   * it on the registry's pipelines and is shown in the review report. A SAS-mode registry
   * without one fails synth.
   * @default none: managed identity only
   */
  readonly sasTokenReason?: string;
}

/** The registries of the landing zone: the one list to edit when a team joins. */
export const LANDING_ZONE_REGISTRIES: readonly LandingZoneRegistry[] = [
  {
    key: "payments",
    resourceGroup: "rg-payments-prod",
    registryName: "crpaymentsprod",
    location: "eastus",
    storageAccessMode: StorageAccessMode.SAS_TOKEN,
    sasTokenReason:
      "PCI change freeze on the payments registry until 2027-01-15; moves to managed identity " +
      "in the first release after it (PLAT-1201)",
  },
  {
    key: "orders",
    resourceGroup: "rg-orders-prod",
    registryName: "crordersprod",
    location: "eastus2",
    storageAccessMode: StorageAccessMode.SAS_TOKEN,
    sasTokenReason:
      "the orders DR runbook still rotates these tokens by hand; moves to managed identity " +
      "when the runbook is rewritten, due 2027-02-28 (PLAT-1202)",
  },
  {
    key: "catalog",
    resourceGroup: "rg-catalog-prod",
    registryName: "crcatalogprod",
    location: "westeurope",
    storageAccessMode: StorageAccessMode.SAS_TOKEN,
    sasTokenReason:
      "catalog moves to managed identity with its registry's move to the hub subscription, " +
      "due 2027-03-31 (PLAT-1203)",
  },
  {
    key: "shipping",
    resourceGroup: "rg-shipping-prod",
    registryName: "crshippingprod",
    location: "northeurope",
    storageAccessMode: StorageAccessMode.MANAGED_IDENTITY,
  },
  {
    key: "analytics",
    resourceGroup: "rg-analytics-prod",
    registryName: "cranalyticsprod",
    location: "westus2",
    storageAccessMode: StorageAccessMode.MANAGED_IDENTITY,
  },
];
