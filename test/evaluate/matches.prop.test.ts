import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as ast from "../../src/ast/factories.js";
import type { Query } from "../../src/ast/types.js";
import { compileQuery } from "../../src/evaluate/compile.js";
import { defineSchema } from "../../src/schema/schema.js";
import { nestRecord, queryArb } from "../arbitraries.js";
import { meaning } from "../lucene/meaning.js";
import { runs } from "../property-runs.js";

// The arbitrary's fields, all plain text, so that ranges compare as the reference does (by code point).
const fields = ["a", "b", "status", "basket_info.sum", "customer.contact.surname"];
const schema = defineSchema({
  a: "keyword",
  b: "keyword",
  status: "keyword",
  basket_info: { sum: "keyword" },
  customer: { contact: { surname: "keyword" } },
});
const valueArb = fc.oneof(
  fc.constantFrom("x", "y", "xy", "x y", "AND", "*", "?", "é", "😀", "1000", "999", "a:b"),
  fc.string({ maxLength: 4 }),
);
const documentArb = fc.dictionary(fc.constantFrom(...fields), fc.array(valueArb, { minLength: 1, maxLength: 2 }), {
  maxKeys: 5,
});

const knownFields = queryArb.filter(
  (query) =>
    JSON.stringify(query)
      .match(/"field":"([^"]*)"/g)
      ?.every((f) => fields.some((name) => f === `"field":"${name}"`)) ?? true,
);
const test = (query: Query, document: Record<string, string[]>): boolean =>
  compileQuery(query, { ignoreCase: false, schema })(nestRecord(document));

describe("the evaluator", () => {
  it("agrees with the reference meaning on every query and document", () => {
    fc.assert(
      fc.property(knownFields, documentArb, (query, document) => {
        expect(test(query, document)).toBe(meaning(query, document));
      }),
      { numRuns: runs(3000) },
    );
  });

  it("obeys the laws of boolean logic", () => {
    fc.assert(
      fc.property(knownFields, knownFields, documentArb, (x, y, document) => {
        const is = (query: Query) => test(query, document);
        expect(is(ast.not(ast.not(x)))).toBe(is(x));
        expect(is(ast.not(ast.and([x, y])))).toBe(is(ast.or([ast.not(x), ast.not(y)])));
        expect(is(ast.not(ast.or([x, y])))).toBe(is(ast.and([ast.not(x), ast.not(y)])));
        expect(is(ast.and([x, y]))).toBe(is(ast.and([y, x])));
        expect(is(ast.or([x, x]))).toBe(is(x));
        expect(is(ast.and([x, ast.not(x)]))).toBe(false);
        expect(is(ast.or([x, ast.not(x)]))).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });

  // Values that meet each other often, in both cases: a set lookup that lost case or numbers would show.
  const caseVariants = fc.constantFrom("x", "X", "and", "AND", "1000", "1000.0", "é", "É", "a:b");

  it("an OR of exact values of one field (one set lookup) matches when any value matches", () => {
    let grouped = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fields), { minLength: 2, maxLength: 6 }),
        fc.array(caseVariants, { minLength: 6, maxLength: 6 }),
        fc.dictionary(fc.constantFrom(...fields), fc.array(caseVariants, { minLength: 1, maxLength: 2 }), {
          maxKeys: 5,
        }),
        fc.boolean(),
        (chosen, values, document, ignoreCase) => {
          const terms = chosen.map((field, i) => ast.term(field, ast.text(values[i]!)));
          if (chosen.some((field) => chosen.filter((other) => other === field).length >= 3)) grouped++;
          const record = nestRecord(document);
          const each = terms.some((term) => compileQuery(term, { ignoreCase, schema })(record));
          expect(compileQuery(ast.or(terms), { ignoreCase, schema })(record)).toBe(each);
        },
      ),
      { numRuns: runs(2000) },
    );
    // The generator reaches the grouping: three or more values of one field in one OR.
    expect(grouped).toBeGreaterThan(runs(2000) / 10);
  });

  // Letters whose lower case is another letter, another length (İ) or depends on its neighbours (Σ).
  const caseUnit = fc.constantFrom("a", "A", "b", "i", "I", "İ", "\u0307", "é", "É", "σ", "ς", "Σ", " ");
  const caseText = fc.oneof(fc.string({ maxLength: 5 }), fc.string({ unit: caseUnit, maxLength: 4 }));
  // A stored text that is often the query's text in another case.
  const valueAndStored = caseText.chain((value) =>
    fc.tuple(
      fc.constant(value),
      fc.oneof(caseText, fc.constantFrom(value.toUpperCase(), value.toLowerCase(), value.toLocaleUpperCase("tr"))),
    ),
  );

  it("ignoring case is matching the lower-cased query against lower-cased values", () => {
    let equalButCase = 0;
    fc.assert(
      fc.property(fc.constantFrom("a", "b.c"), valueAndStored, (field, [value, stored]) => {
        const query = ast.term(field, ast.text(value));
        const expected = value.toLowerCase() === stored.toLowerCase();
        if (expected && value !== stored) equalButCase++;
        expect(compileQuery(query)(nestRecord({ [field]: [stored] }))).toBe(expected);
      }),
      { numRuns: runs(2000) },
    );
    // The generator reaches texts equal only when case is ignored, not just unequal ones.
    expect(equalButCase).toBeGreaterThan(runs(2000) / 50);
  });
});
