// Hostile strings must reach Terraform as the literal text they are: never evaluated as a
// template (`${file(...)}`, `%{...}`), never breaking out of an HCL string.
import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { ExportPipeline, ExportPipelineRun } from "../../lib";
import { AzapiResource } from "../../lib/azapi";
import { synthHclParsed } from "../support/hcl";
import { REGISTRY_ID } from "../support/ids";
import { HAS_TERRAFORM, TERRAFORM_SKIP, evaluateOutputs } from "../support/shadow";

const FILE_READ = 'x${file("/etc/hostname")}';
const DIRECTIVE = "%{if true}yes%{endif}";
const BREAKOUT = 'a"\n  evil = "b';
const HOSTILE = [FILE_READ, DIRECTIVE, BREAKOUT, 'q\\"${x}\\', "$${literal}", "tail$"];

/** A stack with one azapi resource whose body carries every hostile string, and a reference. */
function hostileStack(): { stack: TerraformStack; resource: AzapiResource } {
  const stack = new TerraformStack(Testing.app(), "hostile");
  const parent = new AzapiResource(stack, "Parent", {
    type: "Microsoft.X/y@2020-01-01",
    name: "p",
  });
  const resource = new AzapiResource(stack, "Resource", {
    type: "Microsoft.X/y@2020-01-01",
    name: "n",
    parentId: parent.id,
    body: {
      values: HOSTILE,
      mixed: `price$${parent.id}%{`,
      [`key`]: BREAKOUT,
    },
  });
  return { stack, resource };
}

describe("literal strings against Terraform's template syntax", () => {
  it("escapes templates in JSON and keeps references", () => {
    const json = JSON.parse(Testing.synth(hostileStack().stack));
    const body = json.resource.azapi_resource.Resource.body;
    expect(body.values[0]).toBe('x$${file("/etc/hostname")}');
    expect(body.values[1]).toBe("%%{if true}yes%%{endif}");
    expect(body.mixed).toBe("price$%{if true}%{endif}${azapi_resource.Parent.id}%%{");
    expect(json.resource.azapi_resource.Resource.parent_id).toBe("${azapi_resource.Parent.id}");
  });

  it("writes HCL that Terraform's parser reads back as the same body, with no added attribute", async () => {
    const { stack } = hostileStack();
    const parsed = await synthHclParsed(stack);
    const resource = parsed.resource.azapi_resource.Resource[0];
    expect(Object.keys(resource).sort()).toEqual(["body", "name", "parent_id", "type"]);
    expect(resource.body).toEqual(
      JSON.parse(Testing.synth(stack)).resource.azapi_resource.Resource.body,
    );
  });

  it.skipIf(!HAS_TERRAFORM)(
    `evaluates to the literal text in Terraform, JSON and HCL alike${TERRAFORM_SKIP}`,
    () => {
      const json = JSON.parse(Testing.synth(hostileStack().stack));
      const values: string[] = json.resource.azapi_resource.Resource.body.values;
      const outputs = Object.fromEntries(values.map((v, i) => [`v${i}`, { value: v }]));
      const fromJson = evaluateOutputs("main.tf.json", JSON.stringify({ output: outputs }));
      expect(values.map((_, i) => fromJson[`v${i}`])).toEqual(HOSTILE);

      const hcl = Testing.synthHcl(hostileStack().stack);
      const list = /values = \[\n([\s\S]*?)\n\]/.exec(hcl)![1];
      const fromHcl = evaluateOutputs("main.tf", `output "values" {\n  value = [\n${list}\n]\n}\n`);
      expect(fromHcl.values).toEqual(HOSTILE);
    },
  );

  it("carries a template-like rerun token into forceUpdateTag as text", async () => {
    const stack = new TerraformStack(Testing.app(), "token");
    const pipeline = ExportPipeline.fromPipelineId(
      stack,
      "Pipeline",
      `${REGISTRY_ID}/exportPipelines/exportPipeline`,
    );
    new ExportPipelineRun(stack, "Run", {
      pipeline,
      runName: "run000001",
      blobName: "images",
      artifacts: ["samples/hello-world:v1"],
      rerunToken: '${file("/x")}',
    });
    const json = JSON.parse(Testing.synth(stack));
    const run = Object.values<any>(json.resource.azapi_resource)[0];
    expect(run.body.properties.forceUpdateTag).toBe('$${file("/x")}');
    const parsed = await synthHclParsed(stack);
    const hclRun = Object.values<any>(parsed.resource.azapi_resource)[0][0];
    expect(hclRun.body.properties.forceUpdateTag).toBe('$${file("/x")}');
  });
});
