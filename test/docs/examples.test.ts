import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";

const root = new URL("../../", import.meta.url);
const generated = new URL("test/docs/.generated/", root);
const source = (path: string): string => fileURLToPath(new URL(path, root));

/** The fenced TypeScript blocks of a document. */
function examples(document: string): string[] {
  const text = readFileSync(new URL(document, root), "utf8");
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

// `expression; // result` on one line: the result is checked. A JavaScript literal (a string in quotes, a number,
// true, false, an array of strings) is compared as a value; after `String(…)` the comment is the text itself, less a note in
// parentheses after two spaces or more. `// compile error: …` marks a line that must not type-check, and throws.
const RESULT_LINE = /^(?<code>[\w$"'([][^/\n]*\S);[ ]*\/\/ (?<result>.+)$/;
const LITERAL =
  /^(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?|true|false|\[(?:"(?:[^"\\]|\\.)*"(?:, )?)*\])$/;

/** The line with its stated result turned into a check, or as it was. */
function checked(line: string): string {
  const match = RESULT_LINE.exec(line);
  if (!match?.groups) return line;
  const { code, result } = match.groups as { code: string; result: string };
  if (result.startsWith("compile error")) return `__expectThrows(() => { ${code}; }, ${JSON.stringify(line)});`;
  if (LITERAL.test(result)) return `__expectEqual(${code}, ${result}, ${JSON.stringify(line)});`;
  if (code.startsWith("String(")) {
    const text = result.replace(/\s{2,}\(.*\)$/, "");
    return `__expectEqual(${code}, ${JSON.stringify(text)}, ${JSON.stringify(line)});`;
  }
  return line;
}

/** A block with the package's names pointing at the sources, written where the test runner can import it. */
function runnable(document: string, index: number, code: string): string {
  const rewritten = code
    .replaceAll('from "secuq/sandbox"', `from ${JSON.stringify(source("src/sandbox/index.ts"))}`)
    .replaceAll('from "secuq/codemirror"', `from ${JSON.stringify(source("src/complete/codemirror.ts"))}`)
    .replaceAll('from "secuq/monaco"', `from ${JSON.stringify(source("src/complete/monaco.ts"))}`)
    .replaceAll('from "secuq"', `from ${JSON.stringify(source("src/index.ts"))}`)
    .split("\n")
    .map(checked)
    .join("\n");
  mkdirSync(generated, { recursive: true });
  const file = new URL(`${document.replace(/\W/g, "-")}-${index}.ts`, generated);
  writeFileSync(file, `${rewritten}\nexport {};\n`);
  return fileURLToPath(file);
}

let checks = 0;
Object.assign(globalThis, {
  __expectEqual: (actual: unknown, expected: unknown, line: string) => {
    checks++;
    expect(actual, line).toEqual(expected);
  },
  __expectThrows: (run: () => unknown, line: string) => {
    checks++;
    expect(run, line).toThrow();
  },
});

const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
afterAll(() => {
  log.mockRestore();
});

// Every example in these documents runs, as written, against the sources: the docs cannot drift from the code.
describe.each([
  "README.md",
  "docs/assist.md",
  "docs/builder.md",
  "docs/client.md",
  "docs/sandbox.md",
  "docs/validation.md",
])("%s", (document) => {
  const blocks = examples(document);
  it("has examples", () => {
    expect(blocks.length).toBeGreaterThan(0);
  });
  it.each(blocks.map((code, index) => [index + 1, code] as const))("example %i runs", async (index, code) => {
    await import(runnable(document, index, code));
  });
});

it("checks the results the examples state", () => {
  expect(checks).toBeGreaterThanOrEqual(20);
});
