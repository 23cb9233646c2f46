// jsii cannot export constants or functions, so every public constant and function lives on a
// class (its static home), the one name users see. lib/ itself uses internal constants; the homes
// must say what those say.
import { describe, expect, it } from "vitest";
import * as lib from "../lib";
import {
  DEFAULT_TRANSFER_API_VERSION,
  STORAGE_ACCESS_MODE_API_VERSION,
  TRANSFER_API_VERSIONS,
} from "../lib/arm/api-versions";
import { MAX_ARTIFACTS_PER_RUN } from "../lib/arm/artifacts";
import {
  EXPORT_PIPELINE_TYPE,
  IMPORT_PIPELINE_TYPE,
  PIPELINE_RUN_TYPE,
} from "../lib/arm/resource-types";
import {
  KEY_VAULT_SECRETS_USER,
  NO_BLOB_DELETE_CONDITION,
  SECRET_READ_PERMISSIONS,
  STORAGE_BLOB_DATA_CONTRIBUTOR,
  STORAGE_BLOB_DATA_READER,
} from "../lib/arm/roles";
import {
  AZAPI_PROVIDER_SOURCE,
  AZAPI_PROVIDER_VERSION_CONSTRAINT,
} from "../lib/azapi/provider-metadata";
import { DEFAULT_MAX_CONCURRENT_RUNS } from "../lib/batches/transfer-batch";
import { AUTHORIZATION_RETRY_PATTERNS, DEFAULT_RUN_TIMEOUT } from "../lib/runs/run-outputs";
import { describeValue } from "../lib/validation/error";

const CONSTANTS: [string, unknown, unknown][] = [
  ["TransferApiVersions.ALL", lib.TransferApiVersions.ALL, TRANSFER_API_VERSIONS],
  ["TransferApiVersions.DEFAULT", lib.TransferApiVersions.DEFAULT, DEFAULT_TRANSFER_API_VERSION],
  [
    "TransferApiVersions.STORAGE_ACCESS_MODE",
    lib.TransferApiVersions.STORAGE_ACCESS_MODE,
    STORAGE_ACCESS_MODE_API_VERSION,
  ],
  [
    "TransferLimits.MAX_ARTIFACTS_PER_RUN",
    lib.TransferLimits.MAX_ARTIFACTS_PER_RUN,
    MAX_ARTIFACTS_PER_RUN,
  ],
  [
    "TransferResourceTypes.EXPORT_PIPELINE",
    lib.TransferResourceTypes.EXPORT_PIPELINE,
    EXPORT_PIPELINE_TYPE,
  ],
  [
    "TransferResourceTypes.IMPORT_PIPELINE",
    lib.TransferResourceTypes.IMPORT_PIPELINE,
    IMPORT_PIPELINE_TYPE,
  ],
  ["TransferResourceTypes.PIPELINE_RUN", lib.TransferResourceTypes.PIPELINE_RUN, PIPELINE_RUN_TYPE],
  [
    "TransferAccess.KEY_VAULT_SECRETS_USER",
    lib.TransferAccess.KEY_VAULT_SECRETS_USER,
    KEY_VAULT_SECRETS_USER,
  ],
  [
    "TransferAccess.STORAGE_BLOB_DATA_CONTRIBUTOR",
    lib.TransferAccess.STORAGE_BLOB_DATA_CONTRIBUTOR,
    STORAGE_BLOB_DATA_CONTRIBUTOR,
  ],
  [
    "TransferAccess.STORAGE_BLOB_DATA_READER",
    lib.TransferAccess.STORAGE_BLOB_DATA_READER,
    STORAGE_BLOB_DATA_READER,
  ],
  [
    "TransferAccess.NO_BLOB_DELETE_CONDITION",
    lib.TransferAccess.NO_BLOB_DELETE_CONDITION,
    NO_BLOB_DELETE_CONDITION,
  ],
  [
    "TransferAccess.SECRET_READ_PERMISSIONS",
    lib.TransferAccess.SECRET_READ_PERMISSIONS,
    SECRET_READ_PERMISSIONS,
  ],
  ["AzapiProvider.SOURCE", lib.AzapiProvider.SOURCE, AZAPI_PROVIDER_SOURCE],
  [
    "AzapiProvider.VERSION_CONSTRAINT",
    lib.AzapiProvider.VERSION_CONSTRAINT,
    AZAPI_PROVIDER_VERSION_CONSTRAINT,
  ],
  [
    "TransferBatchDefaults.MAX_CONCURRENT_RUNS",
    lib.TransferBatchDefaults.MAX_CONCURRENT_RUNS,
    DEFAULT_MAX_CONCURRENT_RUNS,
  ],
  ["TransferRunDefaults.TIMEOUT", lib.TransferRunDefaults.TIMEOUT, DEFAULT_RUN_TIMEOUT],
  [
    "TransferRunDefaults.AUTHORIZATION_RETRY_PATTERNS",
    lib.TransferRunDefaults.AUTHORIZATION_RETRY_PATTERNS,
    AUTHORIZATION_RETRY_PATTERNS,
  ],
];

describe("static homes of the public constants and functions", () => {
  it.each(CONSTANTS)("%s is the internal constant's value", (_, home, constant) => {
    expect(home).toEqual(constant);
  });

  it("ValidationMessages.describeValue is describeValue", () => {
    const value = "https://a.blob.core.windows.net/c?sv=1&sig=secret";
    expect(lib.ValidationMessages.describeValue(value)).toBe(describeValue(value));
  });

  it("gives run defaults literally: a two-hour wait, retries on grant propagation only", () => {
    expect(lib.TransferRunDefaults.TIMEOUT).toBe("2h");
    expect(lib.TransferRunDefaults.AUTHORIZATION_RETRY_PATTERNS).toEqual([
      "AuthorizationPermissionMismatch",
      "ForbiddenByRbac",
      "does not have secrets get permission",
    ]);
  });

  it("hands out copies of lists: changing one changes no retry pattern", () => {
    lib.TransferRunDefaults.AUTHORIZATION_RETRY_PATTERNS.push("AuthenticationFailed");
    try {
      expect(AUTHORIZATION_RETRY_PATTERNS).not.toContain("AuthenticationFailed");
    } finally {
      lib.TransferRunDefaults.AUTHORIZATION_RETRY_PATTERNS.pop();
    }
  });
});
