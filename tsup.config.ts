import { defineConfig, type Options } from "tsup";

// The published build skips chevrotain's grammar self-checks (they cost start-up time); tests run them.
const define = { __SECUQ_BUILD__: "true" };
const common: Options = { target: "node20", sourcemap: true, define };
// chevrotain 11 and what it imports, carried inside the build (see src/syntax/chevrotain.ts).
const chevrotain = [/^chevrotain$/, /^@chevrotain\//, /^lodash-es/, /^regexp-to-ast$/];

export default defineConfig([
  // ESM: one file per module, so that an application's bundler drops what it does not use (the parser and
  // chevrotain, when only the builder and serializer are imported).
  {
    ...common,
    entry: ["src/**/*.ts", "!src/syntax/chevrotain.ts"],
    format: ["esm"],
    bundle: false,
    platform: "neutral",
    dts: { entry: "src/index.ts" },
  },
  // chevrotain, tree-shaken into one module that only the syntax modules import.
  { ...common, entry: { "syntax/chevrotain": "src/syntax/chevrotain.ts" }, format: ["esm"], platform: "neutral", treeshake: true, noExternal: chevrotain },
]);
// No CommonJS build: Node 20.19 and later require() this ESM build, so import and require share one copy of every
// class and instanceof works across them (a second, CommonJS copy would make two of each).
