import { TerraformVariable } from "cdktf";
import { Construct } from "constructs";

/**
 * A sensitive string variable without a default, for one SAS token: the value comes from
 * `TF_VAR_<name>` (or a .tfvars file kept out of git) and reaches neither cdktf.out nor state.
 * It is named `name` in Terraform wherever it is declared.
 */
export function sasTokenVariable(scope: Construct, name: string, usage: string): TerraformVariable {
  const variable = new TerraformVariable(scope, name, {
    type: "string",
    sensitive: true,
    nullable: false,
    description: `SAS token ${usage}, with a leading '?', as Microsoft's walkthrough stores it. Set TF_VAR_${name}; never commit it.`,
  });
  variable.overrideLogicalId(name);
  return variable;
}
