import { describe, expect, it } from "vitest";
import { equals } from "../../src/ast/equals.js";
import { serialize } from "../../src/serialize/serialize.js";
import { DEFAULT_MAX_DEPTH, parse, tryParse } from "../../src/syntax/parse.js";
import { validate } from "../../src/validate/validate.js";

const nested = (depth: number, inner = "a:1"): string => `${"(".repeat(depth)}${inner}${")".repeat(depth)}`;
const codesAndSpans = (text: string, options = {}) =>
  tryParse(text, options).diagnostics.map((d) => ({ code: d.code, span: d.span }));

describe("limits", () => {
  it("accepts nesting up to the depth limit", () => {
    expect(serialize(parse(nested(DEFAULT_MAX_DEPTH)))).toBe("a:1");
  });

  it("has room on the stack for three times the default depth, valid or not (the margin for deep callers)", () => {
    const options = { maxDepth: Infinity };
    expect(tryParse(nested(3 * DEFAULT_MAX_DEPTH), options).query).toBeDefined();
    expect(tryParse(nested(3 * DEFAULT_MAX_DEPTH, "a:1 OR OR"), options).diagnostics[0]?.code).toBe(
      "consecutive-operators",
    );
    expect(
      validate(`${"NOT (".repeat(3 * DEFAULT_MAX_DEPTH)}a:1${")".repeat(3 * DEFAULT_MAX_DEPTH)}`, options).ok,
    ).toBe(true);
  });

  it("reports nesting beyond the limit instead of overflowing the stack", () => {
    const start = DEFAULT_MAX_DEPTH;
    expect(codesAndSpans(nested(100_000))).toEqual([{ code: "too-deep", span: { start, end: start + 1 } }]);
    expect(codesAndSpans(nested(100_000, "a:1 OR OR ("))).toEqual([
      { code: "too-deep", span: { start, end: start + 1 } },
    ]);
  });

  it("reports nesting the engine's stack cannot hold as too-deep, even with the limit lifted, and reads on after", () => {
    const { query, diagnostics } = tryParse(nested(300_000), { maxDepth: Infinity });
    expect(query).toBeUndefined();
    expect(diagnostics.map((d) => ({ code: d.code, span: d.span }))).toEqual([
      { code: "too-deep", span: { start: DEFAULT_MAX_DEPTH, end: DEFAULT_MAX_DEPTH + 1 } },
    ]);
    expect(tryParse(nested(3)).query).toBeDefined();
    expect(tryParse("a:1 OR OR").diagnostics.map((d) => d.code)).toEqual(["consecutive-operators"]);
  });

  it("reports long runs of NOT and ! instead of building them", () => {
    const bangs = "!".repeat(100_000);
    expect(codesAndSpans(`${bangs}a:1`)).toEqual([
      { code: "too-deep", span: { start: DEFAULT_MAX_DEPTH, end: DEFAULT_MAX_DEPTH + 1 } },
    ]);
    const nots = "NOT ".repeat(DEFAULT_MAX_DEPTH + 1);
    expect(codesAndSpans(`${nots}a:1`)[0]).toEqual({
      code: "too-deep",
      span: { start: 4 * DEFAULT_MAX_DEPTH, end: 4 * DEFAULT_MAX_DEPTH + 3 },
    });
    expect(tryParse(`${"!".repeat(DEFAULT_MAX_DEPTH)}a:1`).diagnostics[0]?.code).toBe("double-negation");
  });

  it("counts field groups toward depth", () => {
    const source = `${"a:(".repeat(DEFAULT_MAX_DEPTH + 1)}x${")".repeat(DEFAULT_MAX_DEPTH + 1)}`;
    expect(tryParse(source).diagnostics[0]?.code).toBe("too-deep");
    expect(tryParse(source, { maxDepth: DEFAULT_MAX_DEPTH + 1 }).query).toBeDefined();
  });

  it("reports text over the length limit", () => {
    expect(codesAndSpans("a:1 OR a:2", { maxLength: 5 })).toEqual([{ code: "too-long", span: { start: 5, end: 10 } }]);
  });

  it("parses and prints a flat chain of 20,000 terms", () => {
    const source = Array.from({ length: 20_000 }, (_, i) => `transactionRef:TRX${i}`).join(" OR ");
    const query = parse(source);
    expect(query.type === "or" && query.operands.length).toBe(20_000);
    // Printed in groups of at most 1,024 (the server's clause limit), which read back as the same query.
    const printed = serialize(query);
    expect(printed.startsWith("(transactionRef:TRX0 OR ")).toBe(true);
    expect(equals(parse(printed), query)).toBe(true);
  });

  it("parses a long chain of NOT-ed AND operands and mixed precedence", () => {
    const source = Array.from({ length: 5_000 }, (_, i) => `NOT a:${i} AND b:${i} OR c:${i}`).join(" OR ");
    const { query, diagnostics } = tryParse(source);
    expect(query?.type).toBe("or");
    expect(diagnostics.map((d) => d.code)).toEqual(["ambiguous-precedence"]);
  });
});

describe("long chains whose fixes hold an edit per clause", () => {
  // Each of these once built a fix by spreading an array as long as the query into a call's arguments.
  const clauses = 70_000;
  const chain = (operator: string, clause = (i: number) => `a:${i}`): string =>
    Array.from({ length: clauses }, (_, i) => clause(i)).join(` ${operator} `);
  it.each([
    ["NOT a:0 OR NOT a:1 OR …", chain("OR", (i) => `NOT a:${i}`), "ambiguous-precedence"],
    ["a:0 AND a:1 … OR b:1", `${chain("AND")} OR b:1`, "ambiguous-precedence"],
  ])("%s: tryParse and validate report it, for any maxLength", (_, source, code) => {
    const options = { maxLength: Infinity };
    expect(tryParse(source, options).diagnostics.map((d) => d.code)).toContain(code);
    expect(validate(source, options).diagnostics.map((d) => d.code)).toContain(code);
  });
});
