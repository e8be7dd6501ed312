import { describe, expect, it } from "vitest";
import * as ast from "../../src/ast/factories.js";
import { serialize } from "../../src/serialize/serialize.js";
import { applyFix } from "../../src/diagnostics/fixes.js";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";
import { validate } from "../../src/validate/validate.js";

/** [query, severity, code, the text the span covers, fix (the replacement for that text, a safe fix)] */
const problems: [string, "error" | "warning", string, string, string | undefined][] = [
  // fields
  ["basket_info.summ:5", "error", "unknown-field", "basket_info.summ", "basket_info.sum"],
  ["stauts:(ok OR pending)", "error", "unknown-field", "stauts", "status"],
  ["_exists_:transactionReff", "error", "unknown-field", "transactionReff", "transactionRef"],
  ["transactionReff:*", "error", "unknown-field", "transactionReff", "transactionRef"],
  // the fields only aggregate answers carry (s, ks, …) are not suggested for a field to search
  ["ss:1", "error", "unknown-field", "ss", undefined],
  ["zzzzzz:1", "error", "unknown-field", "zzzzzz", undefined],
  ["customer.contact:x", "error", "object-field", "customer.contact", undefined],
  ["l:5", "warning", "not-searchable", "l", undefined],
  // values of the wrong type
  ["basket_info.sum:abc", "error", "wrong-type", "abc", undefined],
  ["basket_info.sum:10.50", "error", "wrong-type", "10.50", "1050"],
  ["basket_info.sum:10,5", "error", "wrong-type", "10,5", "1050"],
  ["receipt_number:1.5", "error", "wrong-type", "1.5", undefined],
  ["receipt_merchant_print:maybe", "error", "wrong-type", "maybe", undefined],
  ["receipt_merchant_print:yes", "error", "wrong-type", "yes", "true"],
  ["receipt_merchant_print:False", "error", "wrong-type", "False", "false"],
  ["created:2024-13-45", "error", "wrong-type", "2024-13-45", undefined],
  ["created:2023-02-29", "error", "wrong-type", "2023-02-29", undefined],
  ["created:yesterday", "error", "wrong-type", "yesterday", undefined],
  ["created:[2024-01-01 TO 2024-02-30]", "error", "wrong-type", "2024-02-30", undefined],
  ["basket_info.sum:[1 TO x]", "error", "wrong-type", "x", undefined],
  ["basket_info.sum:>=9.99", "error", "wrong-type", "9.99", "999"],
  // ranges
  ["receipt_merchant_print:[false TO true]", "error", "unordered-field", "[false TO true]", undefined],
  ["receipt_merchant_print:>true", "error", "unordered-field", ">true", undefined],
  ["basket_info.sum:[100 TO 50]", "error", "empty-range", "[100 TO 50]", "[50 TO 100]"],
  ["basket_info.sum:{100 TO 50]", "error", "empty-range", "{100 TO 50]", "[50 TO 100}"],
  ["basket_info.sum:[5 TO 5}", "error", "empty-range", "[5 TO 5}", undefined],
  [
    "created:[2024-02-01 TO 2024-01-01]",
    "error",
    "empty-range",
    "[2024-02-01 TO 2024-01-01]",
    "[2024-01-01 TO 2024-02-01]",
  ],
  [
    "created:[2024-01-01T02:00:00+01:00 TO 2024-01-01T00:30:00Z]",
    "error",
    "empty-range",
    "[2024-01-01T02:00:00+01:00 TO 2024-01-01T00:30:00Z]",
    "[2024-01-01T00:30:00Z TO 2024-01-01T02:00:00+01:00]",
  ],
  ["customer.contact.surname:[b TO a]", "error", "empty-range", "[b TO a]", "[a TO b]"],
  // warnings: the query is still ok
  ["basket_info.sum:1*", "warning", "wildcard-on-non-text", "1*", undefined],
  ["receipt_merchant_print:t*", "warning", "wildcard-on-non-text", "t*", undefined],
  ["customer.contact.surname:*eier", "warning", "leading-wildcard", "*eier", undefined],
  ["customer.contact.surname:?eier", "warning", "leading-wildcard", "?eier", undefined],
  ["status:recieved", "warning", "unknown-value", "recieved", "received"],
  ["status:(ok OR recieved)", "warning", "unknown-value", "recieved", "received"],
  ["status:xyz", "warning", "unknown-value", "xyz", undefined],
  ["status:zz*", "warning", "unknown-value", "zz*", undefined],
  [
    "customer.contact.email:example123%40example.com",
    "warning",
    "url-encoded",
    "example123%40example.com",
    "example123@example.com",
  ],
  ['customer.contact.surname:"van%20der%20Berg"', "warning", "url-encoded", '"van%20der%20Berg"', '"van der Berg"'],
];

describe("validate with a schema: each problem, where it is, and its fix", () => {
  it.each(problems)("%s", (source, severity, code, covered, fix) => {
    const { ok, diagnostics, suggestion } = validate(source, { schema });
    expect(diagnostics.map((d) => [d.severity, d.code, source.slice(d.span.start, d.span.end)])).toEqual([
      [severity, code, covered],
    ]);
    expect(ok).toBe(severity === "warning");
    expect(diagnostics[0]!.message).not.toBe("");
    const { span, fixes } = diagnostics[0]!;
    const fixed = fix === undefined ? undefined : source.slice(0, span.start) + fix + source.slice(span.end);
    expect(fixes?.map((f) => [f.safe, applyFix(source, f)])).toEqual(fixed === undefined ? undefined : [[true, fixed]]);
    // An error's safe fix is the suggestion, and leaves a query without that problem.
    if (severity === "error") expect(suggestion).toBe(fixed);
    if (fixed !== undefined) expect(validate(fixed, { schema }).diagnostics).toEqual([]);
  });

  it.each([
    [
      "surname:Meier",
      ["customer.contact.surname", "transactions.customer.surname", "shipping_address.contact.surname"],
    ],
    ["amount:>100", ["transactions.amount", "transactions.details.amount"]],
  ])("%s: fields found by their last segment are choices, never applied", (source, fields) => {
    const { diagnostics, suggestion } = validate(source, { schema });
    expect(diagnostics[0]!.fixes?.map((f) => [f.title, f.safe])).toEqual(fields.map((f) => [`Write ${f}`, false]));
    expect(suggestion).toBeUndefined();
  });

  it.each([
    "status:received",
    "status:RECEIVED",
    "status:rec*",
    "status:(received OR ok) AND NOT status:failed",
    "basket_info.sum:[1000 TO 5000]",
    "basket_info.sum:>=1000 AND basket_info.currency:EUR",
    "basket_info.sum:{* TO 100]",
    "created:[2024-01-01T00:00:00+01:00 TO *]",
    "created:[2024-01-01 TO 2024-01-01]",
    "created:>2024-02-29",
    "created:[2024-01-01 TO 2024-01-31T23:59:59.999Z]",
    "customer.contact.dob:1901-02-03",
    "updated:>=2024-01-01",
    "created:[2024-01-01T01:00:00+01:00 TO 2024-01-01T00:30:00Z]",
    'customer.contact.surname:"van der Berg" OR customer.contact.surname:Meier*',
    "receipt_merchant_print:true",
    "_exists_:transactionRef AND NOT _exists_:merchantRef",
    "customer.contact:* AND customer:*",
    "basket.products.priceOne:>100 AND basket.products.item_type:article",
    "basket.products.sub_basket.group.level:2",
    "transactions.parents.trans_id:12345",
    "idents.merchantcard.card.number:123",
    "payment_context.payment_methods:creditcard",
    "customer.contact.surname:[a TO b]",
    "id:STX_WVHJQFQ4JNVYNG5B55TYK748ZCHQP8",
  ])("%s has no diagnostic at all", (source) => {
    expect(validate(source, { schema })).toMatchObject({ ok: true, diagnostics: [] });
  });

  it("reports every schema problem of a query, each at its place", () => {
    const source = "basket_info.summ:5 AND status:recieved AND created:2024-13-45";
    const { diagnostics, ok } = validate(source, { schema });
    expect(ok).toBe(false);
    expect(diagnostics.map((d) => [d.code, d.column])).toEqual([
      ["unknown-field", 1],
      ["wrong-type", 52],
      ["unknown-value", 31],
    ]);
  });

  it.each([
    // The other bound is read in the same unit, so that the range still holds something.
    ["basket_info.sum:[10.50 TO 20]", [[true, "basket_info.sum:[1050 TO 2000]"]]],
    ["basket_info.sum:[5 TO 10.50]", [[true, "basket_info.sum:[5 TO 1050]"]]],
    // Reversed in any unit: no fix is better than one that makes a new error.
    ["basket_info.sum:[10.50 TO 5]", undefined],
  ])("a fixed range bound keeps %s a range that holds something", (source, fixes) => {
    const [diagnostic] = validate(source, { schema }).diagnostics;
    expect(diagnostic!.code).toBe("wrong-type");
    expect(diagnostic!.fixes?.map((f) => [f.safe, applyFix(source, f)])).toEqual(fixes);
  });

  it("with a syntax error, checks the conditions that still read, all at once, but none at the error", () => {
    const { diagnostics } = validate("basket_info.summ:5 and x:1", { schema });
    expect(diagnostics.map((d) => [d.code, d.column])).toEqual([
      ["unknown-field", 1],
      ["lowercase-operator", 20],
      ["unknown-field", 24],
    ]);
    // Inside an unclosed group, and after a stray bracket.
    const unclosed = validate("status:recieved AND (basket_info.summ:1", { schema });
    expect(unclosed.diagnostics.map((d) => d.code)).toEqual(["unclosed-parenthesis", "unknown-field", "unknown-value"]);
    expect(unclosed.suggestion).toBe("status:received AND (basket_info.sum:1)");
    expect(validate("x:y ] status:bad", { schema }).diagnostics.map((d) => d.code)).toEqual([
      "unknown-field",
      "unmatched-bracket",
      "unknown-value",
    ]);
    // A field named once for a group is reported once, however many conditions the group holds.
    expect(validate("x:(a OR b OR c) and", { schema }).diagnostics.map((d) => d.code)).toEqual([
      "unknown-field",
      "lowercase-operator",
    ]);
    // A condition at the mistake is a guess of the reading: not checked.
    expect(validate("status:bad^2", { schema }).diagnostics.map((d) => d.code)).not.toContain("unknown-value");
  });

  it("strict makes warnings fail", () => {
    expect(validate("status:recieved", { schema, strict: true }).ok).toBe(false);
  });

  it("checks an AST too, with spans into its canonical text", () => {
    const query = ast.and([ast.term("status", ast.text("ok")), ast.term("basket_info.summ", ast.text("5"))]);
    const { ok, diagnostics } = validate(query, { schema });
    expect(ok).toBe(false);
    const canonical = serialize(query);
    expect(diagnostics.map((d) => [d.code, canonical.slice(d.span.start, d.span.end)])).toEqual([
      ["unknown-field", "basket_info.summ"],
    ]);
  });

  it("checks any schema, not only the Smart Transaction one", async () => {
    const { defineSchema, field } = await import("../../src/schema/schema.js");
    const custom = defineSchema({ color: field("keyword", { values: ["red", "green"] }), size: "number" });
    expect(validate("color:red AND size:1.5e3", { schema: custom }).diagnostics).toEqual([]);
    expect(validate("colour:red", { schema: custom }).suggestion).toBe("color:red");
    expect(validate("size:1,5", { schema: custom }).suggestion).toBe("size:1.5");
  });
});

describe("validate on a very wide AST", () => {
  it("checks 30,000 operands without overflowing the call stack", () => {
    const many = Array.from({ length: 30_000 }, (_, i) => ast.term("basket_info.sum", ast.text(String(i))));
    expect(validate(ast.or(many), { schema })).toMatchObject({ ok: true, diagnostics: [] });
  });
});
