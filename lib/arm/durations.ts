import { Violation } from "./violation";

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

/** Most characters of a rerun token. */
export const MAX_RERUN_TOKEN_LENGTH = 64;

/**
 * A rerun token (forceUpdateTag): 1-64 printable ASCII characters without spaces, such as a
 * date or a CI build number; changing it re-runs the run.
 */
export function checkRerunToken(token: string): Violation | undefined {
  const rule = `1-${MAX_RERUN_TOKEN_LENGTH} printable ASCII characters without spaces; a new value re-runs the pipeline run in place`;
  if (token.trim() === "") {
    return {
      problem: "is empty",
      rule,
      fix: "leave it unset, or pass something that changes when you want a re-run (a date, a CI build number)",
    };
  }
  if (token.length <= MAX_RERUN_TOKEN_LENGTH && /^[!-~]+$/.test(token)) return undefined;
  return {
    problem:
      token.length > MAX_RERUN_TOKEN_LENGTH
        ? `has ${token.length} characters`
        : "holds spaces, control characters or characters beyond ASCII",
    rule,
    fix: 'use a short token such as "2026-11-26" or "build-1234"',
  };
}
