// Artifact list files as editors write them: a byte order mark, comments only.
import { describe, expect, it } from "vitest";
import { ArtifactList } from "../../lib";

describe("ArtifactList.fromFile", () => {
  it("reads a file that starts with a byte order mark (as Windows editors write it)", () => {
    const content = ArtifactList.fromFile("test/batches/fixtures/bom.txt")._read();
    expect(content.finding).toBeUndefined();
    expect(content.entries.map((e) => e.artifact)).toEqual(["samples/app0:v1", "samples/app1:v1"]);
  });

  it("names the file that holds only comments", () => {
    const content = ArtifactList.fromFile("test/batches/fixtures/comments-only.txt")._read();
    expect(content.entries).toEqual([]);
    expect(content.finding).toEqual({
      subject: "artifacts",
      value: "test/batches/fixtures/comments-only.txt",
      violation: {
        problem: "holds only comments and blank lines",
        rule: "a batched transfer moves at least one artifact; the file lists one reference per line, # starts a comment",
        fix: "list the images to transfer in the file, one per line, e.g. samples/hello-world:v1",
      },
    });
  });
});
