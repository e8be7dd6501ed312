import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as ast from "../../src/ast/factories.js";
import { equals } from "../../src/ast/equals.js";
import type { PatternPart, Query } from "../../src/ast/types.js";
import { q } from "../../src/builder/builder.js";
import { tryParse } from "../../src/syntax/parse.js";
import { fieldArb, hostileString } from "../arbitraries.js";
import { runs } from "../property-runs.js";

/** What `matches(pattern)` must mean: `*` and `?` wildcards, every other character literal. */
function intendedPattern(field: string, pattern: string): Query {
  const parts: PatternPart[] = [...pattern].map((c) =>
    c === "*" ? ast.anyChars() : c === "?" ? ast.oneChar() : ast.literal(c),
  );
  if (!parts.some((p) => p.kind !== "literal")) return ast.term(field, ast.text(pattern));
  if (parts.every((p) => p.kind === "anyChars")) return ast.exists(field);
  return ast.term(field, ast.pattern(parts));
}

/** Reads the printed text back: it must be exactly one clause, the intended one, with no diagnostic at all. */
function readBack(printed: string): Query | undefined {
  const { query, diagnostics } = tryParse(printed);
  expect(diagnostics).toEqual([]);
  return query;
}

describe("no value can change the structure of a built query", () => {
  it("is(value) prints a text that parses back to exactly field:value", () => {
    fc.assert(
      fc.property(fieldArb, hostileString(), (field, value) => {
        const read = readBack(String(q.field(field).is(value)));
        expect(read && equals(read, ast.term(field, ast.text(value)))).toBe(true);
      }),
      { numRuns: runs(3000) },
    );
  });

  it("matches(pattern) prints a text that parses back to exactly the pattern, with only * and ? as wildcards", () => {
    fc.assert(
      fc.property(fieldArb, hostileString(), (field, pattern) => {
        const read = readBack(String(q.field(field).matches(pattern)));
        expect(read && equals(read, intendedPattern(field, pattern))).toBe(true);
      }),
      { numRuns: runs(3000) },
    );
  });

  it("between(a, b) prints one range with exactly those bounds", () => {
    const boundValue = hostileString({ minLength: 1 }).filter((v) => v !== "*");
    fc.assert(
      fc.property(
        fieldArb,
        boundValue,
        boundValue,
        fc.boolean(),
        fc.boolean(),
        (field, min, max, minInclusive, maxInclusive) => {
          const read = readBack(String(q.field(field).between(min, max, { minInclusive, maxInclusive })));
          expect(
            read && equals(read, ast.range(field, ast.bound(min, minInclusive), ast.bound(max, maxInclusive))),
          ).toBe(true);
        },
      ),
      { numRuns: runs(2000) },
    );
  });

  it("values inside a combined query stay inside their own clause", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fieldArb, hostileString()), { minLength: 2, maxLength: 5 }), (pairs) => {
        const built = q.or(...pairs.map(([field, value]) => q.field(field).is(value).not()));
        const read = readBack(String(built));
        expect(read && equals(read, built.toQuery())).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });
});
