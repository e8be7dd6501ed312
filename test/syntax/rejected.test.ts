import { describe, expect, it } from "vitest";
import { QuerySyntaxError } from "../../src/diagnostics/errors.js";
import { applyFix } from "../../src/diagnostics/diagnostic.js";
import { parse, tryParse } from "../../src/syntax/parse.js";

/** [source, code, start, end, fix]: every error the text has, in order; `undefined` fix means none is offered. */
type Row = [string, string, number, number, string | undefined];

const rejected: Row[] = [
  // a value without a field
  ["x", "missing-field", 0, 1, undefined],
  ['"van der Berg"', "missing-field", 0, 14, undefined],
  ["[1 TO 5]", "missing-field", 0, 8, undefined],
  ["NOT x", "missing-field", 4, 5, undefined],
  // two expressions with no operator
  ["a:b c:d", "missing-operator", 0, 7, "a:b AND c:d"],
  ["(a:b) (c:d)", "missing-operator", 0, 11, "(a:b) AND (c:d)"],
  ["a:x y", "missing-operator", 0, 5, 'a:"x y"'],
  ["a:x y z", "missing-operator", 0, 7, 'a:"x y z"'],
  ["status:(ok pending)", "missing-operator", 8, 18, "ok AND pending"],
  ["a:b &&c:d", "missing-space", 0, 9, "a:b && c:d"],
  // lowercase operators
  ["a:b and c:d", "lowercase-operator", 0, 11, "a:b AND c:d"],
  ["request.id:1 or request.id:2", "lowercase-operator", 0, 28, "request.id:1 OR request.id:2"],
  ["a:b Or c:d", "lowercase-operator", 0, 10, "a:b OR c:d"],
  ["a:b not c:d", "lowercase-operator", 0, 11, "a:b AND NOT c:d"],
  ["a:b & c:d", "lowercase-operator", 0, 9, "a:b AND c:d"],
  ["a:b or", "lowercase-operator", 0, 6, "a:b"],
  // = instead of :
  ["email=x", "equals-instead-of-colon", 0, 7, "email:x"],
  ["email=a@b.de", "equals-instead-of-colon", 0, 12, "email:a@b.de"],
  // unbalanced parentheses and brackets
  ["(a:b", "unclosed-parenthesis", 0, 4, "(a:b)"],
  ["a:b)", "unmatched-parenthesis", 3, 4, ""],
  ["()", "empty-group", 0, 2, ""],
  ["a:b]", "unmatched-bracket", 3, 4, "\\]"],
  ["a:[1 TO 5", "unclosed-range", 2, 9, undefined],
  ["a:[1 5]", "range-missing-to", 2, 6, undefined],
  ["a:[1 TO]", "incomplete-range", 2, 8, undefined],
  ["a:[1 TO 5] OR b:[", "unclosed-range", 16, 17, undefined],
  // empty values and dangling operators
  ["a:", "missing-value", 0, 2, undefined],
  ["a: AND b:c", "missing-value", 0, 2, undefined],
  ["", "empty-query", 0, 0, undefined],
  ["   ", "empty-query", 0, 3, undefined],
  ["a:b AND", "dangling-operator", 4, 7, ""],
  ["a:b OR", "dangling-operator", 4, 6, ""],
  ["NOT", "dangling-operator", 0, 3, ""],
  ["(a:b AND)", "dangling-operator", 5, 8, ""],
  ["AND a:b", "missing-operand", 0, 3, ""],
  ["a:b AND OR c:d", "consecutive-operators", 8, 10, ""],
  // prefixes
  ["-a:b", "minus-prefix", 0, 4, "NOT a:b"],
  ["- a:b", "minus-prefix", 0, 5, "NOT a:b"],
  ["x:1 AND -a:b", "minus-prefix", 8, 12, "NOT a:b"],
  ["+a:b", "plus-prefix", 0, 4, "a:b"],
  ["! a:b", "space-after-bang", 0, 5, "NOT a:b"],
  ["NOT NOT a:b", "double-negation", 0, 11, "NOT (NOT a:b)"],
  ["!!a:b", "double-negation", 0, 5, "NOT (NOT a:b)"],
  ["NOT NOT NOT a:b", "double-negation", 0, 15, "NOT (NOT (NOT a:b))"],
  // reserved words and characters as values
  ["a:AND", "reserved-word-value", 2, 5, '"AND"'],
  ["a:NOT", "reserved-word-value", 2, 5, '"NOT"'],
  ["a:OR", "reserved-word-value", 2, 4, '"OR"'],
  ["contact.email:a:b", "unescaped-colon", 14, 17, '"a:b"'],
  ["a:>=2024-01-01T00:00:00+01:00", "unescaped-colon", 2, 29, ">=2024-01-01T00\\:00\\:00+01\\:00"],
  ["a:x/y", "unescaped-character", 2, 5, "x\\/y"],
  ["a:x!y", "unescaped-character", 2, 5, "x\\!y"],
  ["a/b:x", "unescaped-character", 0, 3, "a\\/b"],
  ['a:"x', "unterminated-quote", 2, 4, '"x"'],
  ['a:"x\\', "unterminated-quote", 2, 5, '"x\\\\"'],
  ["a:x\\", "trailing-backslash", 3, 4, "\\\\"],
  ["a:\\u00zz", "invalid-escape", 2, 8, undefined],
  ['a:"\\u12"', "invalid-escape", 3, 7, undefined],
  ["a:\\uD800", "invalid-unicode", 2, 8, undefined],
  // comparisons
  ["a:>", "empty-comparison", 2, 3, undefined],
  ["a:>=", "empty-comparison", 2, 4, undefined],
  ["a:<=", "empty-comparison", 2, 4, undefined],
  ["a:\\>5", "escaped-comparison", 2, 5, '">5"'],
  ["a:>5*", "comparison-with-wildcard", 2, 5, undefined],
  // unsupported syntax
  ["a:x^2", "boost-not-supported", 3, 5, ""],
  ["a:x~", "fuzzy-not-supported", 3, 4, ""],
  ["a:x~2", "fuzzy-not-supported", 3, 5, ""],
  ["a:/ab.*/", "regex-not-supported", 2, 8, "\\/ab.*\\/"],
  ["a:^2", "boost-not-supported", 2, 4, ""],
  // fields
  ["a*:x", "wildcard-in-field", 0, 2, undefined],
  ["a\\*:x", "wildcard-in-field", 0, 3, undefined],
  ["_exists_:a*", "exists-pattern", 9, 11, undefined],
  ["_exists_:[a TO b]", "exists-range", 9, 17, undefined],
  ["a:\\u0041*", "unicode-escape-in-pattern", 2, 9, undefined],
  ['a:["x TO y]', "unbalanced-quote", 3, 5, undefined],
];

describe("rejected", () => {
  it.each(rejected)("%s", (source, code, start, end, fix) => {
    const { query, diagnostics } = tryParse(source);
    expect(query).toBeUndefined();
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => ({ code: d.code, span: d.span, fix: d.fix }))).toEqual([
      { code, span: { start, end }, fix },
    ]);
    expect(errors[0]!.message.length).toBeGreaterThan(10);
  });

  it.each(rejected.filter((row) => row[4] !== undefined && !["empty-group", "unmatched-parenthesis"].includes(row[1])))(
    "the fix of %s is accepted",
    (source, _code, _start, _end, fix) => {
      const error = tryParse(source).diagnostics.find((d) => d.severity === "error")!;
      const fixed = applyFix(source, error);
      expect(fixed).not.toBe(source);
      expect(error.fix).toBe(fix);
      // A fix may leave other problems of the text, but never the same one at the same place.
      const again = tryParse(fixed).diagnostics.filter((d) => d.severity === "error");
      expect(again.filter((d) => d.code === error.code && d.span.start === error.span.start)).toEqual([]);
    },
  );
});

describe("every error is reported, not only the first", () => {
  it.each([
    ["a:b and c:d OR e=f", ["lowercase-operator", "equals-instead-of-colon"]],
    ["-a:b AND c:AND AND (d:e", ["minus-prefix", "reserved-word-value", "unclosed-parenthesis"]],
    ["a:x^2 OR b:y~ OR c:z/w", ["boost-not-supported", "fuzzy-not-supported", "unescaped-character"]],
    ["NOT NOT a:b OR ! c:d OR e:f)", ["double-negation", "space-after-bang", "unmatched-parenthesis"]],
    ["x AND y", ["missing-field", "missing-field"]],
    ["email=a@b.de AND forename=John", ["equals-instead-of-colon", "equals-instead-of-colon"]],
    ["a:[\\u0041 TO \\]]", ["trailing-backslash", "unmatched-bracket"]],
    [":b", ["missing-field"]],
    // After a token where no condition can start, the reading goes on: later mistakes are found too.
    ["OR a:1 AND b=2", ["missing-operand", "equals-instead-of-colon"]],
    [") AND NOT (", ["unmatched-parenthesis", "missing-operand", "unclosed-parenthesis", "empty-group"]],
    [": OR a:x^2 OR (b:1", ["missing-field", "boost-not-supported", "unclosed-parenthesis"]],
    [":x a:1 and b:2", ["missing-field", "lowercase-operator"]],
  ])("%s", (source, codes) => {
    const errors = tryParse(source).diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.code)).toEqual(codes);
  });
});

describe("each mistake is reported once, where recovery cut a condition short", () => {
  // What a rule read before a mistake used to reach its parent twice: the same value was reported twice, or as
  // two conditions with no operator between them ("[ AND [").
  it.each([
    ["[]<", ["incomplete-range", "missing-operator", "missing-field"]],
    ["{]]", ["incomplete-range", "missing-field", "unmatched-bracket"]],
    ["d -||", ["missing-field", "consecutive-operators"]],
  ])("%s", (source, codes) => {
    const errors = tryParse(source).diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.code)).toEqual(codes);
    for (const error of errors) if (error.fix !== undefined) expect(error.fix).not.toMatch(/^(.+) AND \1$/);
  });
});

describe("diagnostics", () => {
  it("give 1-based line and column", () => {
    const { diagnostics } = tryParse("a:b AND\n  c:d and e:f");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: "lowercase-operator",
      line: 2,
      column: 3,
      span: { start: 10, end: 21 },
    });
  });

  it("put errors before warnings", () => {
    const { diagnostics } = tryParse("a:1 OR b:2 AND c:3 OR d:x y");
    expect(diagnostics.map((d) => d.severity)).toEqual(["error", "warning"]);
  });

  it("are frozen", () => {
    const [diagnostic] = tryParse("a:b and c:d").diagnostics;
    expect(Object.isFrozen(diagnostic)).toBe(true);
    expect(Object.isFrozen(diagnostic!.span)).toBe(true);
  });
});

describe("parse", () => {
  it("throws QuerySyntaxError with every diagnostic", () => {
    let caught: unknown;
    try {
      parse("a:b and c:d OR e=f");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(QuerySyntaxError);
    const error = caught as QuerySyntaxError;
    expect(error.name).toBe("QuerySyntaxError");
    expect(error.code).toBe("ERR_QUERY_SYNTAX");
    expect(error.diagnostics.map((d) => d.code)).toEqual(["lowercase-operator", "equals-instead-of-colon"]);
    expect(error.message).toBe(
      '"and" is not an operator: the server searches it as a word. ' +
        "Write AND in capitals at line 1, column 1 (and 1 more)",
    );
  });

  it("does not throw for warnings", () => {
    expect(parse("a:1 OR b:2 AND c:3").type).toBe("or");
  });

  it("reports a value that is not a string instead of throwing", () => {
    expect(tryParse(42 as unknown as string).diagnostics.map((d) => d.code)).toEqual(["not-a-string"]);
  });
});
