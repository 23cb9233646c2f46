import { Fn, TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import { SasToken, SasTokenSecret } from "../../lib";
import { sensitiveVariable, vault } from "../support/pipelines";
import { newStack } from "../support/new-stack";

/** The `value_wo` and warnings of a secret written from `token`, after a synth with validations. */
function written(build: Build) {
  const stack = newStack("test", { providers: true });
  const secret = new SasTokenSecret(stack, "Secret", {
    keyVault: vault(stack),
    secretName: "acrexportsas",
    token: build(stack),
  });
  const json = JSON.parse(Testing.synth(stack, true));
  const warnings = secret.node.metadata
    .filter((m) => m.type === "@cdktf/warn")
    .map((m) => String(m.data));
  return {
    valueWo: Object.values<{ value_wo: string }>(json.resource.azurerm_key_vault_secret)[0]
      .value_wo,
    warnings,
    json: JSON.stringify(json),
  };
}

type Build = (s: TerraformStack) => SasToken;

describe("the explicit rule: what reaches a write-only secret", () => {
  it.each<[string, Build, string]>([
    [
      "a sensitive variable",
      (s) => SasToken.fromVariable(sensitiveVariable(s, "sas"), 1),
      "${var.sas}",
    ],
    [
      "a function of a sensitive variable",
      (s) => SasToken.fromValue(Fn.trimspace(sensitiveVariable(s, "sas").stringValue), 1),
      "${trimspace(var.sas)}",
    ],
    [
      "an entry of a sensitive map, by index",
      (s) => {
        const tokens = new TerraformVariable(s, "tokens", { type: "map(string)", sensitive: true });
        return SasToken.fromValue(
          Token.asString(Fn.lookupNested(tokens.value, ["payments-export"])),
          1,
        );
      },
      '${var.tokens["payments-export"]}',
    ],
    [
      "functions of two sensitive variables",
      (s) =>
        SasToken.fromValue(
          Fn.coalesce([
            sensitiveVariable(s, "primary").stringValue,
            sensitiveVariable(s, "backup").stringValue,
          ]),
          1,
        ),
      "${coalesce(var.primary, var.backup)}",
    ],
  ])("accepts %s, without a warning", (_name, build, expression) => {
    const { valueWo, warnings } = written(build);
    expect(valueWo).toBe(expression);
    expect(warnings).toEqual([]);
  });

  it("writes unsafePlainText as escaped text, and warns that it is in cdktf.out", () => {
    const { valueWo, warnings } = written(() =>
      SasToken.unsafePlainText("sv=2022-11-02&sp=rl&sig=TESTONLY${x}", 1),
    );
    expect(valueWo).toBe("sv=2022-11-02&sp=rl&sig=TESTONLY$${x}");
    expect(warnings).toEqual([
      "[AcrTransfer-PlainTextSasToken] this SAS token was given as plain text (SasToken.unsafePlainText): it is written into cdktf.out, " +
        "so anyone who reads the synthesized JSON, its CI artifacts or the repository holds it. " +
        "Use it only in tests and throwaway stacks; pass a real token with SasToken.fromVariable " +
        "(a sensitive variable without a default). " +
        'To accept it here: TransferSuppressions.add(construct, "AcrTransfer-PlainTextSasToken", "<reason>")',
    ]);
  });
});
