import { Fn, TerraformLocal, TerraformVariable, Token } from "cdktf";
import { SasToken } from "../../../lib";
import { BadInputCase, sensitiveVariable } from "../../support/pipelines";
import { SAS_SIGNATURE, secretWith } from "./secrets";

const TOKEN_TEXT = `sv=2022-11-02&sp=rl&${SAS_SIGNATURE}`;

/** Ways around the literal-token rule: each would have put a SAS token into cdktf.out. */
export const SECRET_BYPASS_CASES: readonly BadInputCase[] = [
  {
    name: "token text wrapped in a Terraform function",
    build: (s) => secretWith(s, SasToken.fromValue(Fn.trimspace(TOKEN_TEXT), 1)),
    path: "test/Secret",
    value: "holds SAS token text",
    hidden: SAS_SIGNATURE,
  },
  {
    name: "token held by a local",
    build: (s) => {
      const local = new TerraformLocal(s, "sas", TOKEN_TEXT);
      return secretWith(s, SasToken.fromValue(local.asString, 1));
    },
    path: "test/Secret",
    value: "reads local.sas, which holds a literal",
    hidden: SAS_SIGNATURE,
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
    name: "non-sensitive variable behind a local and a function",
    build: (s) => {
      const variable = new TerraformVariable(s, "sas", { type: "string" });
      const local = new TerraformLocal(s, "cleaned", Fn.trimspace(variable.stringValue));
      return secretWith(s, SasToken.fromValue(local.asString, 1));
    },
    path: "test/Secret",
    value: "is a variable that is not sensitive",
  },
  {
    name: "literal text around a sensitive variable",
    build: (s) =>
      secretWith(
        s,
        SasToken.fromValue(`?${"sv=2022-11-02&"}${sensitiveVariable(s, "sig").stringValue}`, 1),
      ),
    path: "test/Secret",
    value: "holds SAS token text",
  },
  {
    name: "token text as a function argument beside a variable",
    build: (s) =>
      secretWith(
        s,
        SasToken.fromValue(
          Token.asString(Fn.join("", [sensitiveVariable(s, "part").stringValue, "x".repeat(80)])),
          1,
        ),
      ),
    path: "test/Secret",
    value: "passes a literal that looks like token text",
  },
];
