import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withinEdits } from "../../src/evaluate/fuzzy.js";
import { runs } from "../property-runs.js";

/** The optimal string alignment distance, the whole table: the reference the banded version is held to. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

describe("withinEdits: Lucene's fuzzy distance", () => {
  it.each([
    ["meier", "meier", 0, true],
    ["meier", "maier", 1, true],
    ["meier", "meeir", 1, true],
    ["meier", "mayer", 1, false],
    ["meier", "mayer", 2, true],
    ["ab", "", 2, true],
    ["😀a", "a😀", 1, true],
    ["müller", "muller", 1, true],
  ])("%s and %s within %i: %s", (a, b, edits, within) => {
    expect(withinEdits(a, b, edits)).toBe(within);
  });

  it("agrees with the full table for 0, 1 and 2 edits", () => {
    const word = fc.array(fc.constantFrom("a", "b", "c", "é", "😀"), { maxLength: 7 }).map((chars) => chars.join(""));
    fc.assert(
      fc.property(word, word, fc.constantFrom(0, 1, 2), (a, b, edits) => {
        expect(withinEdits(a, b, edits), `${a} ${b}`).toBe(distance(a, b) <= edits);
      }),
      { numRuns: runs(2000) },
    );
  });
});
