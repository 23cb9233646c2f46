import { Token } from "../core/cdk";
import { IConstruct } from "constructs";
import { Ledger } from "./ledger";
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
 * Claims `name` (ignoring case) among the things of one kind in the parent `parentKey` (a
 * container in a storage account, a secret in a vault) for `claimant`; returns the path of the
 * construct that claimed it first, if another did. Literal keys and construct paths hold across
 * the app; a key that is a Terraform expression names a resource of one stack, so it holds there.
 */
export function claimName(
  claimant: IConstruct,
  kind: string,
  parentKey: string,
  name: string,
): string | undefined {
  const key = `${kind}|${parentKey}|${name.toLowerCase()}`;
  const scoped = parentKey.includes("${") ? Ledger.stackKey(claimant, key) : key;
  return Ledger.of(claimant).claim(scoped, claimant);
}

/**
 * A reference as messages show it: the URL, URI or ID as the user gave it when literal, else its
 * key (the construct path, for the library's own references), never a token.
 */
export function shownRef(literal: string, key: string | undefined): string {
  return Token.isUnresolved(literal) ? (key ?? literal) : literal;
}
