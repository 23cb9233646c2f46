// `cdktf-acr-transfer/azapi`: the library's own azapi 2.x bindings, for stacks that declare azapi
// resources beside the transfer constructs. Not part of the root entry point or the jsii assembly.
export * from "./provider";
export * from "./resource";
export * from "./data-client-config";
export * from "./data-resource";
export { AZAPI_BASELINE_VERSION, AZAPI_FIRST_EMBEDDING } from "./embedded-schemas";
export { azapiVersionConstraintOf } from "./required-version";
