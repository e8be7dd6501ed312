import { defineConfig, type Options } from "tsup";

// The published build skips chevrotain's grammar self-checks (they cost start-up time); tests run them.
const define = { __SECUQ_BUILD__: "true" };
const common: Options = { target: "node20", sourcemap: true, define };

export default defineConfig([
  // ESM: one file per module, so that an application's bundler drops what it does not use (chevrotain with the
  // parser, when only the builder and serializer are imported).
  { ...common, entry: ["src/**/*.ts"], format: ["esm"], bundle: false, platform: "neutral", clean: true, dts: { entry: "src/index.ts" } },
  // CommonJS: one file. chevrotain 11 is ESM only and Node 20 before 20.19 cannot require() ESM, so it is inlined.
  {
    ...common,
    entry: { index: "src/index.ts" },
    format: ["cjs"],
    platform: "node",
    treeshake: true,
    dts: true,
    noExternal: [/^chevrotain$/, /^@chevrotain\//, /^lodash-es/, /^regexp-to-ast$/],
  },
]);
