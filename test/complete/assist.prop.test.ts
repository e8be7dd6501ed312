import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { complete, type CompletionKind } from "../../src/complete/complete.js";
import { highlight } from "../../src/complete/highlight.js";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";
import { SEPARATOR_CHARS } from "../../src/syntax/characters.js";
import { hostileString, queryLikeText } from "../arbitraries.js";
import { runs } from "../property-runs.js";

// Pieces of Smart Transaction queries being typed, cut anywhere: every context completion knows.
const typing = fc
  .array(
    fc.constantFrom(
      "status",
      "status:",
      "is_demo:",
      "basket_info.sum:",
      "created:",
      "status:(",
      "basket_info.sum",
      "customer.con",
      "surn",
      "created",
      ":",
      " ",
      "(",
      ")",
      "[",
      "{",
      "10",
      " TO ",
      "]",
      "}",
      "AND",
      "OR",
      "NOT",
      "!",
      "re",
      "an",
      '"',
      "_exists_",
      "*",
      ">=",
      "and",
      "\\",
      "^2",
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));
// Endings that open each kind of completion, after anything at all.
const endings = ["basket_info.sum:", "created:>", "status:re", "status:ok ", "surn", "_exists_:cust", "a:[1 TO 2 "];
const text = fc.oneof(
  typing,
  queryLikeText,
  hostileString(),
  fc.tuple(fc.oneof(typing, queryLikeText), fc.constantFrom(...endings)).map(([start, end]) => start + end),
);
const withCursor = text.chain((source) =>
  fc.tuple(fc.constant(source), fc.integer({ min: -2, max: source.length + 2 })),
);

describe("content assist, for any text", () => {
  it("complete never throws, and replaces a span around the cursor with some text", () => {
    const kinds = new Map<CompletionKind, number>();
    fc.assert(
      fc.property(withCursor, ([source, cursor]) => {
        const at = Math.max(0, Math.min(source.length, cursor));
        const wrong = complete(source, cursor, { schema }).filter((completion) => {
          kinds.set(completion.kind, (kinds.get(completion.kind) ?? 0) + 1);
          const { start, end } = completion.span;
          return (
            start > at ||
            end < at ||
            end > source.length ||
            completion.text === "" ||
            (completion.placeholders ?? []).some((p) => p.end > completion.text.length)
          );
        });
        expect(wrong).toEqual([]);
      }),
      { numRuns: runs(1500) },
    );
    // The generator reaches every kind of completion.
    for (const kind of ["field", "value", "operator", "keyword", "snippet"] as const)
      expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(runs(1500) / 300);
  });

  it("highlight never throws, and covers every character but whitespace once, in order", () => {
    let errors = 0;
    fc.assert(
      fc.property(text, (source) => {
        const covered = new Uint8Array(source.length);
        let end = 0;
        for (const { span, kind } of highlight(source)) {
          if (kind === "error") errors++;
          expect(span.start).toBeGreaterThanOrEqual(end);
          expect(span.end).toBeGreaterThan(span.start);
          covered.fill(1, span.start, span.end);
          end = span.end;
        }
        expect(end).toBeLessThanOrEqual(source.length);
        for (let i = 0; i < source.length; i++) if (!covered[i]) expect(SEPARATOR_CHARS).toContain(source[i]);
      }),
      { numRuns: runs(1500) },
    );
    expect(errors).toBeGreaterThan(runs(1500) / 20);
  });
});

describe("content assist, on a megabyte", () => {
  it("reads deep nesting, long runs and a long word without recursion or a quadratic walk", () => {
    const deep = `${"(".repeat(300_000)}status:re`;
    expect(complete(deep, deep.length, { schema })[0]!.text).toBe("received");
    expect(highlight(deep)).toHaveLength(300_000 + 3);
    const words = "x:y AND ".repeat(125_000);
    expect(complete(words, words.length, { schema }).length).toBeGreaterThan(10);
    const escaped = `a:${"\\\\".repeat(500_000)}^2`;
    expect(highlight(escaped).map((h) => h.kind)).toEqual(["field", "punctuation", "value", "error"]);
  });
});
