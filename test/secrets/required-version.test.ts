import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { KeyVaultAccessModel, SasToken, SasTokenSecret } from "../../lib";
import { synthHclParsed } from "../support/hcl";
import { testVault } from "../support/refs";

/** A stack with one write-only SAS token secret, and its own required_version when given. */
function writeOnlyStack(ownRequiredVersion?: string): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "wo");
  new AzurermProvider(stack, "Azurerm", { features: [{}] });
  if (ownRequiredVersion) stack.addOverride("terraform.required_version", ownRequiredVersion);
  const token = new TerraformVariable(stack, "token", { type: "string", sensitive: true });
  new SasTokenSecret(stack, "Secret", {
    keyVault: testVault(stack, KeyVaultAccessModel.RBAC),
    secretName: "export-sas",
    token: SasToken.fromVariable(token, 1),
  });
  return stack;
}

describe("required_version for write-only secrets", () => {
  it("declares Terraform >= 1.11 in JSON", () => {
    const json = JSON.parse(Testing.synth(writeOnlyStack()));
    expect(json.terraform.required_version).toBe(">= 1.11");
  });

  it("renders it as a valid attribute in cdktf synth --hcl", async () => {
    const hcl = Testing.synthHcl(writeOnlyStack());
    expect(hcl).toContain('required_version = ">= 1.11"');
    expect(hcl).not.toMatch(/^\s*\d+ = "required_version"$/m);
    const parsed = await synthHclParsed(writeOnlyStack());
    expect(parsed.terraform[0].required_version).toBe(">= 1.11");
  });

  it("keeps a stack's own required_version and says what it must admit", () => {
    const stack = writeOnlyStack(">= 1.12");
    expect(JSON.parse(Testing.synth(stack)).terraform.required_version).toBe(">= 1.12");
    const infos = stack.node.metadata.filter((m) => m.type === "@cdktf/info").map((m) => m.data);
    expect(infos).toEqual([
      'this stack sets required_version ">= 1.12"; write-only secrets (value_wo) need it, so it must admit only Terraform >= 1.11',
    ]);
  });

  it("leaves stacks without write-only secrets alone", () => {
    const stack = new TerraformStack(Testing.app(), "plain");
    new AzurermProvider(stack, "Azurerm", { features: [{}] });
    testVault(stack);
    expect(JSON.parse(Testing.synth(stack)).terraform.required_version).toBeUndefined();
  });
});
