import { defineConfig } from "vitest/config";

// Property tests run longer when SECUQ_PROPERTY_SCALE raises their budget (test/property-runs.ts); their time limit
// grows with it. The slowest unit test takes about 2 s at the default budget while both cores are busy elsewhere.
const scale = Number(process.env.SECUQ_PROPERTY_SCALE ?? 1);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/lucene/**"],
          setupFiles: ["test/setup.ts"],
          testTimeout: 20_000 * Math.max(1, scale),
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
        },
      },
      {
        test: {
          name: "lucene",
          include: ["test/lucene/**/*.test.ts"],
          setupFiles: ["test/setup.ts"],
          testTimeout: 300_000 * Math.max(1, scale),
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
