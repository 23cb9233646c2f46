import { TerraformStack, TerraformVariable } from "../core/cdk";
import { IConstruct } from "constructs";
import { Violation } from "../arm/violation";
import { resolveIn } from "../private/resolve";

/** What a write-only value's expression reads, under the explicit rule. */
export interface ValueExpression {
  /** Why it is refused: anything but sensitive variables and functions of them. */
  readonly violation?: Violation;
  /** The variables it reads; each must be sensitive and have no default. */
  readonly variables: TerraformVariable[];
}

/** One piece of an expression, in the order the rule reads them. */
const PIECE_PATTERN =
  /\s+|var\.([A-Za-z_][\w-]*)((?:\[\s*"[^"\\$%]*"\s*\]|\.[A-Za-z_][\w-]*)*)|([A-Za-z_][\w-]*)\s*\(|[,)]|"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|<<-?\w+|local\.[\w-]+|[A-Za-z_][\w-]*(?:\.[\w-]+)*|./;

/** Functions that would undo what makes the value secret. */
const REFUSED_FUNCTIONS: ReadonlySet<string> = new Set(["nonsensitive"]);

/**
 * The explicit rule for a value written through `value_wo` (docs/security.md): it is one
 * Terraform expression, `${...}` with nothing around it, made only of references to input
 * variables (`var.sas`, also indexed by a key: `var.tokens["payments"]`, `var.tokens.payments`)
 * and calls of functions on them (`trimspace(var.sas)`). Nothing else is read: no quoted string,
 * number or heredoc as an argument (`join("", [...])`, `base64decode("...")`), no local, no
 * resource or data source attribute (either may hold text written in the code), no operator,
 * no `nonsensitive`. Nothing is guessed from what a literal looks like.
 */
export function inspectValueExpression(scope: IConstruct, value: string): ValueExpression {
  const stack = TerraformStack.of(scope);
  const expression = String(resolveIn(scope, value));
  const whole = /^\$\{([\s\S]*)\}$/.exec(expression);
  if (!whole || whole[1].includes("${") || whole[1].includes("}")) {
    return refused(
      "has text around the Terraform expression, which would be written into cdktf.out",
    );
  }
  const variables: TerraformVariable[] = [];
  // A sticky scanner of its own per call: a shared one would keep lastIndex between calls.
  const pieces = new RegExp(PIECE_PATTERN.source, "gy");
  for (let piece = pieces.exec(whole[1]); piece; piece = pieces.exec(whole[1])) {
    const [text, variableName, , functionName] = piece;
    if (variableName !== undefined) {
      const variable = variableNamed(stack, variableName);
      if (!variable) return refused(`reads var.${variableName}, which this stack does not declare`);
      variables.push(variable);
    } else if (functionName !== undefined) {
      if (REFUSED_FUNCTIONS.has(functionName)) {
        return refused(`calls ${functionName}(), which would let plans print the token`);
      }
    } else if (!/^(?:\s+|[,)])$/.test(text)) {
      return refused(describePiece(text));
    }
  }
  return { variables: [...new Set(variables)] };
}

/** What is wrong with a piece the rule does not allow. */
function describePiece(text: string): string {
  if (text.startsWith('"') || text.startsWith("<<")) {
    return "passes a literal string, which would be written into cdktf.out";
  }
  if (/^-?\d/.test(text)) return "passes a literal number, which is text in cdktf.out";
  if (text.startsWith("local.")) {
    return `reads ${text}, a local: its value is text in cdktf.out`;
  }
  if (/^[A-Za-z_]/.test(text)) {
    return `reads ${text}, which is not an input variable (a resource, data source or keyword may carry text from the code)`;
  }
  return `holds "${text}", which is neither a variable nor a function call`;
}

function refused(problem: string): ValueExpression {
  return {
    violation: {
      problem,
      rule:
        "a SAS token given to the library is a sensitive variable without a default, or a function of such variables, " +
        "with no literal, local or other reference in the expression (SasToken.unsafePlainText is the one way to write a literal)",
      fix:
        'pass a sensitive TerraformVariable without a default with SasToken.fromVariable (index a map with Fn.lookupNested(variable.value, ["key"])), ' +
        "and do any string handling before the value reaches Terraform",
    },
    variables: [],
  };
}

/**
 * Why `variable` may not carry a SAS token, read from the variable as it synthesizes (so
 * `addOverride("default", ...)` counts): a default would sit in cdktf.out, and a variable that
 * is not sensitive is printed by plans.
 */
export function variableViolation(variable: TerraformVariable): Violation | undefined {
  const blocks = (variable.toTerraform() as { variable?: Record<string, Record<string, unknown>> })
    .variable;
  const block = blocks?.[variable.friendlyUniqueId] ?? {};
  if (block.default !== undefined) {
    return {
      problem: "is a variable with a default, which would be written into cdktf.out",
      rule: "a SAS token variable has no default, also none set with addOverride",
      fix: "remove the default and pass the token with TF_VAR_<name> or a .tfvars file kept out of git",
    };
  }
  if (block.sensitive !== true) {
    return {
      problem: "is a variable that is not sensitive, so plans would print the token",
      rule: "a SAS token variable is declared with sensitive: true, and no override turns it off",
      fix: "add sensitive: true to the TerraformVariable",
    };
  }
  return undefined;
}

/** The variable of the stack named `name` in Terraform. */
function variableNamed(stack: TerraformStack, name: string): TerraformVariable | undefined {
  return stack.node
    .findAll()
    .find(
      (c): c is TerraformVariable => c instanceof TerraformVariable && c.friendlyUniqueId === name,
    );
}
