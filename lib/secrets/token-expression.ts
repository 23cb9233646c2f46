import { TerraformLocal, TerraformStack, TerraformVariable } from "../core/cdk";
import { IConstruct } from "constructs";
import { resolveIn } from "../private/resolve";
import { Violation } from "../arm/violation";

/** What a write-only value's expression holds, as far as secrets are concerned. */
export interface ValueExpression {
  /** What is wrong with it: literal text, a SAS signature, a local holding a literal. */
  readonly violation?: Violation;
  /** The variables it reads, which must be sensitive and have no default. */
  readonly variables: TerraformVariable[];
}

/** A SAS signature or a SAS query, also URL- or HTML-encoded. */
const SAS_TEXT = /(?:^|[?&;]|%26|&amp;)(?:sig|sv|se|sp)(?:=|%3d)/i;
/** A quoted string inside an expression. */
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;
/** Longest quoted argument taken for a key (a map key, a separator), not token text. */
const MAX_KEY_LENGTH = 64;
/** How deep locals that refer to locals are followed. */
const MAX_DEPTH = 8;

/**
 * Reads the Terraform expression a write-only value synthesizes to (`${trimspace(var.x)}`,
 * `${local.y}`) and says whether a secret could sit in cdktf.out through it: SAS token text
 * anywhere; literal template text with letters or digits around the expression; a quoted
 * argument that looks like token material (query syntax `=` or `&`, or over 64 characters), while
 * short keys such as `lookup(var.tokens, "payments-export")` pass; or a local whose value is a
 * literal. It lists the variables read, also through locals.
 */
export function inspectValueExpression(scope: IConstruct, value: string): ValueExpression {
  const stack = TerraformStack.of(scope);
  const variables = new Set<TerraformVariable>();
  const violation = inspect(stack, String(resolveIn(scope, value)), variables, 0);
  return { violation, variables: [...variables] };
}

function inspect(
  stack: TerraformStack,
  expression: string,
  variables: Set<TerraformVariable>,
  depth: number,
): Violation | undefined {
  if (SAS_TEXT.test(expression)) {
    return literalViolation("holds SAS token text, which would be written into cdktf.out");
  }
  const outside = expression.replace(/\$\{[^}]*\}/g, "");
  if (/[A-Za-z0-9]/.test(outside)) {
    return literalViolation("holds literal text, which would be written into cdktf.out");
  }
  const quoted = [...expression.matchAll(QUOTED)].map((m) => m[1]);
  if (quoted.some((text) => text.length > MAX_KEY_LENGTH || /[=&]/.test(text))) {
    return literalViolation("passes a literal that looks like token text to a function");
  }
  for (const name of names(expression, "var")) {
    const variable = elementNamed(stack, TerraformVariable, name);
    if (variable) variables.add(variable);
  }
  for (const name of names(expression, "local")) {
    const local = elementNamed(stack, TerraformLocal, name);
    if (!local) continue;
    const held = (local.toTerraform() as { locals: Record<string, unknown> }).locals[name];
    const text = String(resolveIn(stack, held));
    if (!text.includes("${")) {
      return literalViolation(`reads local.${name}, which holds a literal written into cdktf.out`);
    }
    if (depth < MAX_DEPTH) {
      const inner = inspect(stack, text, variables, depth + 1);
      if (inner) return inner;
    }
  }
  return undefined;
}

function literalViolation(problem: string): Violation {
  return {
    problem,
    rule: "a SAS token given to the library comes only from sensitive variables (or other values known at apply time), never from text in the code",
    fix: "pass a sensitive TerraformVariable without a default with SasToken.fromVariable, and do any string handling outside the code",
  };
}

/** The names `<kind>.<name>` references in an expression. */
function names(expression: string, kind: "var" | "local"): string[] {
  const pattern = new RegExp(`\\b${kind}\\.([A-Za-z_][A-Za-z0-9_-]*)`, "g");
  return [...new Set([...expression.matchAll(pattern)].map((m) => m[1]))];
}

/** The variable or local of the stack named `name` in Terraform. */
function elementNamed<T extends TerraformVariable | TerraformLocal>(
  stack: TerraformStack,
  type: abstract new (...args: never[]) => T,
  name: string,
): T | undefined {
  return stack.node
    .findAll()
    .find((c): c is T => c instanceof type && (c as T).friendlyUniqueId === name);
}
