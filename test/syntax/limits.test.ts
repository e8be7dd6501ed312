import { describe, expect, it } from "vitest";
import { serialize } from "../../src/serialize/serialize.js";
import { parse, tryParse } from "../../src/syntax/parse.js";

describe("limits", () => {
  it("accepts nesting up to the depth limit", () => {
    const source = `${"(".repeat(1000)}a:1${")".repeat(1000)}`;
    expect(serialize(parse(source))).toBe("a:1");
  });

  it("reports nesting beyond the limit instead of overflowing the stack", () => {
    const source = `${"(".repeat(100_000)}a:1${")".repeat(100_000)}`;
    const { query, diagnostics } = tryParse(source);
    expect(query).toBeUndefined();
    expect(diagnostics.map((d) => ({ code: d.code, span: d.span }))).toEqual([{ code: "too-deep", span: { start: 1000, end: 1001 } }]);
  });

  it("counts field groups and negations inside groups toward depth", () => {
    const source = `${"a:(".repeat(1001)}x${")".repeat(1001)}`;
    expect(tryParse(source).diagnostics[0]?.code).toBe("too-deep");
    expect(tryParse(source, { maxDepth: 2000 }).query).toBeDefined();
  });

  it("reports text over the length limit", () => {
    const { diagnostics } = tryParse("a:1 OR a:2", { maxLength: 5 });
    expect(diagnostics.map((d) => ({ code: d.code, span: d.span }))).toEqual([{ code: "too-long", span: { start: 5, end: 10 } }]);
  });

  it("parses and prints a flat chain of 200,000 terms", () => {
    const source = Array.from({ length: 200_000 }, (_, i) => `transactionRef:TRX${i}`).join(" OR ");
    const query = parse(source, { maxLength: Infinity });
    expect(query.type === "or" && query.operands.length).toBe(200_000);
    expect(serialize(query)).toBe(source);
  }, 60_000);

  it("parses a long chain of NOT-ed AND operands and mixed precedence", () => {
    const source = Array.from({ length: 50_000 }, (_, i) => `NOT a:${i} AND b:${i} OR c:${i}`).join(" OR ");
    const { query, diagnostics } = tryParse(source, { maxLength: Infinity });
    expect(query?.type).toBe("or");
    expect(diagnostics.map((d) => d.code)).toEqual(["ambiguous-precedence"]);
  }, 60_000);
});
