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

/** The JavaScript shape a prop must have. */
export type ValueShape = "string" | "number" | "list" | "object";

const SHAPE_FIXES: Readonly<Record<ValueShape, string>> = {
  string: "pass a string",
  number: "pass a whole number",
  list: "pass a list (an array)",
  object: "pass an object of the type the prop names",
};

/**
 * Guards against input the types would have refused (JavaScript, JSON-driven configs, casts):
 * a required prop that is missing, or a value of the wrong shape, fails with a
 * TransferValidationError instead of a TypeError further in.
 */
export function expectShape<T>(
  scope: IConstruct,
  subject: string,
  value: T,
  shape: ValueShape,
  required = true,
  fix = SHAPE_FIXES[shape],
): T {
  if (value === undefined || value === null) {
    if (!required) return value;
    return fail(scope, subject, value, {
      problem: "is missing",
      rule: `${subject} is required`,
      fix,
    });
  }
  const actual = Array.isArray(value) ? "list" : typeof value;
  if (actual !== shape) {
    fail(scope, subject, value, {
      problem: `is a ${actual}, not a ${shape}`,
      rule: `${subject} is a ${shape}`,
      fix,
    });
  }
  return value;
}
