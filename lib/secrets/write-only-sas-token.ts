import { KeyVaultSecret } from "../core/azurerm";
import { TerraformVariable, Token } from "../core/cdk";
import { Construct } from "constructs";
import { WRITE_ONLY_TERRAFORM, requireTerraformVersion } from "../private/required-terraform";
import { check, expectShape, fail } from "../validation/check";
import { inspectValueExpression } from "./token-expression";
import { ISasTokenSource, SasTokenBinding, SasTokenSecretConfig } from "./sas-token-source";
import { SasTokenKind } from "./sas-token-props";

/**
 * A token you give, written through `value_wo`: never in state or in the synthesized JSON.
 * Made by SasToken.fromVariable and fromValue.
 */
export class WriteOnlySasToken implements ISasTokenSource {
  /** Always WRITE_ONLY. */
  public readonly kind = SasTokenKind.WRITE_ONLY;

  /**
   * A write-only token, as SasToken.fromVariable and fromValue make it.
   * @param value the token, known only at apply time
   * @param version the rotation version, written as `value_wo_version`
   * @param variable the variable `value` is read from, if any
   * @param fromVariable whether SasToken.fromVariable made it (then `variable` must be one)
   */
  public constructor(
    public readonly value: string,
    public readonly version: number,
    public readonly variable?: TerraformVariable,
    private readonly fromVariable = false,
  ) {}

  /**
   * Refuses a variable with a default or not sensitive, a literal string and a version that is
   * not a whole number from 1; then writes the value through `value_wo`.
   * @internal
   */
  public _bind(secret: Construct, config: SasTokenSecretConfig): SasTokenBinding {
    const variable = this.variable;
    if (this.fromVariable && !isVariable(variable)) {
      fail(secret, "token", variable, {
        problem: "is not a TerraformVariable",
        rule: "SasToken.fromVariable takes the sensitive variable the token is passed in",
        fix: 'pass new TerraformVariable(stack, "sas_token", { type: "string", sensitive: true })',
      });
    }
    expectShape(
      secret,
      "token",
      this.value,
      "string",
      true,
      "pass the token with SasToken.fromVariable",
    );
    if (variable) checkVariable(secret, variable);
    if (!Token.isUnresolved(this.value)) {
      fail(secret, "token", "<literal string, not shown>", {
        problem: "is a literal string, which would be written into cdktf.out in clear text",
        rule: "a SAS token given to the library is only known at apply time (a token)",
        fix: "pass a sensitive TerraformVariable with SasToken.fromVariable",
      });
    }
    const expression = inspectValueExpression(secret, this.value);
    if (expression.violation)
      fail(secret, "token", "<expression, not shown>", expression.violation);
    for (const variable of expression.variables) checkVariable(secret, variable);
    expectShape(secret, "version", this.version, "number");
    check(secret, "version", this.version, (v) =>
      Number.isInteger(v) && v >= 1
        ? undefined
        : {
            problem: "is not a positive whole number",
            rule: "value_wo_version is a whole number from 1; raising it writes the new token",
            fix: "start at 1 and add one at each rotation",
          },
    );
    requireTerraformVersion(secret, WRITE_ONLY_TERRAFORM, "write-only secrets (value_wo) need it");
    const resource = new KeyVaultSecret(secret, "Resource", {
      ...config,
      valueWo: this.value,
      valueWoVersion: this.version,
    });
    return { resource };
  }
}

/** Whether `value` is a cdktf TerraformVariable (by shape: another copy of cdktf may have made it). */
function isVariable(value: unknown): value is TerraformVariable {
  const candidate = value as Partial<TerraformVariable> | undefined;
  return typeof candidate?.stringValue === "string" && candidate.node !== undefined;
}

/** A variable a SAS token is read from: no default (it would sit in cdktf.out), sensitive. */
function checkVariable(secret: Construct, variable: TerraformVariable): void {
  if (variable.default !== undefined) {
    fail(secret, "token", variable.node.path, {
      problem: "is a variable with a default, which would be written into cdktf.out",
      rule: "a SAS token variable has no default",
      fix: "remove the default and pass the token with TF_VAR_<name> or a .tfvars file kept out of git",
    });
  }
  if (variable.sensitive !== true) {
    fail(secret, "token", variable.node.path, {
      problem: "is a variable that is not sensitive, so plans would print the token",
      rule: "a SAS token variable is declared with sensitive: true",
      fix: "add sensitive: true to the TerraformVariable",
    });
  }
}
