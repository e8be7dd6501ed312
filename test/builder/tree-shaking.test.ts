import { build } from "esbuild";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Bundles a program that imports `names` from an entry of the package, as an application's bundler would. */
async function bundle(names: string, entry = "./src/index.ts"): Promise<string> {
  const result = await build({
    stdin: { contents: `import { ${names} } from "${entry}"; console.log(${names});`, resolveDir: root, loader: "ts" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    treeShaking: true,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("module boundaries", () => {
  it("a bundle that uses only q and serialize holds no parser and no chevrotain", async () => {
    const code = await bundle("q, serialize");
    expect(code).toContain("_exists_");
    expect(code).not.toMatch(/chevrotain|CstParser|createToken|performSelfAnalysis/);
  });

  it("the published ESM build (dist/, made by npm run build) shakes the same way", async () => {
    expect(existsSync(`${root}/dist/index.js`), "run npm run build first (npm test does)").toBe(true);
    const code = await bundle("q, serialize", "./dist/index.js");
    expect(code).not.toMatch(/chevrotain|CstParser|createToken|performSelfAnalysis/);
    expect(await bundle("parse", "./dist/index.js")).toMatch(/CstParser|performSelfAnalysis/);
  });

  it("a bundle that evaluates ASTs (compileQuery) holds no parser and no chevrotain", async () => {
    const code = await bundle("compileQuery");
    expect(code).toContain("ignoreCase");
    expect(code).not.toMatch(/chevrotain|CstParser|createToken|performSelfAnalysis/);
  });

  it("a bundle that uses parse holds chevrotain (so the check above can fail)", async () => {
    expect(await bundle("parse")).toMatch(/CstParser|performSelfAnalysis/);
  });
});
