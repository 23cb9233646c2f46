/**
 * Test harness for stacks that use cdktf-acr-transfer (`cdktf-acr-transfer/testing`): a
 * linear-time synthJson, vitest matchers, and the ACR Transfer conformance check. The library
 * entry point never loads it.
 */
export { synthJson, SynthJsonOptions } from "../model/synth-json";
export { checkTransferConformance, ConformanceOptions } from "../model/conformance";
export { transferMatchers, TransferMatchers, MatcherOutcome } from "./matchers";
export { SynthesizedTerraform, TerraformBlock } from "../model/terraform-json";
export { SynthesizedInput } from "../model/synthesized-input";
