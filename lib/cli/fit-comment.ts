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
 * lists and tables cut to the rows that fit), then each stack in full while it fits; the first
 * stack that does not is shown block by block (tables cut to the rows that fit, each cut table
 * ending in a row that says how many were left out, a flowchart left out whole), the rest as
 * their briefs while they fit; a closing note names what was left out.
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
  let leftOut = 0;
  const add = (block: Block): boolean => {
    const { fitted, dropped } = fitBlock(block, budget - used);
    cutRows += dropped;
    if (fitted === undefined) return false;
    kept.push(fitted);
    used += serialize([fitted]).length + 1;
    return true;
  };
  for (const block of head) if (!add(block)) leftOut++;
  const briefed: string[] = [];
  const omitted: string[] = [];
  let partial: string | undefined;
  const briefSizes = stacks.map((stack) => serialize(stack.brief).length + 1);
  for (const [at, stack] of stacks.entries()) {
    const whole = serialize(stack.blocks).length + 1;
    const brief = briefSizes[at];
    if (partial === undefined && used + whole <= budget) {
      kept.push(...stack.blocks);
      used += whole;
    } else if (partial === undefined && used + brief <= budget) {
      partial = stack.name;
      const sections = sectionsOf(stack.blocks);
      // Tables before the flowchart: a flowchart of a large stack is too big to read anyway.
      const order = [...sections.keys()].sort(
        (a, b) => Number(hasFence(sections[a])) - Number(hasFence(sections[b])),
      );
      const chosen = new Map<number, Block[]>();
      // Room is kept for the briefs of the stacks after this one.
      const later = briefSizes.slice(at + 1).reduce((sum, size) => sum + size, 0);
      for (const index of order) {
        const fitted = fitSection(sections[index], budget - later - used);
        cutRows += fitted.dropped;
        if (fitted.blocks === undefined) {
          leftOut++;
          continue;
        }
        chosen.set(index, fitted.blocks);
        used += serialize(fitted.blocks).length + 1;
      }
      for (const index of [...chosen.keys()].sort((a, b) => a - b))
        kept.push(...chosen.get(index)!);
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
    cutRows > 0 ? ` ${cutRows} table row(s) or list item(s),` : "",
    leftOut > 0 ? ` ${leftOut} part(s) such as flowcharts and tables,` : "",
    briefed.length > 0 ? ` the details of ${briefed.length} stack(s),` : "",
    omitted.length > 0 ? ` ${omitted.length} stack(s) altogether,` : "",
    " are left out. The full report: review --full-report <file>, or --max-length 0.",
  ].join("");
  return serialize([...kept, { kind: "paragraph", children: [text(note)] }]);
}

/** A stack's blocks split before each heading below the stack's own (its sections). */
function sectionsOf(blocks: readonly Block[]): Block[][] {
  const sections: Block[][] = [];
  for (const block of blocks) {
    const starts = sections.length === 0 || (block.kind === "heading" && block.depth > 2);
    if (starts || block.kind === "fence") sections.push([block]);
    else sections[sections.length - 1].push(block);
  }
  return sections;
}

function hasFence(section: readonly Block[]): boolean {
  return section.some((b) => b.kind === "fence");
}

/** A section whole, or its heading with its table cut to fit; undefined when neither fits. */
function fitSection(section: Block[], room: number): { blocks?: Block[]; dropped: number } {
  if (serialize(section).length + 1 <= room) return { blocks: section, dropped: 0 };
  const [first, ...rest] = section;
  if (first.kind !== "heading" || rest.length !== 1) return { dropped: 0 };
  const { fitted, dropped } = fitBlock(rest[0], room - serialize([first]).length - 2);
  return fitted === undefined ? { dropped } : { blocks: [first, fitted], dropped };
}

/** Room kept in a cut table or list for the row that says how much was left out. */
const CUT_ROW_ROOM = 120;

/** A block cut to the rows or items that fit in `room`; undefined when nothing of it fits. */
function fitBlock(block: Block, room: number): { fitted?: Block; dropped: number } {
  const size = serialize([block]).length + 1;
  if (size <= room) return { fitted: block, dropped: 0 };
  if (block.kind === "list") {
    const items = fitRows(block.items, (rows) => ({ ...block, items: rows }), room - CUT_ROW_ROOM);
    const dropped = block.items.length - items.length;
    if (items.length === 0) return { dropped };
    return {
      fitted: { ...block, items: [...items, [text(`and ${dropped} more, left out`)]] },
      dropped,
    };
  }
  if (block.kind === "table") {
    const rows = fitRows(block.rows, (r) => ({ ...block, rows: r }), room - CUT_ROW_ROOM);
    const dropped = block.rows.length - rows.length;
    if (rows.length === 0) return { dropped };
    const more = [[text(`and ${dropped} more row(s), left out`)]];
    return { fitted: { ...block, rows: [...rows, more] }, dropped };
  }
  return { dropped: 0 };
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
