import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serialize } from "../../src/serialize/serialize.js";
import { parseInGroups, parseWithLocations } from "../../src/syntax/parse.js";
import { queryArb, queryLikeText } from "../arbitraries.js";

/** Queries with parentheses, valid and not: canonical text, near-queries, and both wrapped and joined. */
const parenthesizedText = fc.oneof(
  queryArb.map(serialize),
  queryLikeText,
  fc
    .array(fc.oneof(queryArb.map(serialize), queryLikeText, fc.constantFrom("(", ")", "a:(", "NOT (", " AND ", " OR ", " ")), { maxLength: 8 })
    .map((parts) => parts.join("")),
);

describe("reading shallow nesting in one pass", () => {
  it("gives exactly the query, diagnostics and locations of reading group by group", () => {
    fc.assert(
      fc.property(parenthesizedText, (text) => {
        expect(parseWithLocations(text)).toStrictEqual(parseInGroups(text));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    "(NOT customer.contact.surname:meier*) AND (basket_info.sum:[3000 TO 4000] OR basket_info.sum:[5000 TO 6000])",
    "status:(accepted OR (received AND NOT x*))",
    "a:(b:c)",
    "(a:x OR NOT b:y AND c:z)",
    "((((a:x))))",
    "a:x AND ()",
    "(a:x",
    "a:x)",
    "(a:x b:y)",
  ])("%s", (text) => {
    expect(parseWithLocations(text)).toStrictEqual(parseInGroups(text));
  });
});
