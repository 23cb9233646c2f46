/** Resource group of the source registry and storage account. */
export const MI_SOURCE_RESOURCE_GROUP = "rg-acr-mi-source";
/** Resource group of the target registry, storage account and the new identity. */
export const MI_TARGET_RESOURCE_GROUP = "rg-acr-mi-target";
/** The blob the export run writes; copied to the target container, then imported. */
export const MI_BLOB_NAME = "baseimages-2026-11";
