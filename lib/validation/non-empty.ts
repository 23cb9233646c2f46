import { Violation } from "./violation";

/** A rule for text that may be left unset but, when given, must not be blank. */
export function nonEmpty(rule: string, fix: string): (value: string) => Violation | undefined {
  return (value) => (value.trim() ? undefined : { problem: "is empty", rule, fix });
}
