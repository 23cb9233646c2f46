export * from "./provider";
export * from "./resource";
export * from "./data-client-config";
export * from "./data-resource";
export { AZAPI_PROVIDER_SOURCE, AZAPI_PROVIDER_VERSION_CONSTRAINT } from "./provider-metadata";
export { AZAPI_BASELINE_VERSION, AZAPI_FIRST_EMBEDDING } from "./embedded-schemas";
export { azapiVersionConstraintOf } from "./required-version";
