import { TransferContainer } from "../../../lib";
import * as ids from "../../support/ids";
import {
  BadInputCase,
  exportPipeline,
  exportRun,
  importRun,
  ownedContainer,
} from "../../support/pipelines";

/** Container URLs and names, artifacts, blob names and catalog digests. */

function badUrl(name: string, url: string, hidden?: string): BadInputCase {
  return {
    name,
    build: (s) => exportPipeline(s, { container: TransferContainer.fromUrl(s, "Container", url) }),
    path: "test/Container",
    value: hidden ? url.slice(0, url.indexOf("?")) : url,
    hidden,
  };
}

function badContainerName(name: string, containerName: string): BadInputCase {
  return {
    name,
    build: (s) => ownedContainer(s, containerName),
    path: "test/Container",
    value: JSON.stringify(containerName),
  };
}

function badArtifacts(name: string, artifacts: string[], value: string): BadInputCase {
  return { name, build: (s) => exportRun(s, { artifacts }), path: "test/Run", value };
}

const MANY_ARTIFACTS = Array.from({ length: 51 }, (_, i) => `samples/image${i}:v1`);

/** Storage container URLs: `https://<account>.blob.<suffix>/<container>`, nothing more. */
export const CONTAINER_URL_CASES: readonly BadInputCase[] = [
  badUrl("container URL over http", "http://accountname.blob.core.windows.net/containername"),
  badUrl(
    "container URL carrying a SAS query",
    `${ids.CONTAINER_URL}?sv=2022-11-02&sp=racwl&sig=c2VjcmV0LXNpZ25hdHVyZQ%3D`,
    "sig=c2VjcmV0LXNpZ25hdHVyZQ",
  ),
  badUrl("container URL with a trailing slash", `${ids.CONTAINER_URL}/`),
  badUrl(
    "container URL with an uppercase account",
    "https://AccountName.blob.core.windows.net/containername",
  ),
  badUrl(
    "container URL with an underscore in the container",
    "https://accountname.blob.core.windows.net/transfer_blobs",
  ),
  badUrl("container URL naming no container", "https://accountname.blob.core.windows.net/"),
  badUrl(
    "container URL with an unknown cloud suffix",
    "https://accountname.blob.core.windows.com/containername",
  ),
  badUrl(
    "container URL with a blob path after the container",
    `${ids.CONTAINER_URL}/images/blob.tar`,
  ),
  badUrl(
    "file share URL instead of a blob container",
    "https://accountname.file.core.windows.net/containername",
  ),
];

/** Names of new containers: 3-63 lowercase letters, digits and single hyphens. */
export const CONTAINER_NAME_CASES: readonly BadInputCase[] = [
  badContainerName("container name with uppercase and an underscore", "Transfer_Container"),
  badContainerName("container name shorter than 3", "ab"),
  badContainerName("container name longer than 63", "t".repeat(64)),
  badContainerName("container name with two hyphens in a row", "transfer--blobs"),
  badContainerName("container name starting with a hyphen", "-transfer"),
  badContainerName("container name ending with a hyphen", "transfer-"),
];

/** Artifacts, blob names and digests of runs. */
export const RUN_INPUT_CASES: readonly BadInputCase[] = [
  badArtifacts("no artifacts", [], "[]"),
  badArtifacts(
    "the same artifact twice",
    ["samples/hello-world:v1", "samples/nginx:v1", "samples/hello-world:v1"],
    "samples/hello-world:v1",
  ),
  badArtifacts(
    "artifact with an uppercase repository",
    ["Samples/Hello-World:v1"],
    "Samples/Hello-World:v1",
  ),
  badArtifacts(
    "artifact with a short digest",
    ["samples/hello@sha256:abc123"],
    "samples/hello@sha256:abc123",
  ),
  badArtifacts(
    "artifact with the registry host",
    ["myregistry.azurecr.io/samples/hello:v1"],
    "myregistry.azurecr.io/samples/hello:v1",
  ),
  badArtifacts("artifact with an empty tag", ["samples/hello:"], "samples/hello:"),
  badArtifacts("51 artifacts in one run", MANY_ARTIFACTS, "samples/image0:v1"),
  {
    name: "empty export blob name",
    build: (s) => exportRun(s, { blobName: "" }),
    path: "test/Run",
    value: 'blobName ""',
  },
  {
    name: "import blob name ending with a slash",
    build: (s) => importRun(s, { blobName: "images/" }),
    path: "test/Run",
    value: "images/",
  },
  {
    name: "blank catalog digest",
    build: (s) => importRun(s, { catalogDigest: "  " }),
    path: "test/Run",
    value: 'catalogDigest "  "',
  },
];
