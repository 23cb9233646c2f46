import { TransferSide } from "../arm/options";
import { TransferModel } from "../model/transfer-model";
import { StackNames } from "./names";
import { CopyRow } from "./review";

/** A run whose pipeline, and so whose container, the stack holds. */
interface PlacedRun {
  readonly stack: string;
  readonly side: TransferSide;
  readonly blob: string;
  readonly container: string;
}

/**
 * The blob copies the app tells of: an export run writing blob B and an import run reading a
 * blob of the same name B, in any of the stacks, mean B is copied (outside Terraform) from the
 * export pipeline's container to the import pipeline's.
 */
export function findCopies(stacks: readonly { name: string; model: TransferModel }[]): CopyRow[] {
  const runs: PlacedRun[] = stacks.flatMap(({ name, model }) => {
    const pipelines = new Map(model.pipelines.map((p) => [p.address, p]));
    return model.runs.flatMap((run) => {
      const pipeline = run.pipeline === undefined ? undefined : pipelines.get(run.pipeline);
      if (!pipeline || run.blob === undefined) return [];
      const container = StackNames.container(pipeline.container);
      return [{ stack: name, side: pipeline.side, blob: run.blob, container }];
    });
  });
  const imports = new Map<string, PlacedRun[]>();
  for (const run of runs) {
    if (run.side !== TransferSide.IMPORT) continue;
    const same = imports.get(run.blob);
    if (same) same.push(run);
    else imports.set(run.blob, [run]);
  }
  const copies = new Map<string, CopyRow>();
  for (const from of runs.filter((r) => r.side === TransferSide.EXPORT)) {
    for (const to of imports.get(from.blob) ?? []) {
      const row = {
        blob: from.blob,
        fromStack: from.stack,
        fromContainer: from.container,
        toStack: to.stack,
        toContainer: to.container,
      };
      copies.set(JSON.stringify(row), row);
    }
  }
  return [...copies.values()];
}
