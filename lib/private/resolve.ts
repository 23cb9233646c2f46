import { DefaultTokenResolver, StringConcat, Tokenization } from "../core/cdk";
import { IConstruct } from "constructs";

/** Resolves tokens in `value` to the Terraform expressions they synthesize to. */
export function resolveIn(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, {
    scope,
    resolver: new DefaultTokenResolver(new StringConcat()),
  });
}
