import { readFileSync } from "node:fs";
import { Finding } from "../validation/finding";
import { ArtifactEntry } from "./artifact-entries";

/** What reading a list gave: its entries, or why it could not be read. */
export interface ArtifactListContent {
  /** The entries, in list order. */
  readonly entries: readonly ArtifactEntry[];
  /**
   * Why the list could not be read; entries is then empty.
   * @default none: the list was read
   */
  readonly finding?: Finding;
}

/**
 * The artifact references of a batched transfer: a list in code, or a text file read at synth
 * time (one reference per line; `#` starts a comment; blank lines are skipped). Errors name the
 * entry's position in the list, or the file and line.
 */
export class ArtifactList {
  /** References given in code; errors name their index (`artifacts[3]`). */
  public static fromList(artifacts: string[]): ArtifactList {
    return new ArtifactList(undefined, () => ({
      entries: (Array.isArray(artifacts) ? artifacts : []).map((artifact, index) => ({
        artifact,
        origin: `artifacts[${index}]`,
      })),
      finding: Array.isArray(artifacts) ? undefined : notAList(artifacts),
    }));
  }

  /**
   * References in a text file, read when a construct first uses the list. A relative path is
   * resolved against the working directory of the synth (`cdktf synth` runs the app from the
   * project root); pass an absolute one (e.g. `path.join(__dirname, "images.txt")`) to be safe.
   */
  public static fromFile(path: string): ArtifactList {
    return new ArtifactList(path, () => readArtifactFile(path));
  }

  /**
   * The file the references are read from.
   * @default none: a list given in code
   */
  public readonly filePath?: string;
  private readonly read: () => ArtifactListContent;
  private content?: ArtifactListContent;

  private constructor(filePath: string | undefined, read: () => ArtifactListContent) {
    this.filePath = filePath;
    this.read = read;
  }

  /**
   * The entries, read once and kept.
   * @internal
   */
  public _read(): ArtifactListContent {
    this.content ??= this.read();
    return this.content;
  }
}

function notAList(value: unknown): Finding {
  return {
    subject: "artifacts",
    value,
    violation: {
      problem: "is not a list",
      rule: "ArtifactList.fromList takes a list of artifact references",
      fix: 'pass a list, e.g. ArtifactList.fromList(["samples/hello-world:v1"])',
    },
  };
}

/** Reads one reference per line; `#` starts a comment; blank lines are skipped. */
function readArtifactFile(path: string): ArtifactListContent {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    return {
      entries: [],
      finding: {
        subject: "artifacts",
        value: path,
        violation: {
          problem: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
          rule: "ArtifactList.fromFile reads a text file at synth time, one reference per line",
          fix: "check the path; a relative one is resolved against the working directory of the synth",
        },
      },
    };
  }
  const entries: ArtifactEntry[] = [];
  // A byte order mark (editors on Windows write one) is not part of the first reference.
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((line, index) => {
      const artifact = line.replace(/#.*$/, "").trim();
      if (artifact) entries.push({ artifact, origin: `${path} line ${index + 1}` });
    });
  if (entries.length > 0) return { entries };
  return {
    entries,
    finding: {
      subject: "artifacts",
      value: path,
      violation: {
        problem: text.trim() ? "holds only comments and blank lines" : "is empty",
        rule: "a batched transfer moves at least one artifact; the file lists one reference per line, # starts a comment",
        fix: "list the images to transfer in the file, one per line, e.g. samples/hello-world:v1",
      },
    },
  };
}
