// Bundles the search box into dist/main.js with esbuild: one classic script, so the page also works from file://,
// with nothing fetched. `secuq` and `secuq/codemirror` are the sources of this repository.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Builds the page's script; returns its size in bytes. */
export async function buildSearchBox(): Promise<number> {
  const result = await build({
    entryPoints: [here("main.ts")],
    outfile: here("dist/main.js"),
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    alias: {
      secuq: here("../../src/index.ts"),
      "secuq/codemirror": here("../../src/complete/codemirror.ts"),
      // As the published build does (tsup.config.ts): chevrotain without its regular-expression analyser, with the
      // lodash functions it uses.
      "@chevrotain/regexp-to-ast": here("../../src/syntax/regexp-to-ast-stub.ts"),
      "lodash-es": here("../../src/syntax/lodash-subset.ts"),
    },
    define: { __SECUQ_BUILD__: "true" },
    logLevel: "warning",
    metafile: true,
  });
  return Object.values(result.metafile.outputs)[0]!.bytes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bytes = await buildSearchBox();
  console.log(`wrote examples/search-box/dist/main.js (${(bytes / 1024).toFixed(0)} KiB)`);
}
