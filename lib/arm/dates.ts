import { Violation } from "../validation/violation";

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Days under which a SAS expiry earns a warning. */
export const SHORT_EXPIRY_DAYS = 30;

/** A UTC timestamp as Key Vault and SAS tokens take it: `YYYY-MM-DDTHH:MM:SSZ`. */
export function checkUtcTimestamp(value: string): Violation | undefined {
  if (RFC3339_UTC.test(value) && !Number.isNaN(Date.parse(value))) return undefined;
  return {
    problem: "is not a UTC timestamp",
    rule: "RFC 3339 in UTC, YYYY-MM-DDTHH:MM:SSZ",
    fix: 'write it like "2027-06-30T00:00:00Z"',
  };
}

/** A SAS expiry must lie in the future and after the start. */
export function expiryRule(start: string, now: number): (expiry: string) => Violation | undefined {
  return (expiry) => {
    const format = checkUtcTimestamp(expiry);
    if (format) return format;
    const rule = "the expiry lies in the future and after the start";
    if (Date.parse(expiry) <= now) {
      return {
        problem: "lies in the past",
        rule,
        fix: "set a later expiry and plan a rotation before it",
      };
    }
    if (!RFC3339_UTC.test(start) || Date.parse(expiry) > Date.parse(start)) return undefined;
    return {
      problem: `is not after the start ${start}`,
      rule,
      fix: "move the expiry after the start",
    };
  };
}

/** Whole days from `now` to `timestamp`. */
export function daysUntil(timestamp: string, now: number): number {
  return Math.floor((Date.parse(timestamp) - now) / 86_400_000);
}
