import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          setupFiles: ["test/setup.ts"],
          exclude: ["test/lucene/**"],
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
        },
      },
      {
        test: {
          name: "lucene",
          include: ["test/lucene/**/*.test.ts"],
          setupFiles: ["test/setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
