import { Violation } from "./violation";

const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;

/** A catalog digest: `sha256:` and 64 lowercase hex digits, as an export run reports it. */
export function checkCatalogDigest(digest: string): Violation | undefined {
  if (SHA256_DIGEST.test(digest)) return undefined;
  const lower = digest.trim().toLowerCase();
  const candidate = /^[a-f0-9]{64}$/.test(lower) ? `sha256:${lower}` : lower;
  return {
    problem: digest.trim() === "" ? "is empty" : "is not a sha256 digest",
    rule: "sha256: followed by 64 lowercase hex digits, the digest of the exported tar",
    fix: SHA256_DIGEST.test(candidate)
      ? `use "${candidate}"`
      : "leave catalogDigest unset, or pass the export run's catalogDigest",
  };
}
