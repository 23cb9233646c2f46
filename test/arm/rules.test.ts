import { describe, expect, it } from "vitest";
import {
  AzureCloud,
  TRANSFER_API_VERSIONS,
  checkArtifacts,
  checkContainerName,
  checkContainerUrl,
  checkTimeout,
  checkTransferName,
  cloudOfLocation,
  deletesSourceBlobs,
  storageRoleFor,
  containerUrl,
  isArtifactReference,
  parseContainerUrl,
  parseSecretUri,
  secretUri,
  supportsStorageAccessMode,
} from "../../lib/arm";
import { ImportOption, TransferSide } from "../../lib";
import { storageRoleFinding } from "../../lib/pipelines/prop-rules";

describe("api-versions", () => {
  it("lists the 18 preview versions that have ACR Transfer, oldest first", () => {
    expect(TRANSFER_API_VERSIONS).toHaveLength(18);
    expect(TRANSFER_API_VERSIONS).toContain("2025-12-01-preview");
    expect(TRANSFER_API_VERSIONS[0]).toBe("2019-12-01-preview");
    expect(TRANSFER_API_VERSIONS.at(-2)).toBe("2026-03-01-preview");
    expect(TRANSFER_API_VERSIONS.at(-1)).toBe("2026-09-01-preview");
    expect([...TRANSFER_API_VERSIONS].sort()).toEqual(TRANSFER_API_VERSIONS);
    expect(TRANSFER_API_VERSIONS.every((v) => v.endsWith("-preview"))).toBe(true);
  });

  it("knows storageAccessMode from 2025-06-01-preview on", () => {
    expect(supportsStorageAccessMode("2025-05-01-preview")).toBe(false);
    expect(supportsStorageAccessMode("2025-06-01-preview")).toBe(true);
    expect(supportsStorageAccessMode("2026-03-01-preview")).toBe(true);
    expect(supportsStorageAccessMode("2026-09-01-preview")).toBe(true);
  });
});

describe("names", () => {
  it.each(["myExportPipeline", "abcde", "a".repeat(50), "Run2026"])("accepts %s", (name) => {
    expect(checkTransferName(name)).toBeUndefined();
  });

  it.each([
    ["export-to-gov", 'use "exporttogov" instead'],
    ["abcd", "choose a name of 5 to 50 letters and digits"],
    ["a".repeat(51), `use "${"a".repeat(50)}" instead`],
  ])("refuses %s", (name, fix) => {
    expect(checkTransferName(name)?.fix).toBe(fix);
  });
});

describe("storage URLs", () => {
  it.each([
    [AzureCloud.PUBLIC, "https://sa1.blob.core.windows.net/transfer"],
    [AzureCloud.US_GOVERNMENT, "https://sa1.blob.core.usgovcloudapi.net/transfer"],
    [AzureCloud.CHINA, "https://sa1.blob.core.chinacloudapi.cn/transfer"],
  ])("parses a %s container URL and builds it back", (cloud, url) => {
    expect(parseContainerUrl(url)).toEqual({
      accountName: "sa1",
      containerName: "transfer",
      cloud,
    });
    expect(containerUrl("sa1", "transfer", cloud)).toBe(url);
    expect(checkContainerUrl(url)).toBeUndefined();
  });

  it("suggests a valid container name", () => {
    expect(checkContainerName("Transfer_Blobs")?.fix).toBe('use "transfer-blobs"');
    expect(checkContainerName("a--b")?.fix).toBe('use "a-b"');
  });
});

describe("Key Vault secret URIs", () => {
  it("parses versionless and versioned URIs in every cloud", () => {
    const version = "0123456789abcdef0123456789abcdef";
    expect(parseSecretUri(`https://myvault.vault.azure.net/secrets/sas/${version}`)).toEqual({
      vaultName: "myvault",
      secretName: "sas",
      version,
      cloud: AzureCloud.PUBLIC,
    });
    expect(parseSecretUri("https://myvault.vault.usgovcloudapi.net/secrets/sas")?.cloud).toBe(
      AzureCloud.US_GOVERNMENT,
    );
    expect(secretUri("myvault", "sas", AzureCloud.CHINA)).toBe(
      "https://myvault.vault.azure.cn/secrets/sas",
    );
  });
});

describe("artifacts", () => {
  it.each([
    "hello-world",
    "samples/hello-world:v1",
    "a/b/c:1.0.0-rc_1",
    `samples/nginx@sha256:${"ab".repeat(32)}`,
  ])("accepts %s", (artifact) => {
    expect(isArtifactReference(artifact)).toBe(true);
  });

  it("accepts exactly 50 and refuses 51", () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `repo${i}:v1`);
    expect(checkArtifacts(list(50))).toBeUndefined();
    expect(checkArtifacts(list(51))?.fix).toBe("split them over 2 runs");
  });

  it("tells how to fix a host-qualified reference", () => {
    expect(checkArtifacts(["myacr.azurecr.io/samples/nginx:v1"])?.fix).toBe(
      'drop the registry host: "samples/nginx:v1"',
    );
  });
});

describe("locations and timeouts", () => {
  it("maps sovereign locations to their cloud", () => {
    expect(cloudOfLocation("usgovvirginia")).toBe(AzureCloud.US_GOVERNMENT);
    expect(cloudOfLocation("China North 3")).toBe(AzureCloud.CHINA);
    expect(cloudOfLocation("westeurope")).toBe(AzureCloud.PUBLIC);
  });

  it("takes Go durations and refuses zero", () => {
    expect(checkTimeout("1h30m")).toBeUndefined();
    expect(checkTimeout("0h")).toBeDefined();
    expect(checkTimeout("2 hours")).toBeDefined();
  });
});

describe("storage roles in managed-identity mode", () => {
  const finding = (
    roleName: string,
    side: TransferSide,
    needsDelete = false,
    customRoleReason?: string,
  ) => storageRoleFinding({ roleName, side, needsDelete, customRoleReason })?.violation.problem;

  it("passes the roles that can do the side's job, and roles it does not know given a reason", () => {
    expect(finding("Storage Blob Data Owner", TransferSide.EXPORT)).toBeUndefined();
    expect(finding("storage blob data contributor", TransferSide.IMPORT, true)).toBeUndefined();
    expect(finding("Storage Blob Data Reader", TransferSide.IMPORT)).toBeUndefined();
    expect(
      finding("Transfer Blob Writer (custom)", TransferSide.EXPORT, false, "ours"),
    ).toBeUndefined();
    expect(finding("Transfer Blob Writer (custom)", TransferSide.EXPORT)).toBe(
      "is not a Storage Blob Data role the library knows",
    );
  });

  it("refuses read-only roles where blobs are written or deleted, and roles without data access", () => {
    expect(finding("Storage Blob Data Reader", TransferSide.EXPORT)).toBe("only reads blob data");
    expect(finding("Storage Blob Data Reader", TransferSide.IMPORT, true)).toBe(
      "only reads blob data",
    );
    expect(finding("Owner", TransferSide.IMPORT)).toBe("grants no access to blob data");
  });
});

describe("the storage role per side", () => {
  it("is Contributor for export and for an import that deletes its blobs, else Reader", () => {
    expect(storageRoleFor(TransferSide.EXPORT, false)).toBe("Storage Blob Data Contributor");
    expect(storageRoleFor(TransferSide.IMPORT, true)).toBe("Storage Blob Data Contributor");
    expect(storageRoleFor(TransferSide.IMPORT, false)).toBe("Storage Blob Data Reader");
  });

  it("deletes source blobs only on the import side, with DeleteSourceBlobOnSuccess", () => {
    const deletes = ["DeleteSourceBlobOnSuccess"];
    expect(deletesSourceBlobs(TransferSide.IMPORT, deletes)).toBe(true);
    expect(deletesSourceBlobs(TransferSide.EXPORT, deletes)).toBe(false);
    expect(deletesSourceBlobs(TransferSide.IMPORT, [ImportOption.OVERWRITE_TAGS])).toBe(false);
  });
});
