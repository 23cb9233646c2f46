import { TerraformStack, Token } from "../core/cdk";
import { IConstruct } from "constructs";
import { holdsSecret } from "../arm/secret-text";
import { warn as warnWithId } from "../private/annotations";
import { resolveIn } from "../private/resolve";
import { nearMiss } from "../arm/near-miss";
import { TransferValidationError, describeValue } from "./error";
import { Violation } from "../arm/violation";
import { WarningId } from "../arm/warning-ids";

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

/**
 * Throws a TransferValidationError naming the construct's path, for a rule checked inline. A
 * value holding tokens is shown as the Terraform expressions they stand for, never as a token.
 */
export function fail(
  scope: IConstruct,
  subject: string,
  value: unknown,
  violation: Violation,
): never {
  throw new TransferValidationError(scope.node.path, subject, shown(scope, value), violation);
}

/**
 * A warning on `scope` with its ID (TransferWarningIds), worded like a TransferValidationError
 * (the value, the rule, the fix), for a value that is likely wrong but may be right (a region
 * newer than the library). Synth goes on, and the review report lists it unless it is
 * acknowledged.
 */
export function warn(
  scope: IConstruct,
  id: WarningId,
  subject: string,
  value: unknown,
  violation: Violation,
): void {
  const message =
    `${subject} ${describeValue(value)} ${violation.problem}. ` +
    `rule: ${violation.rule}. fix: ${violation.fix}`;
  warnWithId(scope, id, message);
}

/**
 * Refuses a value that holds a secret (a SAS signature, a storage key) before anything is derived
 * from it: a name built from the value would carry the secret in a shape redaction cannot see.
 */
export function refuseSecret<T>(scope: IConstruct, subject: string, value: T): T {
  if (typeof value === "string" && !Token.isUnresolved(value) && holdsSecret(value)) {
    // The error replaces the problem and the fix of a value that holds a secret.
    fail(scope, subject, value, { problem: "", rule: `${subject} never holds a secret`, fix: "" });
  }
  return value;
}

/** `value` with its tokens resolved to the expressions they synthesize to (`${var.x}`). */
function shown(scope: IConstruct, value: unknown): unknown {
  if (!Token.isUnresolved(value) && !(Array.isArray(value) && value.some(Token.isUnresolved)))
    return value;
  try {
    return resolveIn(scope, value);
  } catch {
    return "(a value known only at apply time)";
  }
}

/** The JavaScript shape a prop must have. */
export type ValueShape = "string" | "number" | "boolean" | "list" | "object";

const SHAPE_FIXES: Readonly<Record<ValueShape, string>> = {
  string: "pass a string",
  number: "pass a whole number",
  boolean: 'pass true or false (a boolean, not the string "true" or "false")',
  list: "pass a list (an array)",
  object: "pass an object of the type the prop names",
};

/** "a list", "an object", "an ExportPipelineProps". */
function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

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
      problem: `is ${withArticle(actual)}, not ${withArticle(shape)}`,
      rule: `${subject} is ${withArticle(shape)}`,
      fix,
    });
  }
  return value;
}

/**
 * The props object itself: a constructor called without it (or with null, or a scalar) from
 * JavaScript or a JSON-driven config fails here, naming the type of props to pass.
 */
export function expectProps<T>(scope: IConstruct, props: T, propsType: string): T {
  return expectShape(
    scope,
    "props",
    props,
    "object",
    true,
    `pass ${withArticle(propsType)} object`,
  );
}

/**
 * A value of a string enum, as configs read from JSON or YAML pass it: a value of another case
 * ("rbac" for "Rbac") or unknown is refused, never read as another member.
 */
export function expectEnum<T>(
  scope: IConstruct,
  subject: string,
  value: T,
  enumType: { readonly [key: string]: string },
  enumName: string,
  required = true,
): T {
  expectShape(scope, subject, value, "string", required, `use the ${enumName} enum`);
  const members = Object.entries(enumType);
  if (value === undefined || value === null || Token.isUnresolved(value)) return value;
  if (members.some(([, v]) => v === value)) return value;
  const closest = nearMiss(
    String(value),
    members.map(([, v]) => v),
  );
  const near = members.find(([, v]) => v === closest);
  const caseOnly = near !== undefined && near[1].toLowerCase() === String(value).toLowerCase();
  return fail(scope, subject, value, {
    problem: caseOnly ? "differs from a member only in case" : `is not a ${enumName}`,
    rule: `one of ${members.map(([, v]) => `"${v}"`).join(", ")} (the case matters)`,
    fix: caseOnly
      ? `write "${near[1]}" (${enumName}.${near[0]})`
      : near
        ? `did you mean "${near[1]}" (${enumName}.${near[0]})?`
        : `use the ${enumName} enum, e.g. ${enumName}.${members[0][0]}`,
  });
}

/**
 * The argument of a factory that takes a construct of the app and no scope
 * (`RegistryRef.fromContainerRegistry(registry)`): it must be a construct of the Terraform type
 * named. There is no construct to blame, so the error names the factory.
 */
export function expectConstructOf<T>(
  factory: string,
  subject: string,
  value: T,
  terraformType: string,
  fix: string,
): T {
  const found = value as { node?: { path?: unknown }; terraformResourceType?: unknown } | undefined;
  if (found?.terraformResourceType === terraformType && found.node) return value;
  const path = typeof found?.node?.path === "string" ? found.node.path : undefined;
  throw new TransferValidationError(factory, subject, path ?? value, {
    problem:
      value === undefined || value === null
        ? "is missing"
        : `is not ${/^[aeiou]/.test(terraformType) ? "an" : "a"} ${terraformType}`,
    rule: `${factory} takes the ${terraformType} construct it refers to`,
    fix,
  });
}

/** An optional provider prop: a cdktf TerraformProvider (by shape: another copy of cdktf may have made it). */
export function expectProvider<T>(scope: IConstruct, subject: string, provider: T): T {
  const candidate = provider as { terraformResourceType?: unknown; node?: unknown } | undefined;
  if (provider === undefined || provider === null) return provider;
  if (typeof candidate?.terraformResourceType === "string" && candidate.node) return provider;
  return fail(scope, subject, provider, {
    problem: "is not a Terraform provider",
    rule: `${subject} is a provider construct of the stack (an alias, another cloud)`,
    fix: "pass the provider construct, or leave it unset for the stack's default provider",
  });
}

/** A stack prop (optional unless `required`): a TerraformStack of the app, not the App itself. */
export function expectStack<T>(scope: IConstruct, subject: string, stack: T, required = false): T {
  if (stack === undefined || stack === null) {
    if (!required) return stack;
    return fail(scope, subject, stack, {
      problem: "is missing",
      rule: `${subject} names a stack of the app`,
      fix: "pass the TerraformStack the resources go in",
    });
  }
  if (TerraformStack.isStack(stack)) return stack;
  const isApp = (stack as { node?: { scope?: unknown } }).node?.scope === undefined;
  return fail(scope, subject, stack, {
    problem:
      isApp && typeof stack === "object"
        ? "is the App, not a TerraformStack"
        : "is not a TerraformStack",
    rule: `${subject} names a stack of the app: resources are declared in stacks, never in the App`,
    fix: required
      ? "pass the stack construct (new TerraformStack(app, id))"
      : "pass the stack construct, or leave it unset",
  });
}
