export {
  PolicyLevel,
  RuleStatus,
  RuleVerdict,
  ITransferRule,
  TransferRuleProps,
  TransferRule,
} from "./rule";
export {
  TransferConstructs,
  PipelineSubject,
  RunSubject,
  SecretSubject,
  SecretSource,
} from "./subjects";
export { TransferRuleIds } from "./rule-ids";
export {
  TransferRules,
  RecommendedRulesOptions,
  ApiVersionRuleProps,
  SasExpiryRuleProps,
} from "./transfer-rules";
export { TransferSuppressions } from "./suppressions";
export { TransferPolicyPack, TransferPolicyPackProps } from "./policy-pack";
