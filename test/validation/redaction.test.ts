import { describe, expect, it } from "vitest";
import { TransferValidationError } from "../../lib";
import { describeValue } from "../../lib/validation/error";

const VIOLATION = { problem: "is wrong", rule: "a rule", fix: "a fix" };

describe("redaction in messages", () => {
  it.each([
    [
      "a SAS query",
      "https://a.blob.core.windows.net/c?sv=2022-11-02&sig=S3CR3T&se=x",
      "sig=<redacted>&se",
    ],
    ["a signature first", "sig=S3CR3T&sv=1", "sig=<redacted>&sv"],
    ["an HTML-escaped query", "?sv=1&amp;sig=S3CR3T&amp;se=2", "&amp;sig=<redacted>&amp;se"],
    ["a URL-encoded query", "sv%3D1%26sig%3DS3CR3T%26se%3D2", "%26sig%3D<redacted>"],
    [
      "a storage connection string",
      "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=S3CR3T==;EndpointSuffix=core.windows.net",
      "AccountKey=<redacted>;EndpointSuffix",
    ],
    [
      "a shared access key",
      "Endpoint=sb://x/;SharedAccessKeyName=k;SharedAccessKey=S3CR3T",
      "SharedAccessKey=<redacted>",
    ],
    [
      "a shared access signature",
      "SharedAccessSignature=S3CR3T;BlobEndpoint=x",
      "SharedAccessSignature=<redacted>;",
    ],
  ])("hides %s", (_name, value, shown) => {
    const error = new TransferValidationError("stack/Thing", "value", value, VIOLATION);
    expect(error.message).not.toContain("S3CR3T");
    expect(error.message).toContain(shown);
    expect(JSON.stringify(error.value)).not.toContain("S3CR3T");
    expect(describeValue([value])).not.toContain("S3CR3T");
  });
});
