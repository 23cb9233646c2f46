import { RegistryRef } from "../../../lib";
import * as ids from "../../support/ids";
import { BadInputCase, exportPipeline, exportRun, importRun } from "../../support/pipelines";

/** Tight formats for the free-text inputs that reach run bodies and command lines. */
export const FORMAT_CASES: readonly BadInputCase[] = [
  {
    name: "blob name carrying a Terraform template",
    build: (s) => exportRun(s, { blobName: 'x${file("/etc/hostname")}' }),
    path: "test/Run",
    value: 'blobName "x${file(\\"/etc/hostname\\")}"',
  },
  {
    name: "blob name with a space and a quote",
    build: (s) => exportRun(s, { blobName: "images 2026'11" }),
    path: "test/Run",
    value: 'use "images-2026-11"',
  },
  {
    name: "blob name climbing out with ..",
    build: (s) => importRun(s, { blobName: "images/../secrets" }),
    path: "test/Run",
    value: "images/../secrets",
  },
  {
    name: "blob name longer than 1024",
    build: (s) => exportRun(s, { blobName: "b".repeat(1025) }),
    path: "test/Run",
    value: "has 1025 characters",
  },
  {
    name: "rerun token with a space",
    build: (s) => exportRun(s, { rerunToken: "build 12" }),
    path: "test/Run",
    value: 'rerunToken "build 12"',
  },
  {
    name: "rerun token with a newline",
    build: (s) => importRun(s, { rerunToken: "12\nevil = true" }),
    path: "test/Run",
    value: "holds spaces, control characters",
  },
  {
    name: "rerun token longer than 64",
    build: (s) => exportRun(s, { rerunToken: "r".repeat(65) }),
    path: "test/Run",
    value: "has 65 characters",
  },
  {
    name: "location as a display name",
    build: (s) => exportPipeline(s, { location: "East US" }),
    path: "test/Export",
    value: 'use "eastus"',
  },
  {
    name: "location carrying a template",
    build: (s) =>
      exportPipeline(s, {
        registry: RegistryRef.fromRegistryId(s, "Registry", ids.REGISTRY_ID),
        location: "eastus${var.x}",
      }),
    path: "test/Export",
    value: 'location "eastus${var.x}"',
  },
  {
    name: "catalog digest without sha256:",
    build: (s) => importRun(s, { catalogDigest: "0".repeat(64) }),
    path: "test/Run",
    value: `use "sha256:${"0".repeat(64)}"`,
  },
  {
    name: "catalog digest in uppercase hex",
    build: (s) => importRun(s, { catalogDigest: `sha256:${"AB".repeat(32)}` }),
    path: "test/Run",
    value: `use "sha256:${"ab".repeat(32)}"`,
  },
];
