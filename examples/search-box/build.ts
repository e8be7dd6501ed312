// Bundles the search boxes with esbuild: main.ts (CodeMirror) into dist/main.js and monaco.ts (Monaco) into
// dist/monaco.js and dist/monaco.css. Each is one classic script, so the pages also work from file://, with nothing
// fetched. `secuq`, `secuq/codemirror` and `secuq/monaco` are the sources of this repository.
import { build, type BuildOptions } from "esbuild";
import { fileURLToPath } from "node:url";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const common: BuildOptions = {
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  logLevel: "warning",
};

const secuq: BuildOptions = {
  ...common,
  alias: {
    secuq: here("../../src/index.ts"),
    "secuq/codemirror": here("../../src/complete/codemirror.ts"),
    "secuq/monaco": here("../../src/complete/monaco.ts"),
    // As the published build does (tsup.config.ts): chevrotain without its regular-expression analyser, with the
    // lodash functions it uses.
    "@chevrotain/regexp-to-ast": here("../../src/syntax/regexp-to-ast-stub.ts"),
    "lodash-es": here("../../src/syntax/lodash-subset.ts"),
  },
  define: { __SECUQ_BUILD__: "true" },
};

/** Builds both pages' scripts (and Monaco's stylesheet and fonts). */
export async function buildSearchBox(): Promise<void> {
  // Monaco's worker, carried inside the page's script as text: a page from the file system starts it from a blob.
  const worker = await build({ ...common, entryPoints: ["monaco-editor/editor/editor.worker"], write: false });
  await Promise.all([
    build({ ...secuq, entryPoints: [here("main.ts")], outfile: here("dist/main.js") }),
    build({
      ...secuq,
      entryPoints: [here("monaco.ts")],
      outfile: here("dist/monaco.js"),
      loader: { ".ttf": "file" },
      define: { ...secuq.define, EDITOR_WORKER: JSON.stringify(worker.outputFiles[0]!.text) },
    }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildSearchBox();
  console.log("wrote examples/search-box/dist/");
}
