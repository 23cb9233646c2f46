import { Violation } from "./violation";
import { ALL_CLOUDS, AzureCloud, cloudEndpoints, cloudOfBlobSuffix } from "./clouds";

/** The parts of a blob container URL. */
export interface ParsedContainerUrl {
  /** Storage account name. */
  readonly accountName: string;
  /** Container name. */
  readonly containerName: string;
  /** The cloud the endpoint belongs to. */
  readonly cloud: AzureCloud;
}

const CONTAINER_NAME = /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
const URL_SHAPE = /^https:\/\/([^./?#]+)\.blob\.([^/?#]+)\/([^/?#]*)$/;

const URL_RULE =
  "https://<account>.blob.<cloud suffix>/<container>, with suffix " +
  ALL_CLOUDS.map((c) => cloudEndpoints(c).blobSuffix).join(", ") +
  ", no path after the container and no query";

/** Container names: 3-63 lowercase letters, digits and single hyphens, not starting or ending with one. */
export function checkContainerName(name: string): Violation | undefined {
  if (CONTAINER_NAME.test(name)) return undefined;
  const suggestion = name
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  return {
    problem: "breaks Azure's container naming rules",
    rule: "3-63 lowercase letters, digits and single hyphens; starts and ends with a letter or digit",
    fix: CONTAINER_NAME.test(suggestion)
      ? `use "${suggestion}"`
      : "choose a name of 3 to 63 lowercase letters, digits and single hyphens",
  };
}

/** Parses `https://<account>.blob.<suffix>/<container>`; undefined when it does not fit. */
export function parseContainerUrl(url: string): ParsedContainerUrl | undefined {
  const match = URL_SHAPE.exec(url);
  if (!match) return undefined;
  const cloud = cloudOfBlobSuffix(match[2]);
  if (!cloud || !ACCOUNT_NAME.test(match[1]) || !CONTAINER_NAME.test(match[3])) return undefined;
  return { accountName: match[1], containerName: match[3], cloud };
}

/** A container URL as ACR Transfer takes it: the container itself, over HTTPS, with no SAS. */
export function checkContainerUrl(url: string): Violation | undefined {
  if (parseContainerUrl(url)) return undefined;
  if (url.includes("?")) {
    return {
      problem: "carries a query string (a SAS token must never be part of the URL)",
      rule: URL_RULE,
      fix: "drop everything from '?' on, and give the token through StorageAccess.sasToken(secret) (a Key Vault secret)",
    };
  }
  const match = URL_SHAPE.exec(url);
  if (match && match[3] === "") {
    return { problem: "names no container", rule: URL_RULE, fix: "append /<container name>" };
  }
  if (url.endsWith("/")) {
    return { problem: "ends with '/'", rule: URL_RULE, fix: "drop the trailing '/'" };
  }
  if (match && !cloudOfBlobSuffix(match[2])) {
    return {
      problem: `has the unknown blob endpoint suffix "${match[2]}"`,
      rule: URL_RULE,
      fix: "use the storage account's primary blob endpoint",
    };
  }
  if (match && !ACCOUNT_NAME.test(match[1])) {
    const lower = match[1].toLowerCase();
    return {
      problem: `has the account name "${match[1]}", which breaks Azure's rules`,
      rule: URL_RULE,
      fix: ACCOUNT_NAME.test(lower)
        ? `account names are lowercase: use "${lower}"`
        : "use the account's name as Azure shows it (3-24 lowercase letters and digits)",
    };
  }
  if (match && !CONTAINER_NAME.test(match[3])) {
    return {
      ...checkContainerName(match[3])!,
      problem: "has a container name that breaks Azure's rules",
    };
  }
  return {
    problem: "is not a blob container URL",
    rule: URL_RULE,
    fix: "use the container's URL, e.g. https://mystorage.blob.core.windows.net/transfer",
  };
}

/** The URL of a container in a cloud. */
export function containerUrl(
  accountName: string,
  containerName: string,
  cloud: AzureCloud,
): string {
  return `https://${accountName}.blob.${cloudEndpoints(cloud).blobSuffix}/${containerName}`;
}

const BLOB_NAME = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$/;
const BLOB_NAME_RULE =
  "1-1024 characters: letters, digits, '-', '_', '~' and '.', with '/' between path segments; " +
  "no segment starts with '.', none ends with '.'";

/**
 * Blob names of transfers: 1-1024 characters of the URL-safe set Azure takes without escaping
 * (letters, digits, `-`, `_`, `~`, `.`), `/` only between path segments, no segment starting or
 * ending with `.` (so no `..`). What the service accepts is wider; this is what a blob name in a
 * run body, a URL and an azcopy command line can carry unescaped and unambiguous.
 */
export function checkBlobName(name: string): Violation | undefined {
  const segmentsOk = name.split("/").every((segment) => !segment.endsWith("."));
  if (name.length <= 1024 && BLOB_NAME.test(name) && segmentsOk) return undefined;
  const cleaned = name
    .trim()
    .replace(/[^A-Za-z0-9._~/-]+/g, "-")
    .replace(/\/{2,}/g, "/")
    .replace(/^[./-]+|[./-]+$/g, "");
  return {
    problem: name.length > 1024 ? `has ${name.length} characters` : "is not a plain blob name",
    rule: BLOB_NAME_RULE,
    fix:
      cleaned && cleaned !== name
        ? `use "${cleaned.slice(0, 1024)}"`
        : 'use a plain name such as "images-2026-11"',
  };
}
