// A warning that stands on several constructs of a stack with the same ID and message is written
// once, on the first, naming the others: a stack of thousands of pipelines on one vault printed
// the same warning thousands of times, and cdktf's own handling of annotations grows with their
// square.
import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { ImportOption, TransferSuppressions, TransferWarningIds } from "../../lib";
import { synthJson } from "../../lib/testing";
import { annotationsOf } from "../policies/fixtures";
import { newStack } from "../support/new-stack";
import * as ids from "../support/ids";
import { importPipeline, registry, sasAccess, urlContainer } from "../support/pipelines";

const OVERWRITE = TransferWarningIds.SOURCE_TRIGGER_OVERWRITE_TAGS;

/** `count` import pipelines "Import0".. of one stack whose source triggers may overwrite tags. */
function overwriting(stack: TerraformStack, count: number): Construct[] {
  const shared = {
    registry: registry(stack),
    container: urlContainer(stack),
    storageAccess: sasAccess(stack, ids.IMPORT_SECRET_URI),
  };
  return Array.from({ length: count }, (_, i) =>
    importPipeline(
      stack,
      { ...shared, pipelineName: `import${i}`, options: [ImportOption.OVERWRITE_TAGS] },
      `Import${i}`,
    ),
  );
}

/** The source-trigger warnings of `stack` after a synth, as path and message. */
function warnings(stack: TerraformStack): { path: string; message: string }[] {
  synthJson(stack);
  return annotationsOf(stack)
    .filter((a) => a.level === "warn" && a.message.startsWith(`[${OVERWRITE}] `))
    .map(({ path, message }) => ({ path, message }));
}

describe("the same warning on several constructs", () => {
  it("is written once, on the first, naming three others and counting the rest", () => {
    const stack = newStack("test", { providers: true });
    overwriting(stack, 6);
    const written = warnings(stack);
    expect(written.map((w) => w.path)).toEqual(["test/Import0"]);
    expect(written[0].message).toMatch(
      /^\[AcrTransfer-SourceTriggerOverwriteTags\] the source trigger/,
    );
    expect(written[0].message).toContain(
      "The same warning stands on 5 other construct(s): test/Import1, test/Import2, test/Import3 and 2 more. " +
        'To accept it here: TransferSuppressions.add(construct, "AcrTransfer-SourceTriggerOverwriteTags", "<reason>")',
    );
  });

  it("names every other construct when there are three or fewer", () => {
    const stack = newStack("test", { providers: true });
    overwriting(stack, 3);
    expect(warnings(stack)[0].message).toContain(
      "The same warning stands on 2 other construct(s): test/Import1, test/Import2. To accept it here",
    );
  });

  it("leaves out the constructs an acknowledgement covers", () => {
    const stack = newStack("test", { providers: true });
    const [first, second] = overwriting(stack, 3);
    TransferSuppressions.add(
      first,
      OVERWRITE,
      "only the copy job writes to this container (PLAT-1)",
    );
    const written = warnings(stack);
    expect(written.map((w) => w.path)).toEqual(["test/Import1"]);
    expect(written[0].message).toContain(
      "The same warning stands on 1 other construct(s): test/Import2. To accept it here",
    );
    expect(second.node.path).toBe("test/Import1");
  });

  it("is written alone, as before, when it stands on one construct", () => {
    const stack = newStack("test", { providers: true });
    overwriting(stack, 1);
    const [only] = warnings(stack);
    expect(only.message).not.toContain("The same warning stands on");
    expect(only.message).toMatch(/\. To accept it here: /);
  });
});
