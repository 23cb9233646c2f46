import { nearMiss } from "./near-miss";
import { Violation } from "./violation";

const REGION_NAME = /^[a-z][a-z0-9]*$/;
const RULE =
  'an Azure region name: lowercase letters and digits, such as "eastus" or "usgovvirginia"';

/**
 * An Azure location as ARM takes it: the region name ("eastus"), not its display name ("East
 * US"). A display name is refused with the name to use.
 */
export function checkLocation(location: string): Violation | undefined {
  if (REGION_NAME.test(location)) return undefined;
  if (location.trim() === "") {
    return {
      problem: "is empty",
      rule: "a pipeline's location is an Azure region name",
      fix: "set it to the registry's region, e.g. \"eastus\", or leave it unset to use the registry's",
    };
  }
  // A display name ("East US", "West Europe 2") maps to its region name; anything else does not.
  const name = location.toLowerCase().replace(/ +/g, "");
  const displayName = /^[A-Za-z][A-Za-z0-9 ]*$/.test(location.trim());
  return {
    problem: "is not a region name",
    rule: RULE,
    fix: displayName ? `use "${name.trim()}"` : 'use the region\'s name, e.g. "eastus"',
  };
}

/**
 * Region names of the Azure public, US Government and China clouds, as `az account
 * list-locations --query "[].name"` lists them (physical regions; logical ones such as
 * "global" are not pipeline locations). New regions appear, so a name missing here is warned
 * about, never refused.
 */
export const KNOWN_REGIONS: readonly string[] = [
  // Americas
  "eastus",
  "eastus2",
  "centralus",
  "northcentralus",
  "southcentralus",
  "westcentralus",
  "westus",
  "westus2",
  "westus3",
  "canadacentral",
  "canadaeast",
  "brazilsouth",
  "brazilsoutheast",
  "mexicocentral",
  "chilecentral",
  // Europe
  "northeurope",
  "westeurope",
  "uksouth",
  "ukwest",
  "francecentral",
  "francesouth",
  "germanywestcentral",
  "germanynorth",
  "switzerlandnorth",
  "switzerlandwest",
  "norwayeast",
  "norwaywest",
  "swedencentral",
  "swedensouth",
  "polandcentral",
  "italynorth",
  "spaincentral",
  "austriaeast",
  "belgiumcentral",
  "denmarkeast",
  // Middle East and Africa
  "uaenorth",
  "uaecentral",
  "qatarcentral",
  "israelcentral",
  "southafricanorth",
  "southafricawest",
  // Asia Pacific
  "eastasia",
  "southeastasia",
  "japaneast",
  "japanwest",
  "koreacentral",
  "koreasouth",
  "centralindia",
  "southindia",
  "westindia",
  "jioindiacentral",
  "jioindiawest",
  "australiaeast",
  "australiasoutheast",
  "australiacentral",
  "australiacentral2",
  "newzealandnorth",
  "indonesiacentral",
  "malaysiawest",
  // US Government
  "usgovvirginia",
  "usgovtexas",
  "usgovarizona",
  "usgoviowa",
  "usdodeast",
  "usdodcentral",
  // China (21Vianet)
  "chinaeast",
  "chinaeast2",
  "chinaeast3",
  "chinanorth",
  "chinanorth2",
  "chinanorth3",
];

/**
 * A region name this library does not know (a typo such as "eastuss", or a region newer than
 * the list), with the nearest known one; undefined for a known region.
 */
export function unknownRegion(location: string): Violation | undefined {
  if (KNOWN_REGIONS.includes(location)) return undefined;
  const near = nearMiss(location, KNOWN_REGIONS);
  return {
    problem: "is not an Azure region this library knows",
    rule: "a pipeline runs in the registry's Azure region",
    fix:
      (near ? `did you mean "${near}"? ` : "") +
      "if it is a new region, acknowledge this warning (az account list-locations lists the regions)",
  };
}
