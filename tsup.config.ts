import { defineConfig, type Options } from "tsup";

// The published build skips chevrotain's grammar self-checks (they cost start-up time); tests run them.
const define = { __SECUQ_BUILD__: "true" };
const common: Options = { target: "node20", platform: "node", sourcemap: true, treeshake: true, define };

export default defineConfig([
  { ...common, entry: { index: "src/index.ts" }, format: ["esm"], dts: true, clean: true },
  // chevrotain 11 is ESM only, and Node 20 before 20.19 cannot require() ESM: the CommonJS build carries its own copy.
  { ...common, entry: { index: "src/index.ts" }, format: ["cjs"], dts: true, noExternal: [/^chevrotain$/, /^@chevrotain\//, /^lodash-es/, /^regexp-to-ast$/] },
  { ...common, entry: { "cli/main": "src/cli/main.ts" }, format: ["esm"] },
]);
