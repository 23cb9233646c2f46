// jsii cannot export constants or functions, so each public one also has a static home on a class
// for Python, Java, C# and Go. The homes must say what the TypeScript exports say.
import { describe, expect, it } from "vitest";
import * as lib from "../lib";

const CONSTANTS: [string, unknown, unknown][] = [
  ["TransferApiVersions.ALL", lib.TransferApiVersions.ALL, lib.TRANSFER_API_VERSIONS],
  [
    "TransferApiVersions.DEFAULT",
    lib.TransferApiVersions.DEFAULT,
    lib.DEFAULT_TRANSFER_API_VERSION,
  ],
  [
    "TransferApiVersions.STORAGE_ACCESS_MODE",
    lib.TransferApiVersions.STORAGE_ACCESS_MODE,
    lib.STORAGE_ACCESS_MODE_API_VERSION,
  ],
  [
    "TransferLimits.MAX_ARTIFACTS_PER_RUN",
    lib.TransferLimits.MAX_ARTIFACTS_PER_RUN,
    lib.MAX_ARTIFACTS_PER_RUN,
  ],
  [
    "TransferResourceTypes.EXPORT_PIPELINE",
    lib.TransferResourceTypes.EXPORT_PIPELINE,
    lib.EXPORT_PIPELINE_TYPE,
  ],
  [
    "TransferResourceTypes.IMPORT_PIPELINE",
    lib.TransferResourceTypes.IMPORT_PIPELINE,
    lib.IMPORT_PIPELINE_TYPE,
  ],
  [
    "TransferResourceTypes.PIPELINE_RUN",
    lib.TransferResourceTypes.PIPELINE_RUN,
    lib.PIPELINE_RUN_TYPE,
  ],
  [
    "TransferAccess.KEY_VAULT_SECRETS_USER",
    lib.TransferAccess.KEY_VAULT_SECRETS_USER,
    lib.KEY_VAULT_SECRETS_USER,
  ],
  [
    "TransferAccess.STORAGE_BLOB_DATA_CONTRIBUTOR",
    lib.TransferAccess.STORAGE_BLOB_DATA_CONTRIBUTOR,
    lib.STORAGE_BLOB_DATA_CONTRIBUTOR,
  ],
  [
    "TransferAccess.STORAGE_BLOB_DATA_READER",
    lib.TransferAccess.STORAGE_BLOB_DATA_READER,
    lib.STORAGE_BLOB_DATA_READER,
  ],
  [
    "TransferAccess.SECRET_READ_PERMISSIONS",
    lib.TransferAccess.SECRET_READ_PERMISSIONS,
    lib.SECRET_READ_PERMISSIONS,
  ],
  ["AzapiProvider.SOURCE", lib.AzapiProvider.SOURCE, lib.AZAPI_PROVIDER_SOURCE],
  [
    "TransferBatchDefaults.MAX_CONCURRENT_RUNS",
    lib.TransferBatchDefaults.MAX_CONCURRENT_RUNS,
    lib.DEFAULT_MAX_CONCURRENT_RUNS,
  ],
  [
    "AzapiProvider.VERSION_CONSTRAINT",
    lib.AzapiProvider.VERSION_CONSTRAINT,
    lib.AZAPI_PROVIDER_VERSION_CONSTRAINT,
  ],
];

describe("static homes of the public constants and functions", () => {
  it.each(CONSTANTS)("%s is the constant's value", (_, home, constant) => {
    expect(home).toEqual(constant);
  });

  it("ValidationMessages.describeValue is describeValue", () => {
    const value = "https://a.blob.core.windows.net/c?sv=1&sig=secret";
    expect(lib.ValidationMessages.describeValue(value)).toBe(lib.describeValue(value));
  });
});
