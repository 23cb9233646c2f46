import { describe, expect, it } from "vitest";
import { TransferValidationError, ValidationMessages } from "../../lib";
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

describe("redactSecrets: every encoding of every secret shape", () => {
  const SIGNATURE = "AbC%2Bd%2Fe123%3D";
  it.each([
    ["plain SAS query", `?sv=2022-11-02&sp=rl&sig=${SIGNATURE}&se=x`, "&sig=<redacted>&se=x"],
    ["URL-encoded query", `sv%3D1%26sig%3D${SIGNATURE}%26se%3D2`, "%26sig%3D<redacted>%26se"],
    ["URL-encoded twice", `sv%253D1%2526sig%253DAbC%252Bd%26x`, "%2526sig%253D<redacted>%26x"],
    [
      "HTML-encoded query",
      "sv=1&amp;sig=AbC&#43;d&#x2F;e&amp;se=2",
      "&amp;sig=<redacted>&amp;se=2",
    ],
    ["HTML numeric entities", "sv&#61;1&#38;sig&#61;AbCd&#38;se", "&#38;sig&#61;<redacted>&#38;se"],
    [
      "JSON-escaped query",
      "sv\\u003d1\\u0026sig\\u003dAbC\\u002bd\\u0026se",
      "\\u0026sig\\u003d<redacted>\\u0026se",
    ],
    ["Markdown-escaped query", "sv\\=1&sig\\=AbC\\+d\\_e&se", "&sig\\=<redacted>&se"],
    ["signature first", "sig=AbCd&sv=1", "sig=<redacted>&sv=1"],
    ["a signature in upper case", "SIG=AbCd", "SIG=<redacted>"],
    [
      "account key",
      "AccountName=a;AccountKey=AbC+d/e==;EndpointSuffix=x",
      "AccountKey=<redacted>;EndpointSuffix=x",
    ],
    [
      "shared access key",
      "SharedAccessKeyName=k;SharedAccessKey=AbCd",
      "SharedAccessKey=<redacted>",
    ],
    [
      "shared access signature",
      "SharedAccessSignature=sv=1&sig=AbCd;Blob",
      "SharedAccessSignature=<redacted>&sig=<redacted>;Blob",
    ],
    ["password of a connection string", "Server=x;Password=AbCd;", "Password=<redacted>;"],
  ])("%s", (_name, text, expected) => {
    const redacted = ValidationMessages.redactSecrets(text);
    expect(redacted).toContain(expected);
    expect(redacted).not.toMatch(/AbC/);
  });

  it("leaves text without secrets alone, and a redacted text as it is", () => {
    for (const text of [
      "signature=x",
      "config=1",
      "design=2",
      "sig=",
      "msig=AbCd",
      "sig=<redacted>",
    ]) {
      expect(ValidationMessages.redactSecrets(text)).toBe(text);
    }
    const once = ValidationMessages.redactSecrets("a?sv=1&sig=AbCd");
    expect(ValidationMessages.redactSecrets(once)).toBe(once);
  });
});

describe("redaction of values of any type", () => {
  it("shows an object holding a token without its signature", () => {
    const value = { token: { nested: ["x", "sv=1&sig=S3CR3T"] }, "sig=KEYS3CR3T": 1 };
    const error = new TransferValidationError("stack/Secret", "token", value, VIOLATION);
    expect(error.message).not.toContain("S3CR3T");
    expect(JSON.stringify(error.value)).not.toContain("S3CR3T");
    expect(describeValue(value)).not.toContain("S3CR3T");
  });

  it("redacts the whole message: problem, rule and fix included", () => {
    const error = new TransferValidationError("stack/Thing", "value", "plain", {
      problem: "is wrong near sig=S3CR3T",
      rule: "a rule with AccountKey=S3CR3T",
      fix: "use ?sv=1&sig=S3CR3T",
    });
    expect(error.message).not.toContain("S3CR3T");
    expect(error.rule).not.toContain("S3CR3T");
    expect(error.fix).not.toContain("S3CR3T");
  });

  it("derives no problem and no fix from a value that held a secret", () => {
    const error = new TransferValidationError(
      "stack/Container",
      "containerName",
      "sv=1&sig=S3CR3T",
      {
        problem: "has characters a container name cannot have",
        rule: "3-63 lowercase letters, digits and hyphens",
        fix: 'write "sv-1-sig-s3cr3t"',
      },
    );
    expect(error.message).toBe(
      'stack/Container: containerName "sv=1&sig=<redacted>" holds a secret (a SAS signature or a storage key), which is never shown. ' +
        "rule: 3-63 lowercase letters, digits and hyphens. fix: take the secret out of containerName (a SAS token goes only into a SasTokenSecret), and rotate it: it may already be in a log.",
    );
    expect(error.message.toLowerCase()).not.toContain("s3cr3t");
  });
});
