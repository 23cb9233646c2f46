import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { AzapiProvider } from "../../lib";

/** A stack with both providers, so that synth with validations runs only our checks. */
export function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "net");
  new AzurermProvider(stack, "azurerm", { features: [{}] });
  new AzapiProvider(stack, "azapi");
  return stack;
}
