import { Violation } from "./violation";

/** Options of an export pipeline. */
export enum ExportOption {
  /** Overwrite existing blobs in the target container. */
  OVERWRITE_BLOBS = "OverwriteBlobs",
  /** Continue exporting the other artifacts when one fails. */
  CONTINUE_ON_ERRORS = "ContinueOnErrors",
}

/** Options of an import pipeline. */
export enum ImportOption {
  /** Overwrite existing tags in the target registry. */
  OVERWRITE_TAGS = "OverwriteTags",
  /** Delete the source blob after a successful import (needs delete permission on the container). */
  DELETE_SOURCE_BLOB_ON_SUCCESS = "DeleteSourceBlobOnSuccess",
  /** Continue importing the other artifacts when one fails. */
  CONTINUE_ON_ERRORS = "ContinueOnErrors",
}

/** Which side of a transfer a pipeline or run is on. */
export enum TransferSide {
  /** Export: registry to blob. */
  EXPORT = "export",
  /** Import: blob to registry. */
  IMPORT = "import",
}

const OPTIONS: Readonly<Record<TransferSide, readonly string[]>> = {
  [TransferSide.EXPORT]: Object.values(ExportOption),
  [TransferSide.IMPORT]: Object.values(ImportOption),
};

/** Options must belong to the pipeline's side and appear once each. */
export function optionsRule(
  side: TransferSide,
): (options: readonly string[]) => Violation | undefined {
  const allowed = OPTIONS[side];
  const other = side === TransferSide.EXPORT ? TransferSide.IMPORT : TransferSide.EXPORT;
  const rule = `${side} pipelines take ${allowed.join(", ")}`;
  return (options) => {
    const foreign = options.find((o) => !allowed.includes(o));
    if (foreign !== undefined) {
      const belongsToOther = OPTIONS[other].includes(foreign);
      const cased = allowed.find((o) => o.toLowerCase() === String(foreign).toLowerCase());
      if (cased !== undefined) {
        return {
          problem: `contains "${foreign}", which differs from the option "${cased}" only in case`,
          rule: `${rule} (the case matters)`,
          fix: `write "${cased}"`,
        };
      }
      return {
        problem: belongsToOther
          ? `contains "${foreign}", which is an ${other} option`
          : `contains the unknown option "${foreign}"`,
        rule,
        fix: belongsToOther
          ? `remove "${foreign}"; set it on the ${other} pipeline if that is what you meant`
          : `use the ${side === TransferSide.EXPORT ? "ExportOption" : "ImportOption"} enum`,
      };
    }
    const duplicate = options.find((o, i) => options.indexOf(o) !== i);
    if (duplicate !== undefined) {
      return {
        problem: `lists "${duplicate}" twice`,
        rule: `${rule}, each once`,
        fix: "list it once",
      };
    }
    return undefined;
  };
}
