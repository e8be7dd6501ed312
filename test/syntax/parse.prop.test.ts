import fc from "fast-check";
import { diagnosticCatalog } from "../../src/diagnostics/catalog.js";
import { describe, expect, it } from "vitest";
import { equals } from "../../src/ast/equals.js";
import * as ast from "../../src/ast/factories.js";
import type { Query } from "../../src/ast/types.js";
import { walk } from "../../src/ast/walk.js";
import { format } from "../../src/serialize/format.js";
import { serialize } from "../../src/serialize/serialize.js";
import { parse, tryParse } from "../../src/syntax/parse.js";
import { validate } from "../../src/validate/validate.js";
import { queryArb, queryLikeText } from "../arbitraries.js";
import { runs } from "../property-runs.js";

describe("properties", () => {
  it("a plain field:word is exactly the term the factories make (the parser's unchecked fast path)", () => {
    const plainField = fc
      .stringMatching(/^[a-zA-Z_][a-zA-Z0-9_.]{0,11}$/)
      .filter((f) => f !== "_exists_" && !/^(AND|OR|NOT)$/.test(f));
    const plainWord = fc
      .stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9._@#$%&=+<>-]{0,11}$/)
      .filter((w) => !/^(AND|OR|NOT)$/.test(w));
    fc.assert(
      fc.property(plainField, plainWord, (field, word) => {
        const text = `${field}:${word}`;
        const parsed = parse(text);
        const made = ast.term(field, ast.text(word, { word: true }), { start: 0, end: text.length });
        expect(parsed).toStrictEqual(made);
        expect(JSON.stringify(parsed)).toBe(JSON.stringify(made));
        expect(
          Object.isFrozen(parsed) &&
            parsed.type === "term" &&
            Object.isFrozen(parsed.value) &&
            Object.isFrozen(parsed.span),
        ).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });

  it("a plain field:pattern is exactly the term the factories make (the parser's unchecked fast path)", () => {
    const plainField = fc
      .stringMatching(/^[a-zA-Z_][a-zA-Z0-9_.]{0,11}$/)
      .filter((f) => f !== "_exists_" && !/^(AND|OR|NOT)$/.test(f));
    const plainPattern = fc
      .stringMatching(/^[a-zA-Z0-9*?][a-zA-Z0-9*?._@#$%&=+<>-]{0,11}$/)
      .filter((w) => /[*?]/.test(w) && w !== "*");
    fc.assert(
      fc.property(plainField, plainPattern, (field, word) => {
        const text = `${field}:${word}`;
        const parsed = parse(text);
        const parts = word
          .split(/([*?])/)
          .map((piece) => (piece === "*" ? ast.anyChars() : piece === "?" ? ast.oneChar() : ast.literal(piece)));
        const made = ast.term(field, ast.pattern(parts), { start: 0, end: text.length });
        expect(parsed).toStrictEqual(made);
        expect(JSON.stringify(parsed)).toBe(JSON.stringify(made));
        const value = parsed.type === "term" ? parsed.value : undefined;
        expect(
          value?.kind === "pattern" &&
            Object.isFrozen(value) &&
            Object.isFrozen(value.parts) &&
            value.parts.every(Object.isFrozen),
        ).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });

  it("a plain field:[a TO b] is exactly the range the factories make (the parser's unchecked fast path)", () => {
    const plainField = fc
      .stringMatching(/^[a-zA-Z_][a-zA-Z0-9_.]{0,11}$/)
      .filter((f) => f !== "_exists_" && !/^(AND|OR|NOT)$/.test(f));
    const plainBound = fc.oneof(
      fc.constant("*"),
      fc.stringMatching(/^[!#-)+-Z^-z|~]{1,8}$/).filter((b) => b !== "TO"),
    );
    fc.assert(
      fc.property(
        plainField,
        plainBound,
        plainBound,
        fc.boolean(),
        fc.boolean(),
        (field, low, high, minInclusive, maxInclusive) => {
          const text = `${field}:${minInclusive ? "[" : "{"}${low} TO ${high}${maxInclusive ? "]" : "}"}`;
          const parsed = parse(text);
          const bound = (value: string, inclusive: boolean) => (value === "*" ? null : { value, inclusive });
          const made = ast.range(field, bound(low, minInclusive), bound(high, maxInclusive), {
            start: 0,
            end: text.length,
          });
          expect(parsed).toStrictEqual(made);
          expect(JSON.stringify(parsed)).toBe(JSON.stringify(made));
          expect(
            Object.isFrozen(parsed) &&
              parsed.type === "range" &&
              [parsed.min, parsed.max, parsed.span].every((part) => part === null || Object.isFrozen(part)),
          ).toBe(true);
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it("parse(serialize(x)) equals x, words and phrases alike", () => {
    let words = 0;
    let phrases = 0;
    fc.assert(
      fc.property(queryArb, (query) => {
        const printed = serialize(query);
        const { query: reparsed, diagnostics } = tryParse(printed);
        expect(diagnostics).toEqual([]);
        expect(reparsed && equals(reparsed, query)).toBe(true);
        walk(query, (node) => {
          if (node.type === "term" && node.value.kind === "text") {
            if (node.value.word) words++;
            else if (!ast.isPlainTerm(node.value.text)) phrases++;
          }
        });
      }),
      { numRuns: runs(2000) },
    );
    // The generator reaches both ways of printing text that an analysed field would split.
    expect(words).toBeGreaterThan(runs(2000) / 10);
    expect(phrases).toBeGreaterThan(runs(2000) / 10);
  });

  it("serialize(parse(s)) is a fixed point, and format is idempotent", () => {
    fc.assert(
      fc.property(queryArb, queryLikeText, (query, text) => {
        const canonical = serialize(query);
        expect(format(canonical)).toBe(canonical);
        const parsed = tryParse(text).query;
        if (parsed) {
          const once = serialize(parsed);
          expect(format(once)).toBe(once);
        }
      }),
      { numRuns: runs(1000) },
    );
  });

  it("tryParse and validate never throw, report errors exactly when there is no query, and each mistake once", () => {
    fc.assert(
      fc.property(queryLikeText, (text) => {
        const { query, diagnostics } = tryParse(text);
        const hasError = diagnostics.some((d) => d.severity === "error");
        expect(hasError).toBe(query === undefined);
        for (const d of diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
          expect(d.span.start).toBeLessThanOrEqual(d.span.end);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.message).not.toBe("");
          // A fallback code means no rule named the mistake: none may be reached.
          expect(diagnosticCatalog[d.code].fallback).toBeUndefined();
          expect(d.severity).toBe(diagnosticCatalog[d.code].severity);
          for (const fix of d.fixes ?? []) {
            const edits = [...fix.edits].sort((x, y) => x.span.start - y.span.start);
            edits.forEach((edit, i) => {
              expect(edit.span.start).toBeGreaterThanOrEqual(i === 0 ? 0 : edits[i - 1]!.span.end);
              expect(edit.span.end).toBeLessThanOrEqual(text.length);
            });
          }
        }
        // Each mistake once: no two diagnostics alike.
        expect(new Set(diagnostics.map((d) => JSON.stringify(d))).size).toBe(diagnostics.length);
        expect(validate(text).ok).toBe(!hasError);
      }),
      { numRuns: runs(5000) },
    );
  });

  it("parsed queries are frozen all the way down", () => {
    fc.assert(
      fc.property(queryArb, (built) => {
        const query = parse(serialize(built));
        walk(query, (node: Query) => {
          expect(Object.isFrozen(node)).toBe(true);
          expect(node.span === undefined || Object.isFrozen(node.span)).toBe(true);
          if (node.type === "and" || node.type === "or") expect(Object.isFrozen(node.operands)).toBe(true);
          if (node.type === "term") expect(Object.isFrozen(node.value)).toBe(true);
        });
      }),
      { numRuns: runs(300) },
    );
  });

  it("spans of parsed nodes lie inside the source and nest", () => {
    fc.assert(
      fc.property(queryArb, (built) => {
        const source = serialize(built);
        const query = parse(source);
        const stack: { start: number; end: number }[] = [];
        walk(query, (node, depth) => {
          stack.length = depth;
          const span = node.span!;
          expect(span.start).toBeGreaterThanOrEqual(stack[depth - 1]?.start ?? 0);
          expect(span.end).toBeLessThanOrEqual(stack[depth - 1]?.end ?? source.length);
          stack.push(span);
        });
      }),
      { numRuns: runs(300) },
    );
  });
});
