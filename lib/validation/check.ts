import { Token } from "cdktf";
import { IConstruct } from "constructs";
import { TransferValidationError } from "./error";
import { Violation } from "./violation";

/** A pure rule: the violation, or undefined when the value is fine. */
export type Rule<T> = (value: T) => Violation | undefined;

/**
 * Throws a TransferValidationError naming the construct's path when `value` breaks `rule`.
 * Unresolved tokens are only known at apply time and are never checked.
 */
export function check<T>(
  scope: IConstruct,
  subject: string,
  value: T,
  rule: Rule<NonNullable<T>>,
): T {
  if (value === undefined || value === null || Token.isUnresolved(value)) return value;
  const violation = rule(value as NonNullable<T>);
  if (violation) throw new TransferValidationError(scope.node.path, subject, value, violation);
  return value;
}

/** Throws a TransferValidationError naming the construct's path, for a rule checked inline. */
export function fail(
  scope: IConstruct,
  subject: string,
  value: unknown,
  violation: Violation,
): never {
  throw new TransferValidationError(scope.node.path, subject, value, violation);
}
