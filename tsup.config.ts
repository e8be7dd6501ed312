import { defineConfig } from "tsup";

// The published build skips chevrotain's grammar self-checks (they cost start-up time); tests run them.
const define = { __SECUQ_BUILD__: "true" };

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    target: "node20",
    platform: "node",
    sourcemap: true,
    clean: true,
    treeshake: true,
    define,
  },
  {
    entry: { "cli/main": "src/cli/main.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    sourcemap: true,
    define,
  },
]);
