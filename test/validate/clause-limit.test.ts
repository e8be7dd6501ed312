import { describe, expect, it } from "vitest";
import * as ast from "../../src/ast/factories.js";
import { equals } from "../../src/ast/equals.js";
import { applyFix } from "../../src/diagnostics/fixes.js";
import { serialize } from "../../src/serialize/serialize.js";
import { tryParse } from "../../src/syntax/parse.js";
import { validate } from "../../src/validate/validate.js";

/** The most conditions any parenthesized group (or the whole text) of ORed conditions joins. */
function mostConditionsInOneGroup(text: string): number {
  const counts = [1];
  let most = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") counts.push(1);
    else if (text[i] === ")") most = Math.max(most, counts.pop()!);
    else if (text.startsWith(" OR ", i)) counts[counts.length - 1]!++;
  }
  return Math.max(most, counts[0]!);
}

const chain = (count: number, operator: string): string =>
  Array.from({ length: count }, (_, i) => `a:${i}`).join(` ${operator} `);

describe("too-many-clauses: a group of more than 1,024 conditions", () => {
  it.each(["OR", "AND"])("1,025 joined by %s: refused at the 1,025th, fixed by grouping", (operator) => {
    const source = chain(1025, operator);
    const { ok, diagnostics, suggestion } = validate(source);
    expect(ok).toBe(false);
    expect(diagnostics.map((d) => [d.code, source.slice(d.span.start, d.span.end)])).toEqual([
      ["too-many-clauses", "a:1024"],
    ]);
    expect(diagnostics[0]!.fixes!.map((fix) => fix.safe)).toEqual([true]);
    const fixed = applyFix(source, diagnostics[0]!.fixes![0]!);
    expect(fixed).toBe(`(${chain(1024, operator)}) ${operator} (a:1024)`);
    expect(suggestion).toBe(fixed);
    // Grouping changes nothing the query means.
    expect(equals(tryParse(fixed).query!, tryParse(source).query!)).toBe(true);
  });

  it("1,024 is accepted", () => {
    expect(validate(chain(1024, "OR")).ok).toBe(true);
  });

  it("counts every condition of a group whatever its operators, as the server does; no fix for a mixed group", () => {
    const source = `${chain(600, "AND")} OR ${chain(600, "AND")}`;
    const [error] = validate(source).diagnostics.filter((d) => d.severity === "error");
    expect(error).toMatchObject({ code: "too-many-clauses" });
    expect(error!.fixes).toBeUndefined();
  });

  it("counts each parenthesized group on its own", () => {
    expect(validate(`(${chain(1000, "OR")}) AND (${chain(1000, "OR")})`).ok).toBe(true);
  });

  it("takes another limit from maxClauses (Elasticsearch 8 allows 4,096)", () => {
    expect(validate(chain(2000, "OR"), { maxClauses: 4096 }).ok).toBe(true);
    expect(validate(chain(11, "OR"), { maxClauses: 10 }).ok).toBe(false);
  });

  it("is not checked by parse unless asked", () => {
    expect(tryParse(chain(2000, "OR")).query).toBeDefined();
    expect(tryParse(chain(2000, "OR"), { maxClauses: 1024 }).query).toBeUndefined();
  });
});

describe("the canonical form keeps within the clause limit", () => {
  it.each([1025, 5000])("%i operands print in groups of at most 1,024 that mean the same", (count) => {
    const query = ast.or(Array.from({ length: count }, (_, i) => ast.term("a", ast.text(String(i)))));
    const text = serialize(query);
    expect(text.startsWith("(")).toBe(true);
    const read = tryParse(text, { maxLength: Infinity, maxClauses: 1024 });
    expect(read.diagnostics).toEqual([]);
    expect(equals(read.query!, query)).toBe(true);
    expect(serialize(read.query!)).toBe(text);
  });

  it("groups the groups when there are more than 1,024 of them", () => {
    const count = 1024 * 1024 + 5;
    const text = serialize(ast.or(Array.from({ length: count }, (_, i) => ast.term("a", ast.text(String(i))))));
    expect(text.startsWith("((a:0 OR a:1 ")).toBe(true);
    expect(mostConditionsInOneGroup(text)).toBe(1024);
    expect(text.split(" OR ")).toHaveLength(count);
  });

  it("puts a NOT among groups in parentheses of its own", () => {
    const negated = Array.from({ length: 1025 }, (_, i) => ast.not(ast.term("a", ast.text(String(i)))));
    const text = serialize(ast.or(negated));
    expect(text.endsWith(" OR (NOT a:1024)")).toBe(true);
    expect(validate(text).diagnostics).toEqual([]);
  });
});
