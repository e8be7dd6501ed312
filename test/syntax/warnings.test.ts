import { describe, expect, it } from "vitest";
import { tryParse } from "../../src/syntax/parse.js";
import { validate } from "../../src/validate/validate.js";

/** [source, code, start, end, fix] of the one warning the text gets. */
const warned: [string, string, number, number, string | undefined][] = [
  ["a:1 OR b:2 AND c:3", "ambiguous-precedence", 0, 18, "a:1 OR (b:2 AND c:3)"],
  ["a:1 AND b:2 OR c:3", "ambiguous-precedence", 0, 18, "(a:1 AND b:2) OR c:3"],
  ["NOT a:b OR c:d", "ambiguous-precedence", 0, 14, "(NOT a:b) OR c:d"],
  ["a:b OR !c:d", "ambiguous-precedence", 0, 11, "a:b OR (!c:d)"],
  ["x:1 AND (a:1 || b:2 && c:3)", "ambiguous-precedence", 9, 26, "a:1 || (b:2 && c:3)"],
  ["status:(ok OR pending AND x)", "ambiguous-precedence", 8, 27, "ok OR (pending AND x)"],
  ["a:x\u00a0y", "unusual-whitespace", 2, 5, undefined],
];

describe("warnings", () => {
  it.each(warned)("%s", (source, code, start, end, fix) => {
    const { query, diagnostics } = tryParse(source);
    expect(query).toBeDefined();
    expect(diagnostics.map((d) => ({ severity: d.severity, code: d.code, span: d.span, fix: d.fix }))).toEqual([
      { severity: "warning", code, span: { start, end }, fix },
    ]);
  });

  it.each([
    "a:1 OR (b:2 AND c:3)",
    "(a:1 AND b:2) OR c:3",
    "(NOT a:b) OR c:d",
    "NOT a:b AND c:d",
    "a:1 AND NOT b:2 AND c:3",
    "a:1 OR b:2 OR c:3",
    "NOT (a:1 OR b:2)",
  ])("%s has none", (source) => {
    expect(tryParse(source).diagnostics).toEqual([]);
  });

  it("leave the query valid unless strict", () => {
    expect(validate("a:1 OR b:2 AND c:3").ok).toBe(true);
    expect(validate("a:1 OR b:2 AND c:3", { strict: true }).ok).toBe(false);
    expect(validate("a:1 OR b:2 AND c:3", { strict: true }).query).toBeDefined();
  });
});
