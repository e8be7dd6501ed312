import { describe, expect, it } from "vitest";
import { lowerBoundProblem, patternProblem } from "../../src/ast/server-limits.js";
import { wildcardParts } from "../../src/ast/factories.js";

const a = (n: number): string => "a".repeat(n);

// The same limits are checked against Lucene itself in test/lucene/automaton-limits.test.ts.
describe("patternProblem: what Lucene 8 cannot compile", () => {
  it.each([
    [`${a(1000)}*`, true],
    [`${a(1001)}*`, false],
    [`${"é".repeat(500)}*`, true],
    [`${"é".repeat(501)}*`, false],
    [`${a(999)}?`, true],
    [`${a(1000)}?`, false],
    [`${"😀".repeat(1000)}?`, false],
    [`?${a(998)}*b`, true],
    [`?${a(999)}*b`, false],
    [`*${a(5000)}?`, true],
    [`*x${"?".repeat(12)}`, true],
    [`*x${"?".repeat(13)}`, false],
    [`*é${"?".repeat(8)}`, true],
    [`*é${"?".repeat(9)}`, false],
    [`*${"?".repeat(40)}`, true],
  ])("%s compiles: %s", (pattern, compiles) => {
    expect(patternProblem(wildcardParts(pattern)) === undefined).toBe(compiles);
  });
});

describe("lowerBoundProblem", () => {
  it.each([
    [a(1000), true, true],
    [a(1001), true, false],
    [a(999), false, true],
    [a(1000), false, false],
    ["é".repeat(500), true, true],
    ["é".repeat(501), true, false],
  ])("lower bound %#, inclusive %s, compiles: %s", (value, inclusive, compiles) => {
    expect(lowerBoundProblem(value, inclusive) === undefined).toBe(compiles);
  });
});
