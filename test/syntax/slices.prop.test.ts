import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serialize } from "../../src/serialize/serialize.js";
import { tryParse, tryParseInSlices } from "../../src/syntax/parse.js";
import { queryArb, queryLikeText } from "../arbitraries.js";

/** Long texts, valid and not: canonical queries and near-queries joined by operators, some of them wrong. */
const longText = fc
  .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: queryArb.map(serialize) }, { weight: 1, arbitrary: queryLikeText }), fc.constantFrom(" AND ", " OR ", " && ", " || ", " ", " AND NOT ", " OR OR ", " and ")), {
    minLength: 1,
    maxLength: 12,
  })
  .map((pairs) => pairs.map(([text, operator], i) => (i === pairs.length - 1 ? text : text + operator)).join(""));

describe("reading a long group in slices", () => {
  it("gives exactly the query and the diagnostics of a whole reading, whatever the slice size", () => {
    fc.assert(
      fc.property(longText, fc.integer({ min: 1, max: 12 }), (text, size) => {
        expect(tryParseInSlices(text, size)).toEqual(tryParse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("is used for long valid queries", () => {
    const text = Array.from({ length: 300 }, (_, i) => `a:${i}`).join(" OR ");
    expect(tryParseInSlices(text, 10)).toEqual(tryParse(text));
    expect(tryParseInSlices(text, 10).query?.type).toBe("or");
  });
});
