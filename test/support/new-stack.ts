import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { AzapiProvider } from "../../lib";

/** What newStack declares besides the stack. */
export interface NewStackOptions {
  /**
   * Declare an azapi and an azurerm provider, so that `Testing.synth(stack, true)` runs only the
   * library's validations (cdktf's own fail on a stack without providers).
   * @default false
   */
  readonly providers?: boolean;
}

/**
 * The tests' one stack helper: a stack named `id` in an app of its own (`Testing.app()`). The id
 * is part of every construct path a message or snapshot shows, so each suite keeps its own.
 */
export function newStack(id = "test", options: NewStackOptions = {}): TerraformStack {
  const stack = new TerraformStack(Testing.app(), id);
  if (options.providers) {
    new AzapiProvider(stack, "azapi");
    new AzurermProvider(stack, "azurerm", { features: [{}] });
  }
  return stack;
}
