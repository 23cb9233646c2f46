import { KeyVaultSecret } from "../core/azurerm";
import { TerraformVariable, Token } from "../core/cdk";
import { Construct } from "constructs";
import { WRITE_ONLY_TERRAFORM, requireTerraformVersion } from "../private/required-terraform";
import { warn } from "../private/annotations";
import { escapeTemplateLiterals } from "../private/terraform-strings";
import { check, expectShape, fail } from "../validation/check";
import { TransferValidationError } from "../validation/error";
import { inspectValueExpression, variableViolation } from "./token-expression";
import { ISasTokenSource, SasTokenBinding, SasTokenSecretConfig } from "./sas-token-source";
import { SasTokenKind } from "./sas-token-props";
import { TransferWarningIds } from "../arm/warning-ids";

/**
 * Where a write-only token's value comes from, which decides what is checked.
 * @internal
 */
export enum WriteOnlyOrigin {
  /** SasToken.fromVariable: the variable, sensitive and without a default. */
  VARIABLE = "variable",
  /** SasToken.fromValue: an expression of sensitive variables only (token-expression.ts). */
  VALUE = "value",
  /** SasToken.unsafePlainText: literal text, written into cdktf.out, with a warning. */
  PLAIN_TEXT = "plainText",
}

/** The warning of every secret written from SasToken.unsafePlainText. */
const PLAIN_TEXT_WARNING =
  "this SAS token was given as plain text (SasToken.unsafePlainText): it is written into cdktf.out, " +
  "so anyone who reads the synthesized JSON, its CI artifacts or the repository holds it. " +
  "Use it only in tests and throwaway stacks; pass a real token with SasToken.fromVariable " +
  "(a sensitive variable without a default)";

/**
 * A token you give, written through `value_wo`: never in state. In the synthesized JSON only
 * when given as plain text (SasToken.unsafePlainText). Made by SasToken.fromVariable, fromValue
 * and unsafePlainText.
 */
export class WriteOnlySasToken implements ISasTokenSource {
  /** Always WRITE_ONLY. */
  public readonly kind = SasTokenKind.WRITE_ONLY;

  /**
   * A write-only token, as SasToken's factories make it.
   * @param value the token: an expression known at apply time, or plain text (PLAIN_TEXT)
   * @param version the rotation version, written as `value_wo_version`
   * @param variable the variable `value` is read from, if any
   * @param origin the factory that made it
   */
  public constructor(
    public readonly value: string,
    public readonly version: number,
    public readonly variable: TerraformVariable | undefined,
    private readonly origin: WriteOnlyOrigin,
  ) {}

  /**
   * Applies the explicit rule of docs/security.md: a variable must be sensitive and have no
   * default (as it synthesizes, overrides included, also when set after this call); a value must
   * be an expression of such variables only; plain text passes only through unsafePlainText,
   * with a warning. Refuses a version that is not a whole number from 1, then writes the value
   * through `value_wo`.
   * @internal
   */
  public _bind(secret: Construct, config: SasTokenSecretConfig): SasTokenBinding {
    const variable = this.variable;
    if (this.origin === WriteOnlyOrigin.VARIABLE && !isVariable(variable)) {
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
    const valueWo =
      this.origin === WriteOnlyOrigin.PLAIN_TEXT
        ? this.plainText(secret)
        : this.expression(secret, variable);
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
      valueWo,
      valueWoVersion: this.version,
    });
    return { resource };
  }

  /** The literal text of unsafePlainText, escaped for Terraform, and its warning. */
  private plainText(secret: Construct): string {
    if (Token.isUnresolved(this.value)) {
      fail(secret, "token", "<expression, not shown>", {
        problem: "is a Terraform expression, not plain text",
        rule: "SasToken.unsafePlainText takes the token's text; a value known at apply time is no plain text",
        fix: "pass the sensitive variable with SasToken.fromVariable",
      });
    }
    warn(secret, TransferWarningIds.PLAIN_TEXT_SAS_TOKEN, PLAIN_TEXT_WARNING);
    return escapeTemplateLiterals(this.value);
  }

  /** The expression of fromVariable or fromValue, checked now and again at synth. */
  private expression(secret: Construct, variable: TerraformVariable | undefined): string {
    if (!Token.isUnresolved(this.value)) {
      fail(secret, "token", "<literal string, not shown>", {
        problem: "is a literal string, which would be written into cdktf.out in clear text",
        rule: "a SAS token given to the library comes from a sensitive variable without a default",
        fix: "pass a sensitive TerraformVariable with SasToken.fromVariable (in tests and throwaway stacks: SasToken.unsafePlainText)",
      });
    }
    let variables: TerraformVariable[];
    if (this.origin === WriteOnlyOrigin.VARIABLE) {
      variables = [variable!];
    } else {
      const expression = inspectValueExpression(secret, this.value);
      if (expression.violation) {
        fail(secret, "token", "<expression, not shown>", expression.violation);
      }
      variables = expression.variables;
    }
    for (const read of variables) {
      const violation = variableViolation(read);
      if (violation) fail(secret, "token", read.node.path, violation);
    }
    // An override made after this (addOverride("default", ...)) is caught when the app synthesizes.
    secret.node.addValidation({
      validate: () =>
        variables.flatMap((read) => {
          const violation = variableViolation(read);
          return violation
            ? [
                new TransferValidationError(secret.node.path, "token", read.node.path, violation)
                  .message,
              ]
            : [];
        }),
    });
    return this.value;
  }
}

/** Whether `value` is a cdktf TerraformVariable (by shape: another copy of cdktf may have made it). */
function isVariable(value: unknown): value is TerraformVariable {
  const candidate = value as Partial<TerraformVariable> | undefined;
  return typeof candidate?.stringValue === "string" && candidate.node !== undefined;
}
