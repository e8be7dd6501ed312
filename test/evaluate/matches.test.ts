import { describe, expect, it } from "vitest";
import * as ast from "../../src/ast/factories.js";
import type { Query } from "../../src/ast/types.js";
import { compileMatcher, filter, matches } from "../../src/evaluate/matches.js";
import { QuerySyntaxError } from "../../src/diagnostics/errors.js";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";

const transaction = {
  id: "STX_1",
  status: "received",
  created: "2024-03-01T10:00:00+01:00",
  is_demo: false,
  basket_info: { sum: 12500, currency: "EUR" },
  customer: { contact: { surname: "Meier", forename: "Anna", email: "anna@example.com" } },
  basket: {
    products: [
      { item_type: "article", ean: "4001", quantity: 2, priceOne: 5000 },
      { item_type: "coupon", ean: null, quantity: 1, priceOne: -500 },
    ],
  },
  transactionRef: "ORD-2024-0007",
  note: "",
};

describe("matches: each query against one Smart Transaction", () => {
  it.each([
    ["status:received", true],
    ["status:RECEIVED", true],
    ["status:ok", false],
    ["customer.contact.surname:meier", true],
    ["customer.contact.surname:Mei*", true],
    ["customer.contact.surname:M?ier", true],
    ["customer.contact.surname:*x*", false],
    ['transactionRef:"ORD-2024-0007"', true],
    ["transactionRef:ORD\\-2024*", true],
    ["basket_info.sum:12500", true],
    ["basket_info.sum:12500.0", true],
    ["basket_info.sum:[10000 TO 20000]", true],
    ["basket_info.sum:{12500 TO *]", false],
    ["basket_info.sum:>=12500", true],
    ["basket_info.sum:<9", false],
    ["basket.products.item_type:coupon", true],
    ["basket.products.priceOne:<0", true],
    ["basket.products.quantity:3", false],
    ["basket.products.ean:*", true],
    ["_exists_:basket.products.ean", true],
    ["_exists_:customer.contact", true],
    ["_exists_:shipping_address", false],
    ["_exists_:note", true],
    ["customer.contact:x", false],
    ["created:[2024-03-01 TO 2024-03-02]", true],
    ["created:>2024-03-01T09\\:30\\:00Z", false],
    ["created:<2024-03-01T09\\:30\\:00Z", true],
    ["created:[2024-03-01T09:00:00Z TO 2024-03-01T09:30:00Z}", true],
    ["created:{2024-03-01T09:00:00Z TO 2024-03-01T09:30:00Z}", false],
    ["is_demo:false", true],
    ["is_demo:true", false],
    ["NOT status:ok AND basket_info.currency:EUR", true],
    ["status:ok OR (basket_info.sum:>100 AND NOT is_demo:true)", true],
    ["nothing.here:x", false],
    ["NOT nothing.here:x", true],
  ])("%s → %s", (query, expected) => {
    expect(matches(query, transaction)).toBe(expected);
  });

  it("respects case when asked", () => {
    expect(matches("status:RECEIVED", transaction, { ignoreCase: false })).toBe(false);
    expect(matches("customer.contact.surname:mei*", transaction, { ignoreCase: false })).toBe(false);
  });

  it("compares ranges by the schema's type: numbers as numbers, even written as text", () => {
    const record = { basket_info: { sum: "900" } };
    expect(matches("basket_info.sum:[1000 TO *]", record)).toBe(true); // text order: "900" > "1000"
    expect(matches("basket_info.sum:[1000 TO *]", record, { schema })).toBe(false);
  });

  it("matches ? against one code point, not one UTF-16 unit", () => {
    expect(matches("a:x?y", { a: "x😀y" })).toBe(true);
    expect(matches("a:x??y", { a: "x😀y" })).toBe(false);
  });

  it("takes an AST too, and throws QuerySyntaxError on text the server refuses", () => {
    expect(matches(ast.term("status", ast.text("received")), transaction)).toBe(true);
    expect(() => matches("status:(received", transaction)).toThrow(QuerySyntaxError);
  });

  it("never matches values that are not there, and never throws on odd records", () => {
    for (const record of [
      null,
      undefined,
      5,
      "text",
      [],
      [transaction],
      { status: null },
      { status: [["received"]] },
    ]) {
      expect(() => matches("status:received OR _exists_:status OR status:[a TO z]", record)).not.toThrow();
    }
    expect(matches("status:received", [transaction])).toBe(false);
    expect(matches("status:received", { status: [["received"]] })).toBe(true);
    expect(matches("_exists_:status", { status: null })).toBe(false);
    expect(matches("_exists_:status", { status: [] })).toBe(false);
  });
});

describe("dates, read as Elasticsearch reads them", () => {
  // 00:30 on 1 December in Germany is 23:30 on 30 November in UTC, the time of a date written without an offset.
  const german = { created: "2026-12-01T00:30:00+01:00" };
  it.each([
    ["created:2026-11-30", true, "a date-only term is its whole UTC day"],
    ["created:2026-12-01", false, "…so the German 1 December's first hour is not in 1 December"],
    ['created:"2026-12-01T00:30:00+01:00"', true, "a date-time with its offset is that instant"],
    ["created:[* TO 2026-11-30]", true, "an inclusive upper bound takes in the whole day it writes"],
    ["created:[* TO 2026-11-30}", false, "an exclusive one stops at its start"],
    ["created:{2026-11-30 TO *]", false, "an exclusive lower bound starts after the whole day"],
    ["created:>=2026-11-30", true, ">= starts at the day's first millisecond"],
    ["created:>2026-11-30", false, "> starts after the day's last"],
    ["created:<=2026-11-30", true, "<= ends at the day's last millisecond"],
    ["created:<2026-12-01", true, "< ends before the day's first"],
    ["created:[2026-11 TO 2026-11]", true, "a month is all of it"],
    ['created:["2026-12-01T00:00:00+01:00" TO *]', true, "an offset says which midnight"],
  ])("%s is %s: %s", (text, expected) => {
    expect(matches(text, german, { schema })).toBe(expected);
  });
});

describe("filter and compileMatcher", () => {
  const records = Array.from({ length: 10 }, (_, i) => ({ id: i, basket_info: { sum: i * 1000 } }));

  it("keeps the matching records in order", () => {
    expect(filter(records, "basket_info.sum:[3000 TO 5000}").map((r) => r.id)).toEqual([3, 4]);
    expect(filter(new Set(records), "NOT basket_info.sum:>0").map((r) => r.id)).toEqual([0]);
  });

  it("compiles once and tests many", () => {
    const big = compileMatcher("basket_info.sum:>=8000");
    expect(records.filter(big).map((r) => r.id)).toEqual([8, 9]);
  });
});

describe("size", () => {
  it("evaluates a 200,000-operand AND and a 100,000-deep NOT chain without recursion", () => {
    const many = Array.from({ length: 200_000 }, (_, i) => ast.term(`f${i % 10}`, ast.text(String(i % 10))));
    const record = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, String(i)]));
    expect(matches(ast.and(many), record)).toBe(true);
    let deep: Query = ast.term("f1", ast.text("1"));
    for (let i = 0; i < 100_000; i++) deep = ast.not(deep);
    expect(matches(deep, record)).toBe(true);
    let nested: Query = ast.term("f1", ast.text("1"));
    for (let i = 0; i < 50_000; i++)
      nested = i % 2 ? ast.and([nested, ast.exists("f2")]) : ast.or([nested, ast.exists("zz")]);
    expect(matches(nested, record)).toBe(true);
  });

  it("matches a long text against a pathological pattern quickly (no backtracking blow-up)", () => {
    const text = "a".repeat(20_000);
    expect(matches("f:*a*a*a*a*a*a*a*a*b", { f: text })).toBe(false);
    expect(matches("f:*a*a*a*a*a*a*a*a*", { f: text })).toBe(true);
  });
});

describe("query text is read as the server runs it", () => {
  it("a:1 OR b:2 AND c:3 requires b and c, as the server does; the usual reading is there when asked for", () => {
    expect(compileMatcher("a:1 OR b:2 AND c:3")({ a: 1 })).toBe(false);
    expect(compileMatcher("a:1 OR b:2 AND c:3")({ b: 2, c: 3 })).toBe(true);
    expect(compileMatcher("a:1 OR b:2 AND c:3", { reading: "usual" })({ a: 1 })).toBe(true);
    expect(matches("NOT a:1 OR b:2", { b: 2, a: 1 })).toBe(false);
    expect(filter([{ a: 1 }, { b: 2, c: 3 }], "a:1 OR b:2 AND c:3")).toEqual([{ b: 2, c: 3 }]);
  });
});
