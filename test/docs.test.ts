// Checks on docs/: the API reference is up to date, relative links resolve, and the TypeScript of
// the walkthrough is a program that type-checks and synthesizes against the real API.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it, vi } from "vitest";
import { listFiles } from "./support/files";
import { relativeLinks, withoutFences } from "./support/markdown";

// Compiles, spawns processes or synthesizes whole apps: slower than vitest's 5 s default.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ROOT = resolve(__dirname, "..");
const DOCS = join(ROOT, "docs");
const API = join(DOCS, "api");
/** Docs whose ```ts blocks, concatenated in order, form one complete CDKTF app. */
const PROGRAM_DOCS = ["guide.md", "composition.md", "policies.md", "networking.md"];
/** The package name the docs import from, mapped to the sources. */
const PACKAGE = "cdktf-acr-transfer";

const scratch = mkdtempSync(join(tmpdir(), "cdktf-acr-transfer-docs-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The top-level Markdown files of docs/. */
function docPages(): string[] {
  return readdirSync(DOCS)
    .filter((name) => name.endsWith(".md"))
    .sort();
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors a Markdown file offers, with GitHub's -1, -2 suffixes for repeats. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const match of withoutFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(match[1].replace(/`/g, ""));
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** The ```ts blocks of a Markdown file, in order. */
function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

describe("docs/api", () => {
  it("matches what typedoc generates from lib/ (run `npm run docs:api` when this fails)", () => {
    const fresh = join(scratch, "api");
    execFileSync(
      process.execPath,
      [
        join(ROOT, "node_modules", "typedoc", "bin", "typedoc"),
        "--out",
        fresh,
        "--logLevel",
        "Error",
      ],
      { cwd: ROOT, stdio: "pipe" },
    );
    const expected = listFiles(fresh);
    const actual = listFiles(API);
    expect(actual, "files in docs/api").toEqual(expected);
    const stale = expected.filter(
      (file) => readFileSync(join(fresh, file), "utf8") !== readFileSync(join(API, file), "utf8"),
    );
    expect(stale, "docs/api pages that differ from the generated ones").toEqual([]);
  });
});

describe("docs/*.md links", () => {
  for (const page of docPages()) {
    it(`${page}: every relative link points to an existing file (and heading)`, () => {
      const broken: string[] = [];
      for (const link of relativeLinks(readFileSync(join(DOCS, page), "utf8"))) {
        const [pathPart, fragment] = link.split("#", 2);
        const file = pathPart ? resolve(DOCS, decodeURIComponent(pathPart)) : join(DOCS, page);
        if (!existsSync(file)) {
          broken.push(`${link} (no file ${relative(ROOT, file)})`);
        } else if (
          fragment &&
          file.endsWith(".md") &&
          !anchors(readFileSync(file, "utf8")).has(fragment)
        ) {
          broken.push(`${link} (no heading #${fragment} in ${relative(ROOT, file)})`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});

describe("docs programs", () => {
  for (const page of PROGRAM_DOCS) {
    const source = tsBlocks(readFileSync(join(DOCS, page), "utf8")).join("\n");

    it(`${page}: the TypeScript blocks type-check as one program`, () => {
      // A file that does not exist on disk, placed in test/ so that imports resolve from the repo.
      const virtualFile = join(ROOT, "test", `__docs_${page.replace(/\W/g, "_")}.ts`);
      const options: ts.CompilerOptions = {
        ...readCompilerOptions(),
        noEmit: true,
        noUnusedLocals: false,
        baseUrl: ROOT,
        paths: { [PACKAGE]: ["lib/index.ts"] },
      };
      const host = ts.createCompilerHost(options);
      const getSourceFile = host.getSourceFile.bind(host);
      host.getSourceFile = (name, version, ...rest) =>
        resolve(name) === virtualFile
          ? ts.createSourceFile(name, source, version)
          : getSourceFile(name, version, ...rest);
      const fileExists = host.fileExists.bind(host);
      host.fileExists = (name) => resolve(name) === virtualFile || fileExists(name);
      const program = ts.createProgram([virtualFile], options, host);
      const errors = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      expect(errors).toEqual([]);
    });

    it(`${page}: the program synthesizes, with no SAS token in the output`, async () => {
      const outdir = join(scratch, `${page}.out`);
      const file = join(scratch, `${page}.ts`);
      writeFileSync(file, withResolvedImports(source));
      process.env.CDKTF_OUTDIR = outdir;
      try {
        await import(file);
      } finally {
        delete process.env.CDKTF_OUTDIR;
      }
      const stacks = listFiles(join(outdir, "stacks")).filter((f) => f.endsWith("cdk.tf.json"));
      expect(stacks.length).toBeGreaterThan(0);
      for (const stack of stacks) {
        expect(readFileSync(join(outdir, "stacks", stack), "utf8")).not.toMatch(/sig=/);
      }
    });
  }
});

/** Compiler options of the repo's tsconfig.json, for type-checking code outside lib/. */
function readCompilerOptions(): ts.CompilerOptions {
  const configPath = join(ROOT, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  // The build's rootDir and outDir do not apply to a program outside lib/.
  const { rootDir: _rootDir, outDir: _outDir, ...rest } = options;
  return rest;
}

/** Rewrites bare imports to absolute paths, so the program runs from a temporary folder. */
function withResolvedImports(source: string): string {
  const requireFromRoot = createRequire(join(ROOT, "package.json"));
  return source.replace(/from "([^"]+)"/g, (_, spec: string) => {
    const target = spec === PACKAGE ? join(ROOT, "lib", "index.ts") : requireFromRoot.resolve(spec);
    return `from ${JSON.stringify(target)}`;
  });
}

describe("docs/review.md", () => {
  it("shows as its sample what the review command prints for it (formatted as the docs are)", async () => {
    const { cli, synthExamples } = await import("./cli/support");
    const { format } = await import("prettier");
    const page = readFileSync(join(DOCS, "review.md"), "utf8");
    const [, target, plan, block] =
      /<!-- sample: review (\S+) --plan (\S+) -->\n\n````markdown\n([\s\S]*?)````/.exec(page)!;
    const outdir = synthExamples();
    try {
      const run = cli("review", target.replace(/^cdktf\.out/, outdir), "--plan", plan);
      expect(run.status).toBe(0);
      const formatted = (text: string) => format(text, { parser: "markdown" });
      expect(await formatted(block)).toBe(await formatted(run.stdout));
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
