import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serialize } from "../../src/serialize/serialize.js";
import { tryParse, tryParseInSlices, tryParseWhole } from "../../src/syntax/parse.js";
import { flatQueryText, queryArb, queryLikeText } from "../arbitraries.js";

/** Long texts, valid and not: canonical queries and near-queries joined by operators, some of them wrong. */
const longText = fc
  .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: queryArb.map(serialize) }, { weight: 1, arbitrary: queryLikeText }), fc.constantFrom(" AND ", " OR ", " && ", " || ", " ", " AND NOT ", " OR OR ", " and ")), {
    minLength: 1,
    maxLength: 12,
  })
  .map((pairs) => pairs.map(([text, operator], i) => (i === pairs.length - 1 ? text : text + operator)).join(""));

const cutsArb = fc.record({
  sliceTokens: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant(Infinity)),
  chunkChars: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(Infinity)),
});

describe("reading long input in slices and chunks", () => {
  it("gives exactly the query and the diagnostics of a whole reading, whatever the sizes", () => {
    fc.assert(
      fc.property(fc.oneof(longText, flatQueryText), cutsArb, (text, cuts) => {
        expect(tryParseInSlices(text, cuts)).toEqual(tryParseWhole(text));
      }),
      { numRuns: 4000 },
    );
  });

  it.each([
    ['a:x AND b:"p AND q" AND c:z', 3],
    ["a:x AND g:a\\ AND\\ b OR c:z", 2],
    ["a:x AND d:/re AND x/ OR c:z", 4],
    ['a:x OR f:["x AND" TO z] AND c:z', 2],
    ['a:x AND c:"open AND b:y', 1],
  ])("%s: operators inside longer tokens are not cut (chunks of %i characters)", (text, chunkChars) => {
    expect(tryParseInSlices(text, { sliceTokens: Infinity, chunkChars })).toEqual(tryParseWhole(text));
  });

  it("reads a long query the same whichever way it is cut", () => {
    const text = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `a:${i}` : `NOT b:"v ${i}"`)).join(" OR ");
    const whole = tryParseWhole(text);
    expect(whole.query?.type).toBe("or");
    expect(tryParseInSlices(text, { sliceTokens: 10, chunkChars: Infinity })).toEqual(whole);
    expect(tryParseInSlices(text, { sliceTokens: Infinity, chunkChars: 50 })).toEqual(whole);
    expect(tryParse(text)).toEqual(whole);
  });
});
