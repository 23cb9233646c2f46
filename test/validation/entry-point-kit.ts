import { TerraformStack, Testing } from "cdktf";
import { expect, it } from "vitest";
import { TransferValidationError } from "../../lib";
import { newStack } from "../support/new-stack";

/**
 * The entry-point sweep's kit: what a slot (an argument, or a member of a props object) takes,
 * the stand-ins a JavaScript or JSON-config caller may give instead (undefined, null, {}, a
 * number, a string, a boolean, a list, another case, a zero-width space, out-of-range numbers),
 * and the checks every outcome must pass.
 */

/** What a slot takes: its JavaScript kind, and whether it must be given. */
export interface Slot {
  readonly kind: "string" | "number" | "boolean" | "list" | "object" | "options" | "enum";
  readonly required?: boolean;
  /** For enums: a valid value, whose other-case spelling must fail. */
  readonly sample?: string;
  /** For numbers: the smallest and largest value accepted; values outside must fail. */
  readonly range?: readonly [number, number];
  /** For objects and options: their members. */
  readonly members?: Readonly<Record<string, Slot>>;
}

export const str: Slot = { kind: "string", required: true };
export const optStr: Slot = { kind: "string" };
export const obj: Slot = { kind: "object", required: true };
export const optObj: Slot = { kind: "object" };
export const optBool: Slot = { kind: "boolean" };
export const provider: Slot = { kind: "object" };
export const cloud: Slot = { kind: "enum", sample: "usgovernment" };
export const accessModel: Slot = { kind: "enum", required: true, sample: "Rbac" };

/** A public entry point and how to call it. */
export interface EntryPoint {
  readonly name: string;
  /** Valid arguments, made in the stack. */
  readonly args: (s: TerraformStack) => unknown[];
  /** What each argument takes (undefined: not mutated, e.g. scope and id). */
  readonly slots: readonly (Slot | undefined)[];
  /** Calls the entry point and uses what it returns the way a stack would. */
  readonly call: (s: TerraformStack, args: any[]) => unknown;
}

/** The stand-ins for a slot: each value, and whether it must fail. */
function standIns(slot: Slot): [string, unknown, boolean][] {
  const wrong = (kinds: Slot["kind"][]) =>
    !kinds.includes(slot.kind === "enum" ? "string" : slot.kind);
  const cases: [string, unknown, boolean][] = [
    ["undefined", undefined, slot.required === true],
    ["null", null, slot.required === true],
    ["{}", {}, slot.kind !== "options" && (slot.kind !== "object" || hasRequired(slot))],
    ["42", 42, wrong(["number"])],
    ['"x"', "x", wrong(["string"]) || slot.kind === "enum"],
    ["true", true, wrong(["boolean"])],
    ['"false"', "false", wrong(["string"])],
    ["[]", [], wrong(["list"])],
  ];
  if (slot.kind === "string" || slot.kind === "enum") {
    cases.push(["a zero-width space", "\u200b", slot.kind === "enum"]);
  }
  if (slot.kind === "number" && slot.range) {
    const [least, most] = slot.range;
    for (const n of [least - 1, most + 1, least + 0.5, -1, Number.NaN]) {
      cases.push([String(n), n, !(Number.isInteger(n) && n >= least && n <= most)]);
    }
  }
  if (slot.kind === "enum") {
    const sample = slot.sample!;
    const other = sample === sample.toLowerCase() ? sample.toUpperCase() : sample.toLowerCase();
    cases.push([`"${other}"`, other, true]);
  }
  return cases;
}

function hasRequired(slot: Slot): boolean {
  return Object.values(slot.members ?? {}).some((m) => m.required) || slot.members === undefined;
}

export interface Mutation {
  readonly title: string;
  readonly mustFail: boolean;
  readonly apply: (args: unknown[]) => unknown[];
}

export function mutations(entry: EntryPoint): Mutation[] {
  return entry.slots.flatMap((slot, index) => {
    if (!slot) return [];
    const whole = standIns(slot).map(([label, value, mustFail]) => ({
      title: `argument ${index + 1} = ${label}`,
      mustFail,
      apply: (args: unknown[]) => args.map((a, i) => (i === index ? value : a)),
    }));
    const members = Object.entries(slot.members ?? {}).flatMap(([member, memberSlot]) =>
      standIns(memberSlot).map(([label, value, mustFail]) => ({
        title: `argument ${index + 1}.${member} = ${label}`,
        mustFail,
        apply: (args: unknown[]) =>
          args.map((a, i) => (i === index ? withMember(a, member, value) : a)),
      })),
    );
    return [...whole, ...members];
  });
}

/** A copy of `value` (same prototype, so getters and methods stay) with `member` replaced. */
function withMember(value: unknown, member: string, replacement: unknown): unknown {
  const copy = Object.create(Object.getPrototypeOf(value));
  Object.defineProperties(copy, Object.getOwnPropertyDescriptors(value));
  Object.defineProperty(copy, member, { value: replacement, enumerable: true, configurable: true });
  return copy;
}

/** What building and synthesizing the call throws, if anything. */
export function outcome(entry: EntryPoint, mutation: Mutation): Error | undefined {
  const stack = newStack("test", { providers: true });
  try {
    entry.call(stack, mutation.apply(entry.args(stack)));
    Testing.synth(stack, true);
  } catch (err) {
    return err as Error;
  }
  return undefined;
}

/** Characters a message must never show raw (it shows `<U+200B>` instead). */
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00a0]/;

/**
 * One `it` per mutation of each entry point: building and synthesizing (with every validation)
 * either succeeds, or fails with a TransferValidationError that starts with its construct path
 * (or a factory's name) and names the rule and the fix, never a TypeError; a value of the wrong
 * kind, or a required one left out, must fail.
 */
export function sweep(entries: readonly EntryPoint[]): void {
  for (const entry of entries) {
    it(`${entry.name}: the valid call builds`, () => {
      expect(outcome(entry, { title: "valid", mustFail: false, apply: (a) => a })).toBeUndefined();
    });
    for (const mutation of mutations(entry)) {
      it(`${entry.name}: ${mutation.title}`, () => {
        const err = outcome(entry, mutation);
        if (!err) {
          expect(mutation.mustFail, "a wrong or missing value must be refused").toBe(false);
          return;
        }
        expect(err, err.stack).not.toBeInstanceOf(TypeError);
        if (err instanceof TransferValidationError) {
          expect(err.constructPath, err.message).not.toBe("");
          expect(err.message.startsWith(`${err.constructPath}: `), err.message).toBe(true);
        } else {
          // Stack validations (cdktf) report TransferValidationError messages as plain errors.
          expect(err.message, err.stack).toMatch(/: .+\. rule: .+\. fix: .+\./);
        }
        expect(err.message).toMatch(/ rule: .+\. fix: .+/);
        expect(err.message).not.toContain("${TfToken[");
        expect(err.message).not.toMatch(/undefined (is|has)/);
        expect(err.message, "invisible characters are shown as <U+...>").not.toMatch(INVISIBLE);
      });
    }
  }
}
