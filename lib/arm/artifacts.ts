import { Violation } from "./violation";

/** Most artifacts one pipeline run may transfer. */
export const MAX_ARTIFACTS_PER_RUN = 50;

/** Limits of ACR Transfer, for every language. */
export class TransferLimits {
  /** Most artifacts one pipeline run may transfer. */
  public static readonly MAX_ARTIFACTS_PER_RUN = MAX_ARTIFACTS_PER_RUN;

  private constructor() {}
}

const REPOSITORY =
  "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*";
const TAG = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
const ARTIFACT = new RegExp(`^${REPOSITORY}(?::${TAG}|@sha256:[a-f0-9]{64})?$`);
/** A login server in front of the repository: ACR Transfer takes names within the registry. */
const REGISTRY_HOST = /^[^/]+\.azurecr\.(?:io|us|cn)\//;
const ARTIFACT_RULE =
  "each artifact is 'repository', 'repository:tag' or 'repository@sha256:<64 lowercase hex>', " +
  "repository in lowercase letters, digits, '.', '_', '-' and '/', without the registry's login server";

/** Whether one artifact reference is well formed. */
export function isArtifactReference(artifact: string): boolean {
  return ARTIFACT.test(artifact) && !REGISTRY_HOST.test(artifact);
}

/**
 * 1-50 distinct, well-formed artifact references. Elements that are only known at apply time
 * (`isUnresolved`, e.g. cdktf's `Token.isUnresolved`) count toward the limits but are not
 * checked for form or duplicates.
 */
export function checkArtifacts(
  artifacts: readonly string[],
  isUnresolved: (artifact: string) => boolean = () => false,
): Violation | undefined {
  if (artifacts.length === 0) {
    return {
      problem: "is empty",
      rule: `an export run transfers 1 to ${MAX_ARTIFACTS_PER_RUN} artifacts`,
      fix: 'list the images to export, e.g. ["samples/hello-world:v1"]',
    };
  }
  if (artifacts.length > MAX_ARTIFACTS_PER_RUN) {
    return {
      problem: `has ${artifacts.length} artifacts`,
      rule: `at most ${MAX_ARTIFACTS_PER_RUN} artifacts per pipeline run`,
      fix: `split them over ${Math.ceil(artifacts.length / MAX_ARTIFACTS_PER_RUN)} runs`,
    };
  }
  const literal = artifacts.filter((a) => !isUnresolved(a));
  const duplicate = literal.find((a, i) => literal.indexOf(a) !== i);
  if (duplicate !== undefined) {
    return {
      problem: `lists "${duplicate}" twice`,
      rule: "each artifact once",
      fix: `remove the second "${duplicate}"`,
    };
  }
  const malformed = literal.find((a) => checkArtifactReference(a) !== undefined);
  if (malformed !== undefined) {
    return {
      ...checkArtifactReference(malformed)!,
      problem: `contains the malformed reference ${JSON.stringify(malformed)}`,
    };
  }
  return undefined;
}

/** One artifact reference: `repository`, `repository:tag` or `repository@sha256:<64 hex>`. */
export function checkArtifactReference(artifact: string): Violation | undefined {
  if (typeof artifact === "string" && isArtifactReference(artifact)) return undefined;
  return { problem: "is malformed", rule: ARTIFACT_RULE, fix: artifactFix(artifact) };
}

function artifactFix(artifact: unknown): string {
  if (typeof artifact !== "string") return "write each artifact as a string";
  if (REGISTRY_HOST.test(artifact)) {
    return `drop the registry host: "${artifact.slice(artifact.indexOf("/") + 1)}"`;
  }
  const [repository] = artifact.split(/[:@]/);
  if (ARTIFACT.test(artifact.replace(repository, repository.toLowerCase()))) {
    return `repository names are lowercase: use "${artifact.replace(repository, repository.toLowerCase())}"`;
  }
  if (artifact.includes("sha256:")) {
    return "write the digest as repository@sha256: followed by 64 lowercase hex digits";
  }
  return "write it as repository, repository:tag or repository@sha256:<digest>";
}
