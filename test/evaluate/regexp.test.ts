import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRegexp, RegexpError } from "../../src/evaluate/regexp.js";
import { runs } from "../property-runs.js";

describe("Lucene regular expressions, matched whole and in linear time", () => {
  it.each([
    ["appr.*", "approved", true],
    ["appr.*", "xapproved", false],
    ["a|b", "b", true],
    ["[a-c]+", "abcab", true],
    ["[^a-c]+", "xyz", true],
    ["[^a-c]+", "xaz", false],
    ["x{2,3}", "xxx", true],
    ["x{2,3}", "xxxx", false],
    ["x{2,}", "xxxxx", true],
    ["x{2}", "xx", true],
    ['"a.b"c', "a.bc", true],
    ["a\\.b", "a.b", true],
    ["a\\.b", "axb", false],
    ["~(ab)", "abc", true],
    ["~(ab)", "ab", false],
    ["a.*&.*b", "axxb", true],
    ["a.*&.*b", "axx", false],
    ["@", "anything", true],
    ["#|a", "a", true],
    ["()a", "a", true],
    ["<1-12>", "7", true],
    ["<1-12>", "13", false],
    ["<01-12>", "07", true],
    ["<01-12>", "7", false],
    ["", "", true],
    ["", "a", false],
    ["*", "*", true],
    ["😀.", "😀x", true],
    [".", "😀", true],
  ])("/%s/ on %s: %s", (source, text, matched) => {
    expect(compileRegexp(source)(text)).toBe(matched);
  });

  it.each(["[a", "(a", "a{2", "x{3,2}", "a\\", "<1-x>", "<name>", "a|"])("/%s/ does not compile", (source) => {
    expect(() => compileRegexp(source)).toThrow(RegexpError);
  });

  it("refuses an expression whose automaton passes 10,000 states, as Lucene does", () => {
    expect(() => compileRegexp(`.*x${".".repeat(20)}`)).toThrow(/more than 10000 states/);
  });

  it("reads a pattern that makes backtracking engines take exponential time in one pass", () => {
    const matcher = compileRegexp("(x+x+)+y");
    expect(matcher("x".repeat(50_000))).toBe(false);
    expect(matcher(`${"x".repeat(50_000)}y`)).toBe(true);
  });

  it("agrees with JavaScript's RegExp on the syntax both share", () => {
    interface Node {
      lucene: string;
      js: string;
    }
    const atom = fc.constantFrom<Node>(
      { lucene: "a", js: "a" },
      { lucene: "b", js: "b" },
      { lucene: ".", js: "[^]" },
      { lucene: "[ab]", js: "[ab]" },
      { lucene: "[^a]", js: "[^a]" },
    );
    const regex: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        atom,
        fc.tuple(tie("node"), tie("node")).map(([x, y]) => ({ lucene: x.lucene + y.lucene, js: x.js + y.js })),
        fc.tuple(tie("node"), tie("node")).map(([x, y]) => ({
          lucene: `(${x.lucene}|${y.lucene})`,
          js: `(?:${x.js}|${y.js})`,
        })),
        fc
          .tuple(tie("node"), fc.constantFrom("*", "+", "?", "{1,2}", "{2}"))
          .map(([x, q]) => ({ lucene: `(${x.lucene})${q}`, js: `(?:${x.js})${q}` })),
      ),
    })).node;
    const kinds = new Set<string>();
    fc.assert(
      fc.property(regex, fc.stringMatching(/^[abc]{0,8}$/), (node, text) => {
        for (const kind of ["|", "*", "+", "?", "{", "["]) if (node.lucene.includes(kind)) kinds.add(kind);
        expect(compileRegexp(node.lucene)(text), `/${node.lucene}/ on ${text}`).toBe(
          new RegExp(`^(?:${node.js})$`).test(text),
        );
      }),
      { numRuns: runs(500) },
    );
    expect(kinds.size).toBe(6);
  });
});
