import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import {
  Aspects,
  IAspect,
  LocalBackend,
  TerraformLocal,
  TerraformOutput,
  TerraformStack,
  TerraformVariable,
  Testing,
} from "cdktf";
import { IConstruct } from "constructs";
import { describe, expect, it } from "vitest";
import { AzapiProvider } from "../../lib";
import { AzapiResource } from "../../lib/azapi";
import { synthJson } from "../../lib/testing";
import { TEST_STACKS } from "../support/stacks";
import { newStack } from "../support/new-stack";

/** Providers with aliases, variables, locals, outputs (nested too), a backend and overrides. */
function providersVariablesOutputs(): TerraformStack {
  const stack = newStack("harness");
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  new AzurermProvider(stack, "azurerm_gov", {
    features: [{}],
    alias: "gov",
    environment: "usgovernment",
  });
  new AzapiProvider(stack, "azapi", {});
  new LocalBackend(stack, { path: "state/terraform.tfstate" });
  const location = new TerraformVariable(stack, "location", { type: "string", default: "eastus" });
  const tags = new TerraformVariable(stack, "tags", { type: "map(string)", default: {} });
  const prefix = new TerraformLocal(stack, "prefix", `acr-${location.stringValue}`);
  const group = new ResourceGroup(stack, "Group", {
    name: prefix.asString,
    location: location.stringValue,
    tags: tags.value,
  });
  group.addOverride("lifecycle.prevent_destroy", true);
  new TerraformOutput(stack, "group_id", { value: group.id, description: "the group" });
  new TerraformOutput(stack, "nested", {
    value: { names: [group.name], count: 1 },
    sensitive: true,
  });
  return stack;
}

/** Awkward values: "//" keys inside a body, empty containers, unicode, digit keys, nulls. */
function awkwardValues(): TerraformStack {
  const stack = newStack("harness");
  new AzapiResource(stack, "Odd", {
    type: "Microsoft.Resources/tags@2021-04-01",
    parentId: "/subscriptions/00000000-0000-0000-0000-000000000000",
    name: "default",
    body: {
      "//": "dropped, as Testing.synth drops it",
      properties: {
        tags: { "10": "ten", "9": "nine", B: "upper", a: "lower", é: "accent", "": "empty" },
        empty: {},
        none: [],
        nested: [[], [{}], [null, 0, -1.5, 1e21, true, 'line\nbreak "quoted" \u2028']],
        nothing: null,
      },
    },
    responseExportValues: [],
    locks: ["b", "a"],
  });
  return stack;
}

/** An aspect that renames every resource group, which both functions must apply first. */
function withAspect(): TerraformStack {
  const stack = newStack("harness");
  new ResourceGroup(stack, "Group", { name: "before", location: "eastus" });
  const rename: IAspect = {
    visit(node: IConstruct) {
      if (node instanceof ResourceGroup) node.name = "after";
    },
  };
  Aspects.of(stack).add(rename);
  return stack;
}

const STACKS: readonly { name: string; build: () => TerraformStack }[] = [
  ...TEST_STACKS,
  {
    name: "providers, variables, locals, outputs, backend, overrides",
    build: providersVariablesOutputs,
  },
  { name: "awkward values", build: awkwardValues },
  { name: "an aspect", build: withAspect },
  { name: "an empty stack", build: newStack },
];

describe("synthJson", () => {
  for (const { name, build } of STACKS) {
    it(`is byte-identical to Testing.synth: ${name}`, () => {
      expect(synthJson(build())).toBe(Testing.synth(build()));
    });
  }

  it("applies aspects and drops metadata", () => {
    const json = synthJson(withAspect());
    expect(json).toContain('"name": "after"');
    expect(json).not.toContain('"//"');
  });

  it("is byte-identical for many resources", () => {
    const build = () => {
      const stack = newStack("harness");
      for (let i = 0; i < 300; i++)
        new ResourceGroup(stack, `Group${i}`, { name: `rg-${i}`, location: "eastus" });
      return stack;
    };
    expect(synthJson(build())).toBe(Testing.synth(build()));
  });

  it("runs validations when asked, as Testing.synth(stack, true) does", () => {
    const build = () => {
      const stack = newStack("harness");
      stack.node.addValidation({ validate: () => ["always wrong"] });
      return stack;
    };
    expect(() => synthJson(build())).not.toThrow();
    const expected = (() => {
      try {
        Testing.synth(build(), true);
        return "no error";
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(() => synthJson(build(), { runValidations: true })).toThrow(expected);
  });
});
