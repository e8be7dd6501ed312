import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The layers of src/, lowest first: a module imports only from its own layer or lower ones. Folders in one layer do
 * not import each other in a cycle, and only the syntax layer (and the few functions that accept query text) reach
 * the parser.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["ast"],
  ["diagnostics", "schema"],
  ["syntax"],
  ["serialize", "validate", "evaluate", "builder", "complete"],
  ["client", "sandbox"],
  ["cli", "index.ts"],
];
/** Modules above syntax/ that accept query text, and so parse it. */
const TEXT_FACADES = new Set(["serialize/format.ts", "validate/validate.ts", "evaluate/matches.ts"]);

const SRC = join(dirname(fileURLToPath(import.meta.url)), "../src");
const layerOf = (folder: string): number => LAYERS.findIndex((layer) => layer.includes(folder));
const folderOf = (file: string): string => file.split("/")[0]!;

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [relative(SRC, join(dir, entry.name))]
        : [],
  );
}

/** Every relative import of a module, as paths from src/, and its package imports. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(join(SRC, file), "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((match) => match[1]!);
  const local = specifiers
    .filter((s) => s.startsWith("."))
    .map((s) => normalize(join(dirname(file), s)).replace(/\.js$/, ".ts"));
  return { local, packages: specifiers.filter((s) => !s.startsWith(".")) };
}

const files = sourceFiles();

describe("the layers of src/", () => {
  it("every folder has a layer", () => {
    expect(files.map(folderOf).filter((folder) => layerOf(folder) === -1)).toEqual([]);
  });

  it("no import runs up a layer", () => {
    const upward = files.flatMap((file) =>
      importsOf(file)
        .local.filter((target) => layerOf(folderOf(target)) > layerOf(folderOf(file)))
        .map((target) => `${file} -> ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it("folders in one layer import each other without a cycle", () => {
    const edges = new Map<string, Set<string>>();
    for (const file of files) {
      for (const target of importsOf(file).local) {
        const [from, to] = [folderOf(file), folderOf(target)];
        if (from !== to && layerOf(from) === layerOf(to)) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      [...(edges.get(from) ?? [])].some(
        (next) => next === to || (!seen.has(next) && (seen.add(next), reaches(next, to, seen))),
      );
    expect([...edges.keys()].filter((folder) => reaches(folder, folder))).toEqual([]);
  });

  it("only syntax/ imports chevrotain, and above it only the text-accepting functions import syntax/'s parser", () => {
    expect(
      files.filter(
        (file) => folderOf(file) !== "syntax" && importsOf(file).packages.some((p) => p.startsWith("chevrotain")),
      ),
    ).toEqual([]);
    const parserUsers = files.filter(
      (file) =>
        layerOf(folderOf(file)) === layerOf("serialize") &&
        importsOf(file).local.some((target) => target === "syntax/parse.ts"),
    );
    expect(parserUsers.filter((file) => !TEXT_FACADES.has(file))).toEqual([]);
  });

  it("only the command and the sandbox use Node built-ins, and the main entry reaches neither", () => {
    const nodeUsers = files.filter((file) => importsOf(file).packages.some((name) => name.startsWith("node:")));
    expect(nodeUsers.every((file) => ["cli", "sandbox"].includes(folderOf(file)))).toBe(true);
    const reached = new Set<string>();
    const pending = ["index.ts"];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (reached.has(file)) continue;
      reached.add(file);
      pending.push(...importsOf(file).local);
    }
    expect(reached.has("client/client.ts") && reached.has("syntax/parse.ts")).toBe(true);
    expect([...reached].filter((file) => ["cli", "sandbox"].includes(folderOf(file)))).toEqual([]);
    // The editor adapters are entries of their own: the main entry never imports an editor.
    expect([...reached].filter((file) => /^complete\/(codemirror|monaco)\.ts$/.test(file))).toEqual([]);
    expect(reached.has("complete/complete.ts")).toBe(true);
  });

  it("client/ uses no Node built-in: it runs in browsers and edge runtimes", () => {
    const builtIns = files
      .filter((file) => folderOf(file) === "client")
      .flatMap((file) => importsOf(file).packages.filter((name) => name.startsWith("node:")));
    expect(files.some((file) => folderOf(file) === "client")).toBe(true);
    expect(builtIns).toEqual([]);
  });

  it("diagnostics/ uses only ast/", () => {
    const outside = files
      .filter((file) => folderOf(file) === "diagnostics")
      .flatMap((file) => importsOf(file).local.filter((target) => !["ast", "diagnostics"].includes(folderOf(target))));
    expect(outside).toEqual([]);
  });
});
