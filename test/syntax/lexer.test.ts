import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Lexer } from "../../src/syntax/chevrotain.js";
import { createLexer } from "../../src/syntax/lexer.js";
import { lexerDefinition } from "../../src/syntax/tokens.js";
import { hostileString, queryLikeText } from "../arbitraries.js";
import { runs } from "../property-runs.js";

const lex = (source: string): string[] =>
  createLexer({ ensureOptimizations: true })
    .tokenize(source)
    .tokens.map((token) => `${token.tokenType.name}(${token.image})`);

describe("lexer", () => {
  it("keeps chevrotain's first-character optimisations (ensureOptimizations)", () => {
    expect(() => createLexer({ ensureOptimizations: true })).not.toThrow();
  });

  it("tokenizes exactly as a lexer without first-character optimisation (the start-character hints are right)", () => {
    const lexer = createLexer();
    const reference = new Lexer(lexerDefinition, { positionTracking: "onlyOffset", safeMode: true });
    fc.assert(
      fc.property(
        fc.oneof(
          queryLikeText,
          hostileString(),
          fc.string({ unit: "binary" }),
          fc.string({ unit: "binary" }).map((s) => `a:[${s} TO ${s}]`),
        ),
        (source) => {
          expect(lexer.tokenize(source)).toStrictEqual(reference.tokenize(source));
        },
      ),
      { numRuns: runs(1000) },
    );
  });

  it.each([
    ["ORDER AND NOTE", ["Word(ORDER)", "And(AND)", "Word(NOTE)"]],
    ["TOTAL OR ANDROID", ["Word(TOTAL)", "Or(OR)", "Word(ANDROID)"]],
    ["NOT(a)", ["Not(NOT)", "LParen(()", "Word(a)", "RParen())"]],
    ["a && b || c", ["Word(a)", "And(&&)", "Word(b)", "Or(||)", "Word(c)"]],
    ["&&c", ["Word(&&c)"]],
    ["TO", ["Word(TO)"]],
    ["[TO TO TOP]", ["LBracket([)", "RangeTo(TO)", "RangeTo(TO)", "RangeBound(TOP)", "RBracket(])"]],
    ["[a\tTO b]", ["LBracket([)", "RangeBound(a\tTO)", "RangeBound(b)", "RBracket(])"]],
    ["[\ta TO b ]", ["LBracket([)", "RangeBound(\ta)", "RangeTo(TO)", "RangeBound(b)", "RBracket(])"]],
    ['["a\\" b" TO c}', ["LBracket([)", 'RangeQuoted("a\\" b")', "RangeTo(TO)", "RangeBound(c)", "RBrace(})"]],
    ["a:x-y", ["Word(a)", "Colon(:)", "Word(x-y)"]],
    ["-x", ["Minus(-)", "Word(x)"]],
    ["!x", ["Bang(!)", "Word(x)"]],
    ["x\\ y\\:z", ["Word(x\\ y\\:z)"]],
    ["a\u00a0b c\u3000d", ["Word(a\u00a0b)", "Word(c)", "Word(d)"]],
    ['"a\\"b"', ['Quoted("a\\"b")']],
    ["/a\\/b/", ["Regex(/a\\/b/)"]],
  ])("%j", (source, tokens) => {
    expect(lex(source)).toEqual(tokens);
  });
});

describe("the published build's lexer", () => {
  // The published build carries chevrotain without its regular-expression analyser (tsup.config.ts), which
  // chevrotain would need for a pattern that does not say which characters can start it.
  it("needs no regular-expression analysis: every pattern is a string or says its start characters", () => {
    const tokens = Object.values(lexerDefinition.modes).flat();
    const unhinted = tokens.filter(
      (token) => token.PATTERN instanceof RegExp && !Array.isArray(token.START_CHARS_HINT),
    );
    expect(unhinted.map((token) => token.name)).toEqual([]);
  });
});
