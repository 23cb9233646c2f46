import { KeyVaultAccessPolicyA } from "@cdktf/provider-azurerm/lib/key-vault-access-policy";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { GrantPrincipal, SasToken, SasTokenSecret } from "../../lib";
import { readTransferModel } from "../../lib/model/read-transfer-model";
import * as ids from "../support/ids";
import { sensitiveVariable, vault } from "../support/pipelines";
import { newStack } from "../support/new-stack";

const OBJECT_ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

describe("principal and object IDs compare without case", () => {
  it("finds a hand-written access policy whose object ID is in upper case", () => {
    const stack = newStack("test", { providers: true });
    const secret = new SasTokenSecret(stack, "Secret", {
      keyVault: vault(stack),
      secretName: "acrexportsas",
      token: SasToken.fromVariable(sensitiveVariable(stack, "sas"), 1),
    });
    secret.grantRead(GrantPrincipal.fromPrincipalId(stack, OBJECT_ID, ids.SUBSCRIPTION));
    new KeyVaultAccessPolicyA(stack, "HandWritten", {
      keyVaultId: ids.VAULT_ID.toUpperCase(),
      tenantId: ids.SUBSCRIPTION,
      objectId: OBJECT_ID.toUpperCase(),
      secretPermissions: ["Get"],
    });
    expect(() => Testing.synth(stack, true)).toThrow(
      /test\/HandWritten: object_id "3F2504E0-4F89-11D3-9A0C-0305E82C3301" already has an access policy in the same vault/,
    );
  });

  it("grants a principal once, whatever the case of its ID", () => {
    const stack = newStack("test", { providers: true });
    const secret = new SasTokenSecret(stack, "Secret", {
      keyVault: vault(stack),
      secretName: "acrexportsas",
      token: SasToken.fromVariable(sensitiveVariable(stack, "sas"), 1),
    });
    secret.grantRead(GrantPrincipal.fromPrincipalId(stack, OBJECT_ID, ids.SUBSCRIPTION));
    secret.grantRead(
      GrantPrincipal.fromPrincipalId(stack, OBJECT_ID.toUpperCase(), ids.SUBSCRIPTION),
    );
    const json = JSON.parse(Testing.synth(stack, true));
    expect(Object.keys(json.resource.azurerm_key_vault_access_policy)).toHaveLength(1);
  });

  it("ties a grant to the principal ID the model is given, in any case", () => {
    const doc = {
      resource: {
        azurerm_key_vault_access_policy: {
          upper: {
            key_vault_id: ids.VAULT_ID,
            object_id: OBJECT_ID.toUpperCase(),
            secret_permissions: ["Get"],
          },
        },
      },
    };
    const model = readTransferModel(doc, { [ids.IDENTITY_ID]: OBJECT_ID });
    const lower = readTransferModel(
      {
        resource: {
          azurerm_key_vault_access_policy: {
            lower: { ...doc.resource.azurerm_key_vault_access_policy.upper, object_id: OBJECT_ID },
          },
        },
      },
      { [ids.IDENTITY_ID]: OBJECT_ID.toUpperCase() },
    );
    expect(model.grants[0].principal).toBe(`identity:${ids.IDENTITY_ID.toLowerCase()}`);
    expect(lower.grants[0].principal).toBe(`identity:${ids.IDENTITY_ID.toLowerCase()}`);
  });
});
