import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack, Testing } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { RelativeLocalBackend } from "../../lib";

const outdir = mkdtempSync(join(tmpdir(), "acr-backend-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** What `app.synth()` writes for a stack "team", with or without the relative backend. */
function synthesized(relative: boolean): string {
  const app = new App({ outdir: join(outdir, String(relative)), stackTraces: false });
  const stack = new TerraformStack(app, "team");
  if (relative) new RelativeLocalBackend(stack);
  app.synth();
  return readFileSync(join(app.outdir, "stacks/team/cdk.tf.json"), "utf8");
}

describe("RelativeLocalBackend", () => {
  it("keeps the state at the project's root by a path relative to the stack's folder", () => {
    const stack = new TerraformStack(Testing.app(), "team-transfer");
    const backend = new RelativeLocalBackend(stack);
    const synth = JSON.parse(Testing.synth(stack));
    expect(synth.terraform.backend).toEqual({
      local: { path: "../../../terraform.team-transfer.tfstate" },
    });
    expect(backend.statePath).toBe("../../../terraform.team-transfer.tfstate");
  });

  it("writes no path of the machine that synthesized, where the default local backend does", () => {
    expect(synthesized(false)).toContain(
      `"path": "${join(process.cwd(), "terraform.team.tfstate")}"`,
    );
    expect(synthesized(true)).toContain('"path": "../../../terraform.team.tfstate"');
    expect(synthesized(true)).not.toContain(process.cwd());
  });
});
