import { describe, expect, it } from "vitest";
import { applyFix } from "../../src/diagnostics/fixes.js";
import { tryParse } from "../../src/syntax/parse.js";
import { validate } from "../../src/validate/validate.js";

/**
 * [source, code, start, end, reading, fixed]: the one warning the text gets, at the operator that makes it ambiguous,
 * saying what the server runs; and the query its fix (a guess: the author may mean either) gives.
 */
const warned: [string, string, number, number, string, string][] = [
  ["a:1 OR b:2 AND c:3", "ambiguous-precedence", 4, 6, "b:2 AND c:3; a:1 does not restrict", "a:1 OR (b:2 AND c:3)"],
  ["a:1 AND b:2 OR c:3", "ambiguous-precedence", 12, 14, "a:1 AND b:2; c:3 does not restrict", "(a:1 AND b:2) OR c:3"],
  ["NOT a:b OR c:d", "ambiguous-precedence", 8, 10, "c:d AND NOT a:b.", "(NOT a:b) OR c:d"],
  ["a:b OR !c:d", "ambiguous-precedence", 4, 6, "a:b AND !c:d.", "a:b OR (!c:d)"],
  ["NOT a:1 OR NOT b:2", "ambiguous-precedence", 8, 10, "NOT a:1 AND NOT b:2.", "(NOT a:1) OR (NOT b:2)"],
  [
    "x:1 AND (a:1 || b:2 && c:3)",
    "ambiguous-precedence",
    13,
    15,
    "b:2 AND c:3; a:1 does not restrict",
    "x:1 AND (a:1 || (b:2 && c:3))",
  ],
  [
    "status:(ok OR pending AND x)",
    "ambiguous-precedence",
    11,
    13,
    "pending AND x; ok does not restrict",
    "status:(ok OR (pending AND x))",
  ],
  ["a:x\u00a0y", "unusual-whitespace", 3, 4, "(U+00A0)", 'a:"x y"'],
];

describe("warnings", () => {
  it.each(warned)("%s", (source, code, start, end, reading, fixed) => {
    const { query, diagnostics } = tryParse(source);
    expect(query).toBeDefined();
    expect(diagnostics.map((d) => ({ severity: d.severity, code: d.code, span: d.span }))).toEqual([
      { severity: "warning", code, span: { start, end } },
    ]);
    expect(diagnostics[0]!.message).toContain(reading);
    expect(diagnostics[0]!.fixes!.map((fix) => [fix.safe, applyFix(source, fix)])).toEqual([[false, fixed]]);
    expect(tryParse(fixed).diagnostics).toEqual([]);
  });

  it("point at the conditions the server ignores", () => {
    const [warning] = tryParse("a:1 OR b:2 AND c:3").diagnostics;
    expect(warning!.related).toEqual([
      { message: "The server ignores this condition", span: { start: 0, end: 3 }, line: 1, column: 1 },
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
