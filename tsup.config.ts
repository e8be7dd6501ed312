import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";

// The published build skips chevrotain's grammar self-checks (they cost start-up time); tests run them.
const define = { __SECUQ_BUILD__: "true" };
// Source maps map stack traces to src/ by line; the sources themselves stay out of the package (they were two thirds
// of it).
const withoutSources: Options["esbuildOptions"] = (options) => {
  options.sourcesContent = false;
};
const common: Options = { target: "node20", sourcemap: true, define, esbuildOptions: withoutSources };
// chevrotain 11 and what it imports, carried inside the build (see src/syntax/chevrotain.ts), without its
// regular-expression analyser, which the published build never runs (src/syntax/regexp-to-ast-stub.ts), and with the
// 38 lodash functions it uses in place of lodash (src/syntax/lodash-subset.ts; the tests run with them too).
const chevrotain = [/^chevrotain$/, /^@chevrotain\//, /^lodash-es/, /^regexp-to-ast$/];
const eastAsianWidth = [/^get-east-asian-width$/];
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const chevrotainReplacements: Options["esbuildOptions"] = (options, context) => {
  withoutSources(options, context);
  options.alias = {
    "@chevrotain/regexp-to-ast": source("src/syntax/regexp-to-ast-stub.ts"),
    "lodash-es": source("src/syntax/lodash-subset.ts"),
  };
};

// ES modules only: Node 20.19 and later require() them, so import and require share one copy of every class and
// instanceof works across them (a CommonJS build would make a second copy of each).
export default defineConfig([
  // For bundlers (the `default` export condition): one file per module, so that an application's bundler drops what
  // it does not use (the parser and chevrotain, when only the builder and serializer are imported).
  {
    ...common,
    entry: [
      "src/**/*.ts",
      "!src/syntax/chevrotain.ts",
      "!src/syntax/regexp-to-ast-stub.ts",
      "!src/syntax/lodash-subset.ts",
      "!src/diagnostics/east-asian-width.ts",
      "!src/cli/**",
      "!src/sandbox/**",
    ],
    format: ["esm"],
    bundle: false,
    platform: "neutral",
    dts: {
      entry: {
        index: "src/index.ts",
        "sandbox/index": "src/sandbox/index.ts",
        "complete/codemirror": "src/complete/codemirror.ts",
        "complete/monaco": "src/complete/monaco.ts",
      },
    },
  },
  // chevrotain, tree-shaken into one module that only the syntax modules import.
  {
    ...common,
    entry: { "syntax/chevrotain": "src/syntax/chevrotain.ts" },
    format: ["esm"],
    platform: "neutral",
    treeshake: true,
    noExternal: chevrotain,
    esbuildOptions: chevrotainReplacements,
  },
  // get-east-asian-width, carried inside the build the same way: the package has no dependencies.
  {
    ...common,
    entry: { "diagnostics/east-asian-width": "src/diagnostics/east-asian-width.ts" },
    format: ["esm"],
    platform: "neutral",
    treeshake: true,
    noExternal: eastAsianWidth,
  },
  // For Node (the `node` export condition) and the command: bundled, because Node loads one module much faster than
  // fifty (import and first parse: about 55 ms instead of 95; docs/performance.md). Not minified: Node prints the line
  // an uncaught error was thrown on, and a stack names functions and classes, which must stay readable. Not with
  // esbuild's keepNames either: it wraps every closure as it is made, which made parsing three times slower.
  // The library and the command share their code through one chunk.
  {
    ...common,
    entry: { index: "src/index.ts", cli: "src/cli/main.ts", sandbox: "src/sandbox/index.ts" },
    outDir: "dist/node",
    format: ["esm"],
    platform: "node",
    splitting: true,
    treeshake: true,
    noExternal: [...chevrotain, ...eastAsianWidth],
    esbuildOptions: chevrotainReplacements,
  },
]);
