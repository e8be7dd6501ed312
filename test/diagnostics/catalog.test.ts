import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diagnosticCatalog, type DiagnosticCode } from "../../src/diagnostics/catalog.js";
import { secuq } from "../cli/secuq.js";
import { applyFix } from "../../src/diagnostics/fixes.js";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";
import { validate } from "../../src/validate/validate.js";
import { EXAMPLES, INPUT_EXAMPLES } from "./examples.js";
import { check, validationDocs } from "./validation-docs.js";

const codes = Object.keys(diagnosticCatalog) as DiagnosticCode[];

describe("the diagnostic catalog", () => {
  it("has one example for every code but the fallbacks, and none for a code it lacks", () => {
    const exampled = [...EXAMPLES, ...INPUT_EXAMPLES].map((example) => example.code);
    expect(new Set(exampled).size).toBe(exampled.length);
    expect(exampled.sort()).toEqual(codes.filter((code) => !diagnosticCatalog[code].fallback).sort());
  });

  it("docs/validation.md is made from it (npm run docs:validation)", () => {
    expect(readFileSync(new URL("../../docs/validation.md", import.meta.url), "utf8")).toBe(validationDocs());
  });
});

describe("each code at the mistake, with fixes that fix it", () => {
  it.each(EXAMPLES.map((example) => [example.source, example] as const))("%s", (_, example) => {
    const { diagnostics, suggestion } = check(example);
    const found = diagnostics.filter((d) => d.code === example.code);
    expect(found).toHaveLength(1);
    const [diagnostic] = found;
    expect(diagnostic!.severity).toBe(diagnosticCatalog[example.code].severity);
    expect(example.source.slice(diagnostic!.span.start, diagnostic!.span.end)).toBe(example.at);
    expect(diagnostic!.message.length).toBeGreaterThan(10);
    const offered = (diagnostic!.fixes ?? []).map((fix) => ({ safe: fix.safe, text: applyFix(example.source, fix) }));
    expect(offered).toEqual(example.fixes);
    if (example.kind !== undefined) return;
    // Each fix leaves a query without this problem; a safe fix, one without errors.
    for (const { safe, text } of offered) {
      const again = validate(text, { schema, ...example.options }).diagnostics;
      expect(again.filter((d) => d.code === example.code)).toEqual([]);
      if (safe) expect(again.filter((d) => d.severity === "error")).toEqual([]);
    }
    // The corrected query is the safe fix, for an error that has one.
    const safe = offered.find((fix) => fix.safe);
    if (diagnostic!.severity === "error" && safe) expect(suggestion).toBe(safe.text);
  });

  it.each(EXAMPLES.filter((example) => !example.kind && !example.options).map((e) => [e.source, e] as const))(
    "secuq validate %s points at the mistake",
    async (_, example) => {
      const { stdout } = await secuq(["validate", "--", example.source]);
      const diagnostic = check(example).diagnostics.find((d) => d.code === example.code)!;
      const head = `${diagnostic.severity} ${example.code} at line ${diagnostic.line}, column ${diagnostic.column}:`;
      expect(stdout).toContain(head);
      // The caret line under it starts where the mistake does.
      const lines = stdout.split("\n");
      const carets = lines[lines.findIndex((line) => line.startsWith(head)) + 2]!;
      expect(carets.indexOf("^") - "  | ".length).toBe(diagnostic.column - 1);
    },
  );

  it.each(INPUT_EXAMPLES.map((example) => [example.shown, example] as const))("%s", (_, example) => {
    expect(validate(example.input as string).diagnostics.map((d) => d.code)).toEqual([example.code]);
  });
});
