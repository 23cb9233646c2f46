import { Violation } from "./violation";

const TRANSFER_NAME = /^[a-zA-Z0-9]{5,50}$/;

/**
 * Names of registries, pipelines and pipeline runs: 5-50 letters and digits
 * (the ARM schemas' `^[a-zA-Z0-9]*$` with length 5-50).
 */
export function checkTransferName(name: string): Violation | undefined {
  if (TRANSFER_NAME.test(name)) return undefined;
  const cleaned = name.replace(/[^a-zA-Z0-9]/g, "").slice(0, 50);
  const problem = /[^a-zA-Z0-9]/.test(name)
    ? `has characters other than letters and digits`
    : name.length < 5
      ? "is shorter than 5 characters"
      : "is longer than 50 characters";
  return {
    problem,
    rule: "5-50 letters and digits, no hyphens, underscores or dots (^[a-zA-Z0-9]{5,50}$)",
    fix:
      cleaned.length >= 5
        ? `use "${cleaned}" instead`
        : "choose a name of 5 to 50 letters and digits",
  };
}
