import { Block, serialize, text } from "./markdown-document";

/** The report of one stack: its full blocks and a one-paragraph stand-in. */
export interface StackBlocks {
  /** Stack name. */
  readonly name: string;
  /** Every block of its section. */
  readonly blocks: readonly Block[];
  /** Its heading and counts, shown when the section does not fit. */
  readonly brief: readonly Block[];
}

/** Room kept for the closing note that says what was left out. */
const NOTE_ROOM = 400;

/**
 * The report in at most `maxLength` characters: everything when it fits; else the head (its
 * lists and tables cut to the rows that fit), then each stack in full while it fits and as its
 * brief after, then a note naming what was left out and how to get the full report.
 */
export function fitToLength(
  head: readonly Block[],
  stacks: readonly StackBlocks[],
  maxLength: number,
): string {
  const full = serialize([...head, ...stacks.flatMap((s) => s.blocks)]);
  if (full.length <= maxLength) return full;
  const budget = Math.max(0, maxLength - NOTE_ROOM);
  const kept: Block[] = [];
  let used = 0;
  let cutRows = 0;
  for (const block of head) {
    const { fitted, dropped } = fitBlock(block, budget - used);
    cutRows += dropped;
    if (fitted === undefined) continue;
    kept.push(fitted);
    used += serialize([fitted]).length + 1;
  }
  const briefed: string[] = [];
  const omitted: string[] = [];
  for (const stack of stacks) {
    const whole = serialize(stack.blocks).length + 1;
    const brief = serialize(stack.brief).length + 1;
    if (used + whole <= budget) {
      kept.push(...stack.blocks);
      used += whole;
    } else if (used + brief <= budget) {
      kept.push(...stack.brief);
      used += brief;
      briefed.push(stack.name);
    } else {
      omitted.push(stack.name);
    }
  }
  const note = [
    `This report is shortened to fit ${maxLength} characters:`,
    cutRows > 0 ? ` ${cutRows} row(s) of the summary,` : "",
    briefed.length > 0 ? ` the details of ${briefed.length} stack(s),` : "",
    omitted.length > 0 ? ` ${omitted.length} stack(s) altogether,` : "",
    " are left out. The full report: review --full-report <file>, or --max-length 0.",
  ].join("");
  return serialize([...kept, { kind: "paragraph", children: [text(note)] }]);
}

/** A block cut to the rows or items that fit in `room`; undefined when nothing of it fits. */
function fitBlock(block: Block, room: number): { fitted?: Block; dropped: number } {
  const size = serialize([block]).length + 1;
  if (size <= room) return { fitted: block, dropped: 0 };
  if (block.kind === "list") {
    const items = fitRows(block.items, (rows) => ({ ...block, items: rows }), room);
    return {
      fitted: items.length > 0 ? { ...block, items } : undefined,
      dropped: block.items.length - items.length,
    };
  }
  if (block.kind === "table") {
    const rows = fitRows(block.rows, (r) => ({ ...block, rows: r }), room);
    return {
      fitted: rows.length > 0 ? { ...block, rows } : undefined,
      dropped: block.rows.length - rows.length,
    };
  }
  return { fitted: undefined, dropped: 0 };
}

/** The longest prefix of `rows` whose block fits in `room` (each row measured once). */
function fitRows<T>(rows: readonly T[], blockOf: (rows: T[]) => Block, room: number): T[] {
  const empty = serialize([blockOf([])]).length;
  let used = empty + 1;
  const kept: T[] = [];
  for (const row of rows) {
    const rowSize = serialize([blockOf([row])]).length - empty + 1;
    if (used + rowSize > room) break;
    kept.push(row);
    used += rowSize;
  }
  return kept;
}
