// lib/ keeps no module-level state: what the library remembers lives in the app's ledger
// (lib/private/ledger.ts), found through the construct tree, so two apps in one process never
// share it and two copies of the library see the same. Pure constant tables stay.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const LIB = resolve(__dirname, "..", "lib");

/** Every TypeScript source under lib/. */
function sources(dir = LIB): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.m?ts$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Constructors whose instances are state holders. */
const CONTAINERS = /^(?:Map|Set|WeakMap|WeakSet|Array|WeakRef)$/;
/** Methods that change an array, map or set in place. */
const MUTATORS =
  /^(?:push|pop|shift|unshift|splice|sort|reverse|fill|copyWithin|set|add|delete|clear)$/;

/** The module-level state in one file's source, as "<name>: <why>". */
export function moduleState(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const topLevel = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      const constant = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const declaration of statement.declarationList.declarations) {
        const name = declaration.name.getText(source);
        if (!constant) found.push(`${name}: a top-level let or var`);
        const init = declaration.initializer;
        // A ReadonlyMap or ReadonlySet (by its declared type) is a constant table.
        const readonlyType = /^Readonly/.test(declaration.type?.getText(source) ?? "");
        if (
          init &&
          !readonlyType &&
          ts.isNewExpression(init) &&
          CONTAINERS.test(init.expression.getText(source))
        ) {
          found.push(`${name}: a top-level new ${init.expression.getText(source)}`);
        }
        if (constant && ts.isIdentifier(declaration.name)) topLevel.add(name);
      }
    }
    if (ts.isClassDeclaration(statement)) {
      for (const member of statement.members) {
        if (!ts.isPropertyDeclaration(member)) continue;
        const modifiers = ts.getModifiers(member) ?? [];
        if (!modifiers.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
        const name = `${statement.name?.text}.${member.name.getText(source)}`;
        if (!modifiers.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword)) {
          found.push(`${name}: a static property that is not readonly`);
        }
        const init = member.initializer;
        if (init && ts.isNewExpression(init) && CONTAINERS.test(init.expression.getText(source))) {
          found.push(`${name}: a static new ${init.expression.getText(source)}`);
        }
      }
    }
  }
  const visit = (node: ts.Node): void => {
    const root = rootName(node);
    if (root && topLevel.has(root)) found.push(`${root}: changed at ${where(source, node)}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The top-level name a node changes in place, if it does: `x.push(…)`, `x[k] = …`, `x.a = …`. */
function rootName(node: ts.Node): string | undefined {
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const target = node.expression.expression;
    if (ts.isIdentifier(target) && MUTATORS.test(node.expression.name.text)) return target.text;
  }
  const assigned =
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
      ? node.left
      : ts.isDeleteExpression(node)
        ? node.expression
        : undefined;
  if (
    assigned &&
    (ts.isPropertyAccessExpression(assigned) || ts.isElementAccessExpression(assigned)) &&
    ts.isIdentifier(assigned.expression)
  ) {
    return assigned.expression.text;
  }
  return undefined;
}

function where(source: ts.SourceFile, node: ts.Node): string {
  return `line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
}

describe("module-level state in lib/", () => {
  it("finds a top-level let, a top-level or static Map, and a constant changed in place", () => {
    const text = [
      "let count = 0;",
      "const floors = new WeakMap<object, string>();",
      "const seen: string[] = [];",
      "export function note(x: string) { seen.push(x); }",
      "const TABLE = { a: 1 };",
      "export function bump() { TABLE.a = 2; }",
      "export class Cache { static hits = 0; static readonly byKey = new Map(); }",
      "const PURE = Object.freeze({ b: 2 });",
      "const LEVELS: ReadonlyMap<string, string> = new Map([['a', 'b']]);",
      "export function read() { const local = new Map(); local.set('a', PURE.b); return local; }",
    ].join("\n");
    expect(moduleState("x.ts", text)).toEqual([
      "count: a top-level let or var",
      "floors: a top-level new WeakMap",
      "Cache.hits: a static property that is not readonly",
      "Cache.byKey: a static new Map",
      "seen: changed at line 4",
      "TABLE: changed at line 6",
    ]);
  });

  it("has none: what the library remembers lives in the app's ledger", () => {
    const state = sources().flatMap((file) =>
      moduleState(file, readFileSync(file, "utf8")).map((s) => `${relative(LIB, file)}: ${s}`),
    );
    expect(state).toEqual([]);
  });
});
