import { nonEmpty } from "../validation/non-empty";
import { Violation } from "../validation/violation";

const GO_DURATION = /^(?:\d+(?:\.\d+)?(?:h|m|s))+$/;

/** A Terraform timeout: a Go duration in hours, minutes and seconds, e.g. "2h" or "90m". */
export function checkTimeout(value: string): Violation | undefined {
  if (GO_DURATION.test(value) && !/^(?:0+(?:\.0+)?[hms])+$/.test(value)) return undefined;
  return {
    problem: "is not a positive duration",
    rule: 'a Go duration of hours, minutes and seconds such as "2h", "90m" or "1h30m"',
    fix: 'write it like "3h"',
  };
}

/** A rerun token (forceUpdateTag): any non-empty text; changing it re-runs the run. */
export const checkRerunToken = nonEmpty(
  "a non-empty string; a new value re-runs the pipeline run in place",
  "leave it unset, or pass something that changes when you want a re-run (a date, a CI build number)",
);
