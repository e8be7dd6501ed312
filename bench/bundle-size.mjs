// How much a browser application ships for secuq: bundles two programs with esbuild (minified, tree-shaken) and prints
// their gzip sizes. Exits with status 1 when a limit is exceeded. Run with `npm run bundle-size` (after a build).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
const programs = [
  // The printer prints every node the AST has, the server reading's fuzzy terms, regular expressions and slop too.
  { name: "build and print queries (q, serialize)", imports: "q, serialize", limitKiB: 6.5 },
  {
    name: "everything a search box needs (parse, validate, format, the builder, the schema, complete, highlight)",
    imports:
      "parse, tryParse, validate, format, q, serialize, smartTransactionSchema, smartTransactionQuery, " +
      "complete, highlight",
    // parse reads `reading: "server"` too: a port of the server's own parser (about 4 KiB).
    limitKiB: 62.5,
  },
  // A page shows diagnostics in its own elements (examples/search-box); printing them as text for a terminal or a
  // log adds printDiagnostics and the East Asian Width table (about 3 KiB), so that carets line up.
  {
    name: "the same, and diagnostics printed as text (printDiagnostics)",
    imports:
      "parse, tryParse, validate, format, q, serialize, smartTransactionSchema, smartTransactionQuery, " +
      "complete, highlight, printDiagnostics",
    limitKiB: 66.5,
  },
];

let failed = false;
for (const { name, imports, limitKiB } of programs) {
  const result = await build({
    stdin: {
      contents: `import { ${imports} } from "./dist/index.js"; globalThis.secuq = { ${imports} };`,
      resolveDir: root,
    },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const within = gzip <= limitKiB * 1024;
  failed ||= !within;
  console.log(
    `${within ? "ok  " : "OVER"} ${(gzip / 1024).toFixed(1).padStart(6)} KiB gzip ` +
      `(${(code.length / 1024).toFixed(1)} KiB minified), limit ${limitKiB} KiB: ${name}`,
  );
}
process.exitCode = failed ? 1 : 0;
