import { ExportOption, StorageAccess } from "../../../lib";
import {
  BadInputCase,
  exportPipeline,
  exportRun,
  importPipeline,
  importRun,
} from "../../support/pipelines";

/**
 * Props that TypeScript would refuse but JavaScript callers, jsii languages and configs read
 * from JSON can still pass: a missing required prop, a scalar where a list belongs, a number
 * where a string belongs. They must fail like any other bad input, never as a TypeError.
 */

/** A value of the wrong type, as an untyped caller passes it. */
function untyped<T>(value: unknown): T {
  return value as T;
}

/** Wrong types and missing required props. */
export const UNTYPED_CASES: readonly BadInputCase[] = [
  {
    name: "untyped: pipeline without a name",
    build: (s) => exportPipeline(s, { pipelineName: untyped<string>(undefined) }),
    path: "test/Export",
    value: "pipelineName is missing",
  },
  {
    name: "untyped: pipeline name given as a number",
    build: (s) => importPipeline(s, { pipelineName: untyped<string>(20261126) }),
    path: "test/Import",
    value: "20261126",
  },
  {
    name: "untyped: pipeline without storage access",
    build: (s) => exportPipeline(s, { storageAccess: untyped<StorageAccess>(undefined) }),
    path: "test/Export",
    value: "storageAccess is missing",
  },
  {
    name: "untyped: one option given as a string, not a list",
    build: (s) => exportPipeline(s, { options: untyped<ExportOption[]>("OverwriteBlobs") }),
    path: "test/Export",
    value: "OverwriteBlobs",
  },
  {
    name: "untyped: empty location",
    build: (s) => importPipeline(s, { location: "" }),
    path: "test/Import",
    value: 'location ""',
  },
  {
    name: "untyped: run without a name",
    build: (s) => exportRun(s, { runName: untyped<string>(undefined) }),
    path: "test/Run",
    value: "runName is missing",
  },
  {
    name: "untyped: import run without a blob name",
    build: (s) => importRun(s, { blobName: untyped<string>(undefined) }),
    path: "test/Run",
    value: "blobName is missing",
  },
  {
    name: "untyped: export run without artifacts",
    build: (s) => exportRun(s, { artifacts: untyped<string[]>(undefined) }),
    path: "test/Run",
    value: "artifacts is missing",
  },
  {
    name: "untyped: one artifact given as a string, not a list",
    build: (s) => exportRun(s, { artifacts: untyped<string[]>("samples/hello-world:v1") }),
    path: "test/Run",
    value: "samples/hello-world:v1",
  },
  {
    name: "untyped: artifact given as a number",
    build: (s) => exportRun(s, { artifacts: untyped<string[]>([42]) }),
    path: "test/Run",
    value: "42",
  },
  {
    name: "untyped: rerun token given as a number",
    build: (s) => exportRun(s, { rerunToken: untyped<string>(20261126) }),
    path: "test/Run",
    value: "20261126",
  },
];
