import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Property tests run longer when SECUQ_PROPERTY_SCALE raises their budget (test/property-runs.ts); their time limit
// grows with it. The slowest unit test takes about 2 s at the default budget while both cores are busy elsewhere.
const scale = Number(process.env.SECUQ_PROPERTY_SCALE ?? 1);

// chevrotain runs with the lodash functions the published build carries in place of lodash (tsup.config.ts), so that
// every test reads queries the way the package does. chevrotain is transformed (inlined) so that the alias reaches
// its imports; `lodash-es/…` paths stay lodash's own, for the test that compares the two.
const lodashSubset = fileURLToPath(new URL("src/syntax/lodash-subset.ts", import.meta.url));
const resolve = { alias: [{ find: /^lodash-es$/, replacement: lodashSubset }] };
const server = { deps: { inline: [/chevrotain/] } };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          server,
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/lucene/**", "test/browser/**", "test/engine/**"],
          setupFiles: ["test/setup.ts"],
          testTimeout: 20_000 * Math.max(1, scale),
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
        },
      },
      {
        resolve,
        test: {
          server,
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          setupFiles: ["test/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
        test: {
          server,
          name: "lucene",
          include: ["test/lucene/**/*.test.ts"],
          setupFiles: ["test/setup.ts"],
          testTimeout: 300_000 * Math.max(1, scale),
          hookTimeout: 120_000,
        },
      },
      {
        resolve,
        test: {
          server,
          name: "engine",
          include: ["test/engine/**/*.test.ts"],
          setupFiles: ["test/setup.ts"],
          // About 25 texts a second through both servers on a busy machine: 2,000 texts per unit of scale.
          testTimeout: 300_000 * Math.max(1, scale),
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
