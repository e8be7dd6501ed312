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

/** A block with the package's names pointing at the sources, written where the test runner can import it. */
function runnable(document: string, index: number, code: string): string {
  const rewritten = code
    .replaceAll('from "secuq/sandbox"', `from ${JSON.stringify(source("src/sandbox/index.ts"))}`)
    .replaceAll('from "secuq"', `from ${JSON.stringify(source("src/index.ts"))}`);
  mkdirSync(generated, { recursive: true });
  const file = new URL(`${document.replace(/\W/g, "-")}-${index}.ts`, generated);
  writeFileSync(file, `${rewritten}\nexport {};\n`);
  return fileURLToPath(file);
}

const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
afterAll(() => {
  log.mockRestore();
});

// Every example in these documents runs, as written, against the sources: the docs cannot drift from the code.
describe.each(["docs/client.md", "docs/sandbox.md"])("%s", (document) => {
  const blocks = examples(document);
  it("has examples", () => {
    expect(blocks.length).toBeGreaterThan(0);
  });
  it.each(blocks.map((code, index) => [index + 1, code] as const))("example %i runs", async (index, code) => {
    await import(runnable(document, index, code));
  });
});
