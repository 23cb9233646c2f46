// Which service errors a run retries on: the patterns are Go regular expressions that azapi
// matches against the error; these ones use no syntax where Go and JavaScript differ.
import { describe, expect, it } from "vitest";
import { AUTHORIZATION_RETRY_PATTERNS } from "../../lib/runs/run-outputs";

const retried = (message: string) =>
  AUTHORIZATION_RETRY_PATTERNS.some((pattern) => new RegExp(pattern).test(message));

describe("run retry patterns", () => {
  it.each([
    [
      "Storage RBAC not propagated",
      "AuthorizationPermissionMismatch: This request is not authorized to perform this operation using this permission. RequestId:0f",
    ],
    [
      "Key Vault RBAC not propagated",
      "Operation returned an invalid status code 'Forbidden' Code: ForbiddenByRbac Message: Caller is not authorized to perform action on resource. Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'",
    ],
    [
      "Key Vault access policy not propagated",
      "The user, group or application 'appid=11111111-1111-1111-1111-111111111111;oid=2;iss=https://sts.windows.net/3/' does not have secrets get permission on key vault 'myvault;location=eastus'.",
    ],
  ])("retries: %s", (_name, message) => {
    expect(retried(message)).toBe(true);
  });

  it.each([
    [
      "an expired SAS token",
      "AuthenticationFailed: Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature. Signed expiry time [Mon, 01 Jan 2024] must be after signed start time",
    ],
    [
      "a storage firewall",
      "AuthorizationFailure: This request is not authorized to perform this operation. Status: 403 (This request is not authorized to perform this operation.)",
    ],
    [
      "the deployer's missing rights",
      "AuthorizationFailed: The client 'deployer@contoso.com' with object id '4' does not have authorization to perform action 'Microsoft.ContainerRegistry/registries/pipelineRuns/write' over scope '/subscriptions/0/...' or the scope is invalid.",
    ],
    ["a bare 403", 'unexpected status 403 (403 Forbidden) with error: Forbidden: "denied"'],
  ])("fails at once: %s", (_name, message) => {
    expect(retried(message)).toBe(false);
  });
});
