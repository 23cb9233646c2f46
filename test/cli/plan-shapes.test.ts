// Every action list Terraform writes into a JSON plan, one fixture each (plans/shapes/, the
// seed walkthrough's plan with the actions of the shape): what the reviewer is told about a
// run, a secret, a grant (access policy) and a pipeline.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planAction, redFlags } from "../../lib/cli/red-flags";
import { readPlan } from "../../lib/model/read-plan";
import { PLANS } from "./support";

function flags(shape: string): string[] {
  const plan = readPlan(
    JSON.parse(readFileSync(join(PLANS, "shapes", `${shape}.plan.json`), "utf8")),
  );
  return redFlags(plan).map((f) => `${f.kind} [${f.actions}] ${f.summary}`);
}

const RUN = 'run "myPipelineRunExport"';
const SECRET = 'secret "acrexportsas"';
const POLICY = "access policy (secrets Get) on vault mysourcevault";
const PIPELINE = 'export pipeline "myExportPipeline"';
const RE_RUN = `${RUN} re-runs: forceUpdateTag "2026-11-25" → "2026-11-26" (2 artifact(s), blob myblob)`;
const ROTATES = `${SECRET} changes its write-only version 1 → 2: Terraform writes a new token value`;

describe("red flags for every plan shape", () => {
  it.each([
    ["create", [`run [create] ${RUN} runs: it is created (2 artifact(s), blob myblob)`]],
    ["update", [`run [update] ${RE_RUN}`, `secret [update] ${ROTATES}`]],
    [
      "delete",
      [
        `secret [delete] ${SECRET} is deleted: pipelines that read it fail`,
        `grant [delete] ${POLICY} is removed`,
        `pipeline [delete] ${PIPELINE} is destroyed`,
      ],
    ],
    [
      "replace-delete-first",
      [
        `run [delete, create] ${RUN} re-runs: it is replaced (replace_because_cannot_update) (2 artifact(s), blob myblob)`,
        `secret [delete, create] ${ROTATES}`,
        `grant [delete, create] ${POLICY} is replaced (object_id changed): removed, then made again; runs may fail until the new grant propagates`,
        `pipeline [delete, create] ${PIPELINE} is replaced (location changed): it is deleted and created again, with a new system-assigned identity if it has one`,
      ],
    ],
    [
      "replace-create-first",
      [
        `run [create, delete] ${RUN} re-runs: it is replaced (replace_because_cannot_update) (2 artifact(s), blob myblob)`,
        `secret [create, delete] ${ROTATES}`,
        `grant [create, delete] ${POLICY} is replaced (object_id changed): made again, then the old one removed (create_before_destroy); runs may fail until the new grant propagates`,
        `pipeline [create, delete] ${PIPELINE} is replaced (location changed): a new one is created before the old one is deleted (create_before_destroy), with a new system-assigned identity if it has one`,
      ],
    ],
    ["read", []],
    ["no-op", []],
    [
      "forget",
      [
        `grant [forget] ${POLICY} is forgotten: Terraform stops managing it, and it stays in Azure`,
        `pipeline [forget] ${PIPELINE} is forgotten: Terraform stops managing it, and it stays in Azure`,
      ],
    ],
    ["import", []],
    ["import-update", [`run [update; import] ${RE_RUN}`, `secret [update; import] ${ROTATES}`]],
    ["move", []],
    [
      "move-update",
      [
        `run [update; moved from azapi_resource.OldExportRun_B3700227] ${RE_RUN}`,
        `secret [update; moved from azurerm_key_vault_secret.OldExportSas_D137B233] ${ROTATES}`,
      ],
    ],
    [
      "unknown",
      ["run", "secret", "grant", "pipeline"].map(
        (kind) =>
          `${kind} [create, update] the plan's action list is not one Terraform documents: review this ${kind} by hand`,
      ),
    ],
  ])("%s", (shape, expected) => expect(flags(shape)).toEqual(expected));

  it("reads both orders of a replacement as one, and a list it does not know as unknown", () => {
    expect(planAction(["delete", "create"])).toBe("replace");
    expect(planAction(["create", "delete"])).toBe("replace");
    expect(planAction(["forget"])).toBe("forget");
    expect(planAction(["constructor"])).toBe("unknown");
    expect(planAction([])).toBe("unknown");
  });
});
