// Acknowledging a library warning: TransferSuppressions.add(construct, warningId, reason), on the
// construct or an ancestor, before or after it was made. The warning is then not written; the
// suppression leaves one info note with the count and the reason, once however often synth runs.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import {
  ImportOption,
  ImportPipeline,
  TransferRules,
  TransferSuppressions,
  TransferWarningIds,
} from "../../lib";
import { warn } from "../../lib/private/annotations";
import { synthJson } from "../../lib/testing";
import { addProviders } from "../../examples/shared/providers";
import { annotationsOf, applyPack } from "../policies/fixtures";
import { newStack } from "../support/new-stack";
import * as ids from "../support/ids";
import { importPipeline, registry, sasAccess, urlContainer } from "../support/pipelines";

const OVERWRITE = TransferWarningIds.SOURCE_TRIGGER_OVERWRITE_TAGS;
const REASON = "only the copy job writes to this container (PLAT-1024), until 2027-06-30";

/** The registry, container and secret the import pipelines of one stack share. */
function side(stack: TerraformStack) {
  return {
    registry: registry(stack),
    container: urlContainer(stack),
    storageAccess: sasAccess(stack, ids.IMPORT_SECRET_URI),
  };
}

/** An import pipeline "<stack>/<id>" whose source trigger may overwrite tags. */
function overwriting(stack: TerraformStack, id = "Import", shared = side(stack)): ImportPipeline {
  return importPipeline(
    stack,
    { ...shared, pipelineName: `${stack.node.id}${id}`, options: [ImportOption.OVERWRITE_TAGS] },
    id,
  );
}

/** The annotations of `level` whose message starts with the ID `id` in brackets. */
function tagged(scope: Construct, level: string, id: string) {
  return annotationsOf(scope).filter((a) => a.level === level && a.message.startsWith(`[${id}] `));
}

describe("acknowledging a warning", () => {
  it("on the construct, after it was made: no warning, and one info note with the reason", () => {
    const stack = newStack("test", { providers: true });
    const pipeline = overwriting(stack);
    TransferSuppressions.add(pipeline, OVERWRITE, REASON);
    synthJson(stack);
    expect(tagged(stack, "warn", OVERWRITE)).toEqual([]);
    expect(tagged(stack, "info", OVERWRITE)).toEqual([
      {
        level: "info",
        path: "test/Import",
        message: `[AcrTransfer-SourceTriggerOverwriteTags] acknowledged on 1 construct(s): ${REASON}`,
      },
    ]);
  });

  it("on the stack, before or after the constructs: one note for all of them, with the count", () => {
    const stack = newStack("test", { providers: true });
    const shared = side(stack);
    overwriting(stack, "First", shared);
    TransferSuppressions.add(stack, OVERWRITE, REASON);
    overwriting(stack, "Second", shared);
    synthJson(stack);
    expect(tagged(stack, "warn", OVERWRITE)).toEqual([]);
    expect(tagged(stack, "info", OVERWRITE)).toEqual([
      {
        level: "info",
        path: "test",
        message: `[${OVERWRITE}] acknowledged on 2 construct(s): ${REASON}`,
      },
    ]);
  });

  it("on the app: the note goes on each stack it covered (cdktf keeps only a stack's own annotations)", () => {
    const app = Testing.app();
    const stacks = ["one", "two"].map((id) => new TerraformStack(app, id));
    stacks.forEach((stack) => overwriting(stack));
    TransferSuppressions.add(app, OVERWRITE, REASON);
    for (const stack of stacks) {
      synthJson(stack);
      expect(tagged(stack, "warn", OVERWRITE)).toEqual([]);
      expect(tagged(stack, "info", OVERWRITE)).toEqual([
        expect.objectContaining({
          path: stack.node.path,
          message: expect.stringContaining("1 construct(s)"),
        }),
      ]);
    }
  });

  it("writes the note once, however often the aspects run", () => {
    const dir = mkdtempSync(join(tmpdir(), "acr-warnings-"));
    try {
      const app = new App({ outdir: dir, stackTraces: false });
      const stack = new TerraformStack(app, "test");
      addProviders(stack);
      TransferSuppressions.add(overwriting(stack), OVERWRITE, REASON);
      synthJson(stack);
      Testing.synth(stack);
      app.synth();
      const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
      const notes = manifest.stacks.test.annotations.filter((a: { message: string }) =>
        a.message.startsWith(`[${OVERWRITE}]`),
      );
      expect(notes).toEqual([
        {
          constructPath: "test/Import",
          level: "@cdktf/info",
          message: `[${OVERWRITE}] acknowledged on 1 construct(s): ${REASON}`,
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("covers only its own ID: a suppression of another warning leaves this one standing", () => {
    const stack = newStack("test", { providers: true });
    const pipeline = overwriting(stack);
    TransferSuppressions.add(pipeline, TransferWarningIds.UNKNOWN_REGION, REASON);
    synthJson(stack);
    expect(tagged(stack, "warn", OVERWRITE).map((a) => a.path)).toEqual(["test/Import"]);
    expect(
      annotationsOf(stack).filter((a) => a.level === "info" && a.message.includes("acknowledged")),
    ).toEqual([]);
  });

  it("covers warnings of checks that run at synth (an access policy reading the whole vault)", () => {
    const stack = newStack("test", { providers: true });
    overwriting(stack);
    TransferSuppressions.add(stack, TransferWarningIds.VAULT_WIDE_READ, REASON);
    synthJson(stack);
    expect(tagged(stack, "warn", TransferWarningIds.VAULT_WIDE_READ)).toEqual([]);
    expect(tagged(stack, "info", TransferWarningIds.VAULT_WIDE_READ)).toEqual([
      expect.objectContaining({ path: "test" }),
    ]);
  });

  it("keeps the note on one line, and redacts a secret in the reason", () => {
    const stack = newStack("test", { providers: true });
    TransferSuppressions.add(
      overwriting(stack),
      OVERWRITE,
      "only the copy job writes here;\n  its token ?sv=2022-11-02&sig=S3CR3T&se=x is rotated weekly",
    );
    synthJson(stack);
    expect(tagged(stack, "info", OVERWRITE).map((a) => a.message)).toEqual([
      `[${OVERWRITE}] acknowledged on 1 construct(s): only the copy job writes here; its token ?sv=2022-11-02&sig=<redacted>&se=x is rotated weekly`,
    ]);
  });

  it("refuses a warning ID in another case, naming the constant to use", () => {
    const stack = newStack("test", { providers: true });
    const pipeline = overwriting(stack);
    expect(() =>
      TransferSuppressions.add(pipeline, "acrtransfer-sourceTriggerOverwriteTags", REASON),
    ).toThrow(
      'test/Import: ruleId "acrtransfer-sourceTriggerOverwriteTags" differs from a built-in rule or warning ID only in case. rule: rule and warning IDs are matched exactly, so this suppression would cover nothing. fix: did you mean "AcrTransfer-SourceTriggerOverwriteTags"? use the TransferWarningIds constant.',
    );
  });

  it("in a stack a policy pack checks, is no suppression that 'covers nothing', nor one the record counts", () => {
    const stack = newStack("test", { providers: true });
    TransferSuppressions.add(overwriting(stack), OVERWRITE, REASON);
    const { record } = applyPack(stack, [TransferRules.rerunToken()]);
    stack.runAllValidations();
    const messages = annotationsOf(stack).map((a) => a.message);
    expect(messages.filter((m) => m.includes("covers nothing"))).toEqual([]);
    expect(tagged(stack, "info", OVERWRITE)).toHaveLength(1);
    expect(record.suppressions).toEqual([]);
  });

  it("mistyped in a stack a policy pack checks, gets the warning ID it may have meant", () => {
    const stack = newStack("test", { providers: true });
    TransferSuppressions.add(overwriting(stack), "AcrTransfer-SourceTriggerOverwriteTag", REASON);
    applyPack(stack, [TransferRules.rerunToken()]);
    stack.runAllValidations();
    expect(tagged(stack, "warn", OVERWRITE)).toHaveLength(1);
    expect(annotationsOf(stack).map((a) => a.message)).toContainEqual(
      expect.stringContaining(
        'names no rule of the policy packs that check this stack and no library warning, so it covers nothing. rule: a suppression names the exact ID of the rule or warning it covers. fix: did you mean "AcrTransfer-SourceTriggerOverwriteTags"?',
      ),
    );
  });
});

describe("warn, the one way the library warns", () => {
  it("redacts a secret in the message", () => {
    const stack = newStack("test");
    warn(stack, TransferWarningIds.UNKNOWN_REGION, "seen in ?sv=1&sig=S3CR3T&se=2");
    synthJson(stack);
    expect(tagged(stack, "warn", TransferWarningIds.UNKNOWN_REGION).map((a) => a.message)).toEqual([
      '[AcrTransfer-UnknownRegion] seen in ?sv=1&sig=<redacted>&se=2. To accept it here: TransferSuppressions.add(construct, "AcrTransfer-UnknownRegion", "<reason>")',
    ]);
  });

  it("writes at once on a construct outside any stack: there is no synth of its own to wait for", () => {
    const app = Testing.app();
    const loose = new Construct(app, "Loose");
    warn(loose, TransferWarningIds.UNKNOWN_REGION, "no stack here");
    expect(tagged(loose, "warn", TransferWarningIds.UNKNOWN_REGION)).toHaveLength(1);
  });

  it("in a stack, waits for synth, so that an acknowledgement added later counts", () => {
    const stack = newStack("test");
    warn(stack, TransferWarningIds.UNKNOWN_REGION, "not yet written");
    expect(tagged(stack, "warn", TransferWarningIds.UNKNOWN_REGION)).toEqual([]);
    synthJson(stack);
    expect(tagged(stack, "warn", TransferWarningIds.UNKNOWN_REGION)).toHaveLength(1);
  });
});
