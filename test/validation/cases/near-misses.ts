import { IExportPipeline, KeyVaultAccessModel, KeyVaultRef } from "../../../lib";
import * as ids from "../../support/ids";
import { BadInputCase, exportPipeline, exportRun } from "../../support/pipelines";

/**
 * Near misses and values a reader cannot see: a message names the value as it is (invisible
 * characters as `<U+200B>`) and, where one value was likely meant, says "did you mean".
 */
export const NEAR_MISS_CASES: readonly BadInputCase[] = [
  {
    name: "api-version in another case",
    build: (s) => exportPipeline(s, { apiVersion: "2026-03-01-Preview" }),
    path: "test/Export",
    value: 'fix: did you mean "2026-03-01-preview"?',
  },
  {
    name: "api-version with a letter left out",
    build: (s) => exportPipeline(s, { apiVersion: "2025-06-01-previw" }),
    path: "test/Export",
    value: 'did you mean "2025-06-01-preview"?',
  },
  {
    name: "artifact with a zero-width space",
    build: (s) => exportRun(s, { artifacts: ["samples/hello\u200b-world:v1"] }),
    path: "test/Run",
    value: '"samples/hello<U+200B>-world:v1"',
  },
  {
    name: "pipeline name with a no-break space",
    build: (s) => exportPipeline(s, { pipelineName: "export\u00a0pipeline" }),
    path: "test/Export",
    value: '"export<U+00A0>pipeline"',
  },
  {
    name: "an enum value with a letter swapped",
    build: (s) =>
      KeyVaultRef.fromKeyVaultId(s, "Vault", ids.VAULT_ID, {
        accessModel: "Rbca" as KeyVaultAccessModel,
      }),
    path: "test/Vault",
    value: 'did you mean "Rbac" (KeyVaultAccessModel.RBAC)?',
  },
  {
    name: "untyped: an empty object as the pipeline",
    build: (s) => exportRun(s, { pipeline: {} as IExportPipeline }),
    path: "test/Run",
    value: "pipeline {} is not an export or import pipeline",
  },
];
