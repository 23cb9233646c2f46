import { Token } from "../core/cdk";
import { IConstruct } from "constructs";
import { resolveIn } from "./resolve";

/**
 * A stable key that tells two references to the same Azure resource apart from references to
 * others: the key the reference brings (the library's own references set one), else its
 * literal ARM ID or URI in lower case (ARM ignores case), else the Terraform expression its
 * token resolves to (e.g. `${azurerm_key_vault.vault.id}`). Implementations of the public
 * interfaces therefore never have to invent one.
 */
export function keyOf(scope: IConstruct, given: string | undefined, id: string): string {
  if (given !== undefined) return given;
  if (typeof id !== "string") return String(id);
  if (!Token.isUnresolved(id)) return id.toLowerCase();
  return String(resolveIn(scope, id));
}

/**
 * A reference as messages show it: the URL, URI or ID as the user gave it when literal, else its
 * key (the construct path, for the library's own references), never a token.
 */
export function shownRef(literal: string, key: string | undefined): string {
  return Token.isUnresolved(literal) ? (key ?? literal) : literal;
}
