import { DataAzurermKeyVaultSecret } from "@cdktf/provider-azurerm/lib/data-azurerm-key-vault-secret";
import { Fn, TerraformLocal, TerraformVariable, Token } from "cdktf";
import { SasToken } from "../../../lib";
import { BadInputCase, sensitiveVariable } from "../../support/pipelines";
import { SAS_SIGNATURE, secretWith } from "./secrets";

const TOKEN_TEXT = `sv=2022-11-02&sp=rl&${SAS_SIGNATURE}`;

/**
 * Ways around the explicit rule (docs/security.md): each would have put a SAS token, or text
 * from the code, into cdktf.out. Nothing is guessed from what a literal looks like: any literal,
 * local or reference other than a sensitive variable without a default is refused.
 */
export const SECRET_BYPASS_CASES: readonly BadInputCase[] = [
  {
    name: "token text wrapped in a Terraform function",
    build: (s) => secretWith(s, SasToken.fromValue(Fn.trimspace(TOKEN_TEXT), 1)),
    path: "test/Secret",
    value: "passes a literal string",
    hidden: SAS_SIGNATURE,
  },
  {
    name: "a join of base64-decoded literal chunks",
    build: (s) =>
      secretWith(
        s,
        SasToken.fromValue(
          Fn.join("", [
            Fn.base64decode(Buffer.from(TOKEN_TEXT.slice(0, 20)).toString("base64")),
            Fn.base64decode(Buffer.from(TOKEN_TEXT.slice(20)).toString("base64")),
          ]),
          1,
        ),
      ),
    path: "test/Secret",
    value: "passes a literal string",
  },
  {
    name: "a short literal beside a sensitive variable",
    build: (s) =>
      secretWith(
        s,
        SasToken.fromValue(Fn.join("", [sensitiveVariable(s, "part").stringValue, "sig=x"]), 1),
      ),
    path: "test/Secret",
    value: "passes a literal string",
  },
  {
    name: "a lookup whose default is a literal",
    build: (s) => {
      const tokens = new TerraformVariable(s, "tokens", { type: "map(string)", sensitive: true });
      return secretWith(
        s,
        SasToken.fromValue(Token.asString(Fn.lookup(tokens.value, "export", TOKEN_TEXT)), 1),
      );
    },
    path: "test/Secret",
    value: "passes a literal string",
    hidden: SAS_SIGNATURE,
  },
  {
    name: "literal numbers as function arguments",
    build: (s) => secretWith(s, SasToken.fromValue(Fn.format("%c%c%c", [115, 105, 103]), 1)),
    path: "test/Secret",
    value: "passes a literal",
  },
  {
    name: "token held by a local",
    build: (s) => {
      const local = new TerraformLocal(s, "sas", TOKEN_TEXT);
      return secretWith(s, SasToken.fromValue(local.asString, 1));
    },
    path: "test/Secret",
    value: "reads local.sas, a local",
    hidden: SAS_SIGNATURE,
  },
  {
    name: "a local that points at a local holding the token",
    build: (s) => {
      const inner = new TerraformLocal(s, "inner", TOKEN_TEXT);
      const outer = new TerraformLocal(s, "outer", inner.asString);
      return secretWith(s, SasToken.fromValue(outer.asString, 1));
    },
    path: "test/Secret",
    value: "reads local.outer, a local",
    hidden: SAS_SIGNATURE,
  },
  {
    name: "a local holding a sensitive variable",
    build: (s) => {
      const local = new TerraformLocal(s, "cleaned", sensitiveVariable(s, "sas").stringValue);
      return secretWith(s, SasToken.fromValue(local.asString, 1));
    },
    path: "test/Secret",
    value: "reads local.cleaned, a local",
  },
  {
    name: "a data source attribute (its arguments are text from the code)",
    build: (s) => {
      const read = new DataAzurermKeyVaultSecret(s, "Other", { name: "sas", keyVaultId: "x" });
      return secretWith(s, SasToken.fromValue(read.value, 1));
    },
    path: "test/Secret",
    value: "reads data.azurerm_key_vault_secret.Other.value, which is not an input variable",
  },
  {
    name: "nonsensitive() around a sensitive variable",
    build: (s) =>
      secretWith(
        s,
        SasToken.fromValue(Fn.nonsensitive(sensitiveVariable(s, "sas").stringValue), 1),
      ),
    path: "test/Secret",
    value: "calls nonsensitive()",
  },
  {
    name: "non-sensitive variable with a default through fromValue",
    build: (s) => {
      const variable = new TerraformVariable(s, "sas", { type: "string", default: TOKEN_TEXT });
      return secretWith(s, SasToken.fromValue(variable.stringValue, 1));
    },
    path: "test/Secret",
    value: '"test/sas"',
    hidden: SAS_SIGNATURE,
  },
  {
    name: "a default set with addOverride on a sensitive variable",
    build: (s) => {
      const variable = sensitiveVariable(s, "sas");
      variable.addOverride("default", TOKEN_TEXT);
      return secretWith(s, SasToken.fromVariable(variable, 1));
    },
    path: "test/Secret",
    value: "is a variable with a default",
    hidden: SAS_SIGNATURE,
  },
  {
    name: "sensitive turned off with addOverride",
    build: (s) => {
      const variable = sensitiveVariable(s, "sas");
      variable.addOverride("sensitive", false);
      return secretWith(s, SasToken.fromValue(Fn.trimspace(variable.stringValue), 1));
    },
    path: "test/Secret",
    value: "is a variable that is not sensitive",
  },
  {
    name: "a default set with addOverride after the secret is made",
    build: (s) => {
      const variable = sensitiveVariable(s, "sas");
      const secret = secretWith(s, SasToken.fromVariable(variable, 1));
      variable.addOverride("default", TOKEN_TEXT);
      return secret;
    },
    path: "test/Secret",
    value: "is a variable with a default",
    hidden: SAS_SIGNATURE,
    atStackValidation: true,
  },
  {
    name: "literal text around a sensitive variable",
    build: (s) =>
      secretWith(
        s,
        SasToken.fromValue(`?${"sv=2022-11-02&"}${sensitiveVariable(s, "sig").stringValue}`, 1),
      ),
    path: "test/Secret",
    value: "has text around the Terraform expression",
  },
  {
    name: "plain text given to unsafePlainText as an expression",
    build: (s) =>
      secretWith(s, SasToken.unsafePlainText(sensitiveVariable(s, "sas").stringValue, 1)),
    path: "test/Secret",
    value: "is a Terraform expression, not plain text",
  },
];
