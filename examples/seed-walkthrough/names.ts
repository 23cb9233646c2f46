/** Resource groups of the walkthrough's two environments. */
export const SEED_SOURCE_RESOURCE_GROUP = "rg-acr-transfer-source";
/** The target environment's resource group. */
export const SEED_TARGET_RESOURCE_GROUP = "rg-acr-transfer-target";

/**
 * The blob the export run writes and the import side reads (Microsoft's `myblob`): the
 * export run's `targetName` and the import run's `sourceName`.
 */
export const SEED_BLOB_NAME = "myblob";
