import { Violation } from "./violation";

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Days under which a SAS expiry earns a warning. */
export const SHORT_EXPIRY_DAYS = 30;
/** A generated SAS valid for longer than this many days earns a warning. */
export const LONG_LIFETIME_DAYS = 90;
/** A generated SAS valid for longer than this many days is refused unless allowed. */
export const MAX_LIFETIME_DAYS = 365;

/** A UTC timestamp as Key Vault and SAS tokens take it: `YYYY-MM-DDTHH:MM:SSZ`. */
export function checkUtcTimestamp(value: string): Violation | undefined {
  if (RFC3339_UTC.test(value) && !Number.isNaN(Date.parse(value))) return undefined;
  return {
    problem: "is not a UTC timestamp",
    rule: "RFC 3339 in UTC, YYYY-MM-DDTHH:MM:SSZ",
    fix: 'write it like "2027-06-30T00:00:00Z"',
  };
}

/**
 * A SAS expiry is a UTC timestamp after the start. (One in the past is not refused here: synth
 * must still work for `cdktf destroy` and for the plan that moves it; the token warns.)
 */
export function expiryRule(start: string): (expiry: string) => Violation | undefined {
  return (expiry) => {
    const format = checkUtcTimestamp(expiry);
    if (format) return format;
    if (!RFC3339_UTC.test(start) || Date.parse(expiry) > Date.parse(start)) return undefined;
    return {
      problem: `is not after the start ${start}`,
      rule: "the expiry lies after the start",
      fix: "move the expiry after the start",
    };
  };
}

/** A generated SAS is valid for at most MAX_LIFETIME_DAYS, unless `allowed`. */
export function lifetimeRule(
  start: string,
  allowed: boolean,
): (expiry: string) => Violation | undefined {
  return (expiry) => {
    const days = (Date.parse(expiry) - Date.parse(start)) / 86_400_000;
    if (allowed || !(days > MAX_LIFETIME_DAYS)) return undefined;
    return {
      problem: `makes the token valid for ${Math.floor(days)} days from its start ${start}`,
      rule: `a generated SAS token is valid for at most ${MAX_LIFETIME_DAYS} days: a leaked token works until it expires`,
      fix: `move the expiry within ${MAX_LIFETIME_DAYS} days of the start and rotate (see docs/security.md), or set allowLongLifetime: true`,
    };
  };
}

/** Whole days from `now` to `timestamp`. */
export function daysUntil(timestamp: string, now: number): number {
  return Math.floor((Date.parse(timestamp) - now) / 86_400_000);
}
