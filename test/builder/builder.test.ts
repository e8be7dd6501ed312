import { describe, expect, it } from "vitest";
import * as ast from "../../src/ast/factories.js";
import { q, queryBuilder } from "../../src/builder/builder.js";
import { smartTransactionQuery as st } from "../../src/builder/smart-transaction.js";
import { InvalidQueryError } from "../../src/ast/errors.js";
import { serialize } from "../../src/serialize/serialize.js";
import { parse } from "../../src/syntax/parse.js";
import { defineSchema, field } from "../../src/schema/schema.js";
import { smartTransactionSchema } from "../../src/schema/smart-transaction-schema.js";
import { validate } from "../../src/validate/validate.js";

describe("q: each condition prints as the canonical text", () => {
  it.each([
    ['q.field("status").is("ok")', q.field("status").is("ok"), "status:ok"],
    ['q.field("a").is("van der Berg")', q.field("a").is("van der Berg"), 'a:"van der Berg"'],
    ['q.field("a").is("x OR y:z")', q.field("a").is("x OR y:z"), 'a:"x OR y:z"'],
    ['q.field("a").is("AND")', q.field("a").is("AND"), 'a:"AND"'],
    ['q.field("a").is("")', q.field("a").is(""), 'a:""'],
    ['q.field("a").is(1000)', q.field("a").is(1000), "a:1000"],
    ['q.field("a").is(-0)', q.field("a").is(-0), "a:0"],
    ['q.field("a").is(12345678901234567890n)', q.field("a").is(12345678901234567890n), "a:12345678901234567890"],
    ['q.field("a").is(true)', q.field("a").is(true), "a:true"],
    [
      'q.field("a").is(new Date(Date.UTC(2024, 0, 31)))',
      q.field("a").is(new Date(Date.UTC(2024, 0, 31))),
      'a:"2024-01-31T00:00:00.000Z"',
    ],
    ['q.field("a").matches("Mei*")', q.field("a").matches("Mei*"), "a:Mei*"],
    ['q.field("a").matches("??1?")', q.field("a").matches("??1?"), "a:??1?"],
    ['q.field("a").matches("a b*")', q.field("a").matches("a b*"), "a:a\\ b*"],
    ['q.field("a").matches("x\\\\*")', q.field("a").matches("x\\*"), "a:x\\\\*"],
    ['q.field("a").matches("plain")', q.field("a").matches("plain"), "a:plain"],
    ['q.field("a").matches("*")', q.field("a").matches("*"), "_exists_:a"],
    ['q.field("a").exists()', q.field("a").exists(), "_exists_:a"],
    ['q.field("a").between(1, 5)', q.field("a").between(1, 5), "a:[1 TO 5]"],
    [
      'q.field("a").between(1, 5, { maxInclusive: false })',
      q.field("a").between(1, 5, { maxInclusive: false }),
      "a:[1 TO 5}",
    ],
    ['q.field("a").between("x y", "z")', q.field("a").between("x y", "z"), 'a:["x y" TO z]'],
    ['q.field("a").atLeast(10)', q.field("a").atLeast(10), "a:[10 TO *]"],
    ['q.field("a").greaterThan(10)', q.field("a").greaterThan(10), "a:{10 TO *]"],
    ['q.field("a").atMost(10)', q.field("a").atMost(10), "a:[* TO 10]"],
    ['q.field("a").lessThan(10)', q.field("a").lessThan(10), "a:[* TO 10}"],
    ['q.field("a").oneOf(["x"])', q.field("a").oneOf(["x"]), "a:x"],
    ['q.field("a").oneOf(["x", "y"])', q.field("a").oneOf(["x", "y"]), "a:x OR a:y"],
    ['q.field("AND").is("x")', q.field("AND").is("x"), "\\AND:x"],
    ['q.field("a b").is("x")', q.field("a b").is("x"), "a\\ b:x"],
  ])("%s", (_, builder, expected) => {
    expect(String(builder)).toBe(expected);
    expect(builder.toString()).toBe(expected);
    expect(serialize(builder)).toBe(expected);
    expect(parse(expected)).toEqual(expect.anything());
  });
});

describe("combining", () => {
  const a = q.field("a").is("1");
  const b = q.field("b").is("2");
  const c = q.field("c").is("3");

  it.each([
    ["a.and(b)", a.and(b), "a:1 AND b:2"],
    ["a.and(b, c)", a.and(b, c), "a:1 AND b:2 AND c:3"],
    ["a.or(b).and(c)", a.or(b).and(c), "(a:1 OR b:2) AND c:3"],
    ["a.or(b.and(c))", a.or(b.and(c)), "a:1 OR (b:2 AND c:3)"],
    ["a.not()", a.not(), "NOT a:1"],
    ["a.not().or(b)", a.not().or(b), "(NOT a:1) OR b:2"],
    ["a.not().not()", a.not().not(), "NOT (NOT a:1)"],
    ["q.and(a, b)", q.and(a, b), "a:1 AND b:2"],
    ["q.or(a, q.and(b, c))", q.or(a, q.and(b, c)), "a:1 OR (b:2 AND c:3)"],
    ["q.and(a)", q.and(a), "a:1"],
    ["q.not(q.or(a, b))", q.not(q.or(a, b)), "NOT (a:1 OR b:2)"],
    ['q.and(a, ast.exists("d"))', q.and(a, ast.exists("d")), "a:1 AND _exists_:d"],
    ["q.from(parse(...)).and(c)", q.from(parse("a:1 OR b:2")).and(c), "(a:1 OR b:2) AND c:3"],
    ["a.and()", a.and(), "a:1"],
  ])("%s", (_, builder, expected) => {
    expect(String(builder)).toBe(expected);
  });

  it("is immutable: a shared base extended twice is unchanged, and each extension is its own", () => {
    const base = q.field("status").is("ok");
    const first = base.and(q.field("x").is("1"));
    const second = base.and(q.field("y").is("2"));
    expect([String(base), String(first), String(second)]).toEqual([
      "status:ok",
      "status:ok AND x:1",
      "status:ok AND y:2",
    ]);
    expect(Object.isFrozen(base)).toBe(true);
    expect(Object.isFrozen(base.toQuery())).toBe(true);
    expect(Object.isFrozen(q.field("a"))).toBe(true);
  });

  it("gives the AST with toQuery", () => {
    expect(a.and(b).toQuery()).toEqual(ast.and([ast.term("a", ast.text("1")), ast.term("b", ast.text("2"))]));
  });
});

describe("refuses what cannot be a query, with InvalidQueryError", () => {
  it.each([
    ["an empty field", () => q.field("")],
    ["a wildcard in a field", () => q.field("a*")],
    ["_exists_ as a field", () => q.field("_exists_")],
    ["an open bound written as *", () => q.field("a").atLeast("*")],
    ["an empty bound", () => q.field("a").between("", "b")],
    ["NaN", () => q.field("a").is(Number.NaN)],
    ["Infinity", () => q.field("a").atLeast(Number.POSITIVE_INFINITY)],
    ["an invalid Date", () => q.field("a").is(new Date("nope"))],
    ["a lone surrogate", () => q.field("a").is("\uD800")],
    ["an empty oneOf", () => q.field("a").oneOf([])],
    ["q.and()", () => q.and()],
    ["q.or()", () => q.or()],
    ["an object as a value", () => q.field("a").is({} as never)],
    ["a non-query operand", () => q.and({} as never, 5 as never)],
    // What the server cannot compile (Lucene's automaton limits).
    ["a prefix of 1,001 bytes", () => q.field("a").matches(`${"a".repeat(1001)}*`)],
    ["too many ? after a *", () => q.field("a").matches(`*x${"?".repeat(13)}`)],
    ["a lower bound of 1,001 bytes", () => q.field("a").atLeast("a".repeat(1001))],
  ])("%s", (_, build) => {
    expect(build).toThrow(InvalidQueryError);
  });
});

describe("queryBuilder(schema)", () => {
  it("prints values in the form the field's type expects", () => {
    expect(String(st.field("basket_info.sum").between(1000, 5000))).toBe("basket_info.sum:[1000 TO 5000]");
    expect(String(st.field("created").atLeast(new Date(Date.UTC(2024, 0, 1))))).toBe(
      "created:[2024-01-01T00:00:00.000Z TO *]",
    );
    expect(String(st.field("created").atLeast("2024-01-01T00:00:00+01:00"))).toBe(
      "created:[2024-01-01T00:00:00+01:00 TO *]",
    );
    expect(String(st.field("receipt_merchant_print").is(false))).toBe("receipt_merchant_print:false");
    expect(String(st.field("status").oneOf(["received", "ok"]))).toBe("status:received OR status:ok");
    expect(String(st.field("customer").exists())).toBe("_exists_:customer");
  });

  it("builds queries that validate cleanly against the schema", () => {
    const query = st
      .field("status")
      .oneOf(["received", "ok"])
      .and(
        st.field("basket_info.sum").atLeast(1000),
        st.field("customer.contact.surname").matches("Mei*"),
        st.field("created").lessThan(new Date()),
      );
    expect(validate(query.toQuery(), { schema: smartTransactionSchema })).toMatchObject({ ok: true, diagnostics: [] });
  });

  it("checks paths and values when the program runs too", () => {
    expect(() => st.field("basket_info.summ" as never)).toThrow("There is no field basket_info.summ");
    expect(() => st.field("basket_info.sum").is(10.5)).toThrow("not a whole number");
    expect(() => st.field("basket_info.sum").is("ten" as never)).toThrow(InvalidQueryError);
    expect(() => st.field("s" as never)).toThrow(InvalidQueryError);
    expect(() => st.field("created").is("2024-13-45")).toThrow("no date");
    expect(() => st.field("receipt_merchant_print").is("yes" as never)).toThrow(InvalidQueryError);
    expect(() => (st.field("customer") as never as { is(v: string): unknown }).is("x")).toThrow("is an object");
  });

  it.each([
    [
      "a range on a boolean field",
      () => st.field("receipt_merchant_print" as "created").atLeast(true as never),
      "has no order",
    ],
    ["a pattern on a number field", () => st.field("basket_info.sum" as "status").matches("1*"), "only on text fields"],
    ["a range whose lower bound is above its upper one", () => st.field("basket_info.sum").between(100, 50), "above"],
    [
      "a range of one value that excludes it",
      () => st.field("created").between("2024-01-01", "2024-01-01", { maxInclusive: false }),
      "excludes it",
    ],
    [
      "a plain value of the wrong type through matches",
      () => st.field("basket_info.sum" as "status").matches("ten"),
      "not one",
    ],
  ])("refuses %s when the program runs, as validate does", (_, build, message) => {
    expect(build).toThrow(InvalidQueryError);
    expect(build).toThrow(message);
  });

  it("allows through matches what validate allows", () => {
    expect(String(st.field("basket_info.sum" as "status").matches("1000"))).toBe("basket_info.sum:1000");
    expect(String(st.field("basket_info.sum" as "status").matches("*"))).toBe("_exists_:basket_info.sum");
  });

  it("accepts any path below an object the schema does not describe", () => {
    expect(String(st.field("idents.merchantcard.card" as never).exists())).toBe("_exists_:idents.merchantcard.card");
  });

  it("works with any schema", () => {
    const shop = queryBuilder(defineSchema({ color: field("keyword", { values: ["red", "green"] }), size: "number" }));
    expect(String(shop.field("color").is("red").and(shop.field("size").between(1.5, 2.5)))).toBe(
      "color:red AND size:[1.5 TO 2.5]",
    );
  });
});

describe("chains", () => {
  it("a loop of .and() makes one flat AND with the operands in order", () => {
    let chain = q.field("a").is("0");
    for (let i = 1; i < 20_000; i++) chain = chain.and(q.field("a").is(String(i)));
    const query = chain.toQuery();
    expect(query.type === "and" && query.operands.length).toBe(20_000);
    expect(query.type === "and" && query.operands[19_999]).toEqual(q.field("a").is("19999").toQuery());
  });

  it("each link stays its own query: a builder is never changed by what is built from it", () => {
    const base = q.field("a").is("1").or(q.field("b").is("2"));
    const left = base.and(q.field("c").is("3"));
    const right = base.or(q.field("d").is("4"));
    expect(String(left)).toBe("(a:1 OR b:2) AND c:3");
    expect(String(right)).toBe("a:1 OR b:2 OR d:4");
    expect(String(base)).toBe("a:1 OR b:2");
    expect(String(left.or(q.field("e").is("5")).and(q.field("f").is("6")))).toBe(
      "(((a:1 OR b:2) AND c:3) OR e:5) AND f:6",
    );
  });
});
