import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Query } from "../../src/ast/types.js";
import { walk } from "../../src/ast/walk.js";
import { serialize } from "../../src/serialize/serialize.js";
import { parseWithLocations } from "../../src/syntax/parse.js";
import { decodeWord } from "../../src/syntax/words.js";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";
import { validate } from "../../src/validate/validate.js";
import { queryArb, queryLikeText } from "../arbitraries.js";
import { runs } from "../property-runs.js";

const paths = [...schema.fields.keys()];
/** Queries over the schema's real fields (and some wrong ones), with hostile values. */
const schemaQueryArb = queryArb.map((query) => retarget(query));
function retarget(query: Query): Query {
  // The arbitrary's fields are a few fixed names; map them onto schema paths deterministically.
  return JSON.parse(JSON.stringify(query), (key, value: unknown) =>
    key === "field" && typeof value === "string"
      ? (paths[[...value].reduce((h, c) => h * 31 + c.charCodeAt(0), 7) % (paths.length + 5)] ?? `${value}x`)
      : value,
  ) as Query;
}

describe("validate with a schema", () => {
  it("never throws, and every diagnostic's span lies inside the text it refers to", () => {
    fc.assert(
      fc.property(fc.oneof(schemaQueryArb.map(serialize), queryLikeText), (text) => {
        const result = validate(text, { schema });
        for (const d of result.diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
          expect(d.span.start).toBeLessThanOrEqual(d.span.end);
        }
        expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === "error"));
      }),
      { numRuns: runs(2000) },
    );
  });

  it("gives the same result for an AST and for its canonical text", () => {
    fc.assert(
      fc.property(schemaQueryArb, (query) => {
        expect(validate(query, { schema }).diagnostics).toEqual(validate(serialize(query), { schema }).diagnostics);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe("locations", () => {
  it("point at each condition's field as written", () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        const text = serialize(query);
        const { query: parsed, locations } = parseWithLocations(text);
        walk(parsed!, (node) => {
          if (node.type !== "term" && node.type !== "range" && node.type !== "exists") return;
          const location = locations!.get(node)!;
          expect(location).toBeDefined();
          expect(decodeWord(text.slice(location.field.start, location.field.end)).text).toBe(node.field);
        });
      }),
      { numRuns: runs(1000) },
    );
  });
});
