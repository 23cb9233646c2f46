import { LocalBackend, TerraformStack } from "cdktf";

/**
 * Keeps the stack's state where cdktf's default local backend does, in
 * `terraform.<stack>.tfstate` at the top of the project, but by a path relative to the stack's
 * folder in cdktf.out: the default writes the absolute path of the machine that synthesized it.
 * Swap it for a remote backend (README: Remote state) when a team shares the stack.
 */
export function addLocalBackend(stack: TerraformStack): LocalBackend {
  return new LocalBackend(stack, { path: `../../../terraform.${stack.node.id}.tfstate` });
}
