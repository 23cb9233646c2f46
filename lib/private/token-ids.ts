import { Fn, IResolvable, Token, Tokenization } from "../core/cdk";

/** Index of the resource group name in a split ARM ID. */
export const RESOURCE_GROUP_SEGMENT = 4;
/** Index of a top-level resource's name in a split ARM ID. */
export const NAME_SEGMENT = 8;

/** Segment `index` of an ARM ID split on "/", also when the ID is only known at apply time. */
export function idSegment(id: string, index: number): string {
  if (!Token.isUnresolved(id)) return id.split("/")[index] ?? "";
  return Token.asString(Fn.element(Fn.split("/", joined(id)), index));
}

/** The name of a top-level resource from its ARM ID. */
export function lastSegment(id: string): string {
  return idSegment(id, NAME_SEGMENT);
}

/** The first `segments` segments of an ARM ID (e.g. 9 for the registry of a pipeline ID). */
export function idPrefix(id: string, segments: number): string {
  if (!Token.isUnresolved(id)) return id.split("/").slice(0, segments).join("/");
  return Fn.join("/", Fn.slice(Fn.split("/", joined(id)), 0, segments));
}

/**
 * A string made of several tokens and literals (`${endpoint}${name}`) as one `join("", [...])`:
 * handed to a function as it is, cdktf would write it as a template inside the call and warn
 * about escape sequences (and print the warning at every synthesis).
 */
function joined(value: string): string {
  const fragments = Tokenization.reverseString(value);
  if (fragments.length <= 1) return value;
  const parts = fragments.join({
    join: (left: unknown, right: unknown) => [...(left instanceof Array ? left : [left]), right],
  }) as (string | IResolvable)[];
  return Fn.join(
    "",
    parts.map((part) => (typeof part === "string" ? part : Token.asString(part))),
  );
}
