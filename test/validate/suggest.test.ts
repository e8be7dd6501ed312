import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smartTransactionSchema } from "../../src/schema/smart-transaction-schema.js";
import { distanceWithin, suggest } from "../../src/validate/suggest.js";
import { runs } from "../property-runs.js";

/** The whole table of the optimal string alignment distance, as the textbook writes it: the reference. */
function referenceDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, table[i - 2]![j - 2]! + 1);
      table[i]![j] = best;
    }
  }
  return table[a.length]![b.length]!;
}

describe("distanceWithin", () => {
  // Short words over a small alphabet, so that transpositions, near misses and far misses all come up.
  const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "."), maxLength: 9 });

  it("is the edit distance when within the bound, and one over the bound otherwise", () => {
    const seen = { within: 0, over: 0, lengthsApart: 0 };
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const expected = Math.min(referenceDistance(a, b), max + 1);
        expect(distanceWithin(a, b, max)).toBe(expected);
        if (Math.abs(a.length - b.length) > max) seen.lengthsApart++;
        else if (expected > max) seen.over++;
        else seen.within++;
      }),
      { numRuns: runs(2000) },
    );
    // The generator reaches each way out: within the bound, over it in the band, and not compared at all.
    expect(Math.min(seen.within, seen.over, seen.lengthsApart)).toBeGreaterThan(runs(2000) / 20);
  });

  it("is the whole edit distance when the bound is the longer length", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(distanceWithin(a, b, Math.max(a.length, b.length))).toBe(referenceDistance(a, b));
      }),
      { numRuns: runs(500) },
    );
  });

  it("compares a long word with short ones without reading it", () => {
    expect(distanceWithin("x".repeat(100_000), "status", 3)).toBe(4);
  });
});

describe("suggest against the Smart Transaction schema", () => {
  it.each([
    ["basket_info.summ", "basket_info.sum"],
    ["custmer.contact.surname", "customer.contact.surname"],
    ["merchnt.id", "merchant.id"],
  ])("%s suggests %s first", (typo, nearest) => {
    expect(suggest(typo, smartTransactionSchema.fields.keys())[0]).toBe(nearest);
  });
});
