import { describe, expect, it } from "vitest";
import * as ast from "../../src/ast/factories.js";
import { equals } from "../../src/ast/equals.js";
import { walk } from "../../src/ast/walk.js";
import { InvalidQueryError } from "../../src/ast/errors.js";

const a = ast.term("a", ast.text("1"));
const b = ast.term("b", ast.text("2"));
const c = ast.term("c", ast.text("3"));

describe("factories", () => {
  it("flatten nested AND and OR", () => {
    expect(ast.and([ast.and([a, b]), c]).operands).toEqual([a, b, c]);
    expect(ast.or([a, ast.or([b, c])]).operands).toEqual([a, b, c]);
    expect(ast.and([ast.or([a, b]), c]).operands).toHaveLength(2);
  });

  it("freeze every node, array and value", () => {
    const query = ast.and([
      ast.not(a),
      ast.range("r", ast.bound("1"), null),
      ast.term("p", ast.pattern([ast.literal("x"), ast.anyChars()])),
    ]);
    walk(query, (node) => {
      expect(Object.isFrozen(node)).toBe(true);
      if ("operands" in node) expect(Object.isFrozen(node.operands)).toBe(true);
      if (node.type === "term") expect(Object.isFrozen(node.value)).toBe(true);
      if (node.type === "range") expect(Object.isFrozen(node.min)).toBe(true);
    });
    expect(() => {
      (query as { type: string }).type = "or";
    }).toThrow(TypeError);
  });

  it("merge adjacent literals and drop empty ones in patterns", () => {
    expect(ast.pattern([ast.literal("a"), ast.literal(""), ast.literal("b"), ast.oneChar()]).parts).toEqual([
      { kind: "literal", text: "ab" },
      { kind: "oneChar" },
    ]);
  });

  it.each([
    ["an AND with one operand", () => ast.and([a])],
    ["an OR with no operand", () => ast.or([])],
    ["an empty field", () => ast.term("", ast.text("x"))],
    ["a field with a wildcard", () => ast.exists("a*")],
    ["_exists_ as a field", () => ast.term("_exists_", ast.text("x"))],
    ["a pattern with no wildcard", () => ast.pattern([ast.literal("x")])],
    ["a pattern that is only *", () => ast.pattern([ast.anyChars()])],
    ["a bound of *", () => ast.bound("*")],
    ["an empty bound", () => ast.bound("")],
    ["a lone surrogate", () => ast.text("\uD800")],
    ["a NOT of nothing", () => ast.not(undefined as never)],
  ])("refuse %s", (_name, build) => {
    expect(build).toThrow(InvalidQueryError);
    try {
      build();
    } catch (error) {
      expect((error as InvalidQueryError).code).toBe("ERR_INVALID_QUERY");
      expect((error as InvalidQueryError).name).toBe("InvalidQueryError");
    }
  });
});

describe("equals", () => {
  it("ignores spans and compares structure", () => {
    expect(equals(ast.term("a", ast.text("1"), { start: 0, end: 3 }), a)).toBe(true);
    expect(equals(ast.and([a, b]), ast.and([a, b]))).toBe(true);
    expect(equals(ast.and([a, b]), ast.and([b, a]))).toBe(false);
    expect(equals(ast.and([a, b]), ast.or([a, b]))).toBe(false);
    expect(equals(a, ast.term("a", ast.text("2")))).toBe(false);
    expect(equals(a, ast.term("a", ast.pattern([ast.literal("1"), ast.anyChars()])))).toBe(false);
    expect(equals(ast.range("a", ast.bound("1"), null), ast.range("a", ast.bound("1", false), null))).toBe(false);
    expect(equals(ast.range("a", null, null), ast.range("a", null, null))).toBe(true);
    expect(equals(ast.exists("a"), ast.exists("b"))).toBe(false);
  });

  it("compares trees 100,000 deep", () => {
    let x: ReturnType<typeof ast.not> | typeof a = a;
    let y: ReturnType<typeof ast.not> | typeof a = a;
    for (let i = 0; i < 100_000; i++) {
      x = ast.not(x);
      y = ast.not(y);
    }
    expect(equals(x, y)).toBe(true);
    expect(equals(x, ast.not(y))).toBe(false);
  });
});

describe("walk", () => {
  it("visits in pre-order with depth and can skip children", () => {
    const seen: string[] = [];
    walk(ast.and([ast.not(a), ast.or([b, c])]), (node, depth) => {
      seen.push(`${depth}:${node.type}`);
      return node.type !== "or";
    });
    expect(seen).toEqual(["0:and", "1:not", "2:term", "1:or"]);
  });
});

describe("very wide queries", () => {
  it("flattens 200,000 operands without overflowing the call stack", () => {
    const many = Array.from({ length: 200_000 }, (_, i) => ast.term("a", ast.text(String(i))));
    const wide = ast.or([ast.or(many), ast.or(many)]);
    expect(wide.operands.length).toBe(400_000);
  });
});

describe("text written as a word", () => {
  it.each([
    ["b-c", true],
    ["x y", true],
    ["user@example.com", true],
    ["2024-01-01", true],
    ["Meier", false],
    ["ORD_2024", false],
    ["Müller", false],
  ])("%s keeps the word mark: %s (only where a word and a phrase read differently)", (value, kept) => {
    expect(ast.text(value, { word: true }).word === true).toBe(kept);
    expect(ast.text(value).word).toBeUndefined();
  });

  it("equals tells a word from a phrase where they differ, and only there", () => {
    expect(equals(ast.term("a", ast.text("b-c", { word: true })), ast.term("a", ast.text("b-c")))).toBe(false);
    expect(equals(ast.term("a", ast.text("abc", { word: true })), ast.term("a", ast.text("abc")))).toBe(true);
  });

  it.each(["", "<5", ">=5"])("%j cannot be a word: the server would read no word, or a comparison", (value) => {
    expect(() => ast.text(value, { word: true })).toThrow(InvalidQueryError);
    expect(ast.text(value).text).toBe(value);
  });
});
