import { describe, expect, it } from "vitest";
import {
  and,
  anyChars,
  bound,
  exists,
  literal,
  not,
  oneChar,
  or,
  pattern,
  range,
  term,
  text,
} from "../../src/ast/factories.js";
import type { Query } from "../../src/ast/types.js";
import { tryParse } from "../../src/syntax/parse.js";
import { withoutSpans } from "../helpers.js";

/** A term written as a bare word, and one written as a quoted phrase (they differ on analysed fields). */
const t = (field: string, value: string): Query => term(field, text(value, { word: true }));
const phrase = (field: string, value: string): Query => term(field, text(value));

/** Every accepted form of the language, with the exact tree it reads as. */
const accepted: [string, Query][] = [
  // fields and values
  ["customer.name:Meier", t("customer.name", "Meier")],
  ["transactionRef:TRX-2024-0001", t("transactionRef", "TRX-2024-0001")],
  ["card.cardnumber:92760044", t("card.cardnumber", "92760044")],
  ["status:created", t("status", "created")],
  ["a: b", t("a", "b")],
  ["merchantRef:A\\+B", t("merchantRef", "A+B")],
  ["contact.email:a\\:b", t("contact.email", "a:b")],
  ["a:x\\/y", t("a", "x/y")],
  ["a:\\AND", t("a", "AND")],
  ["a:\\u0041\\u00e9", t("a", "Aé")],
  ["a:x\\ y", t("a", "x y")],
  ["a:TO", t("a", "TO")],
  ["a:x-y+z", t("a", "x-y+z")],
  ["a:x=y", t("a", "x=y")],
  ["a:x&y|z", t("a", "x&y|z")],
  ["\\AND:x", t("AND", "x")],
  ["f\\ g:x", t("f g", "x")],
  // keywords inside longer words stay values
  ["ORDER:NOTE", t("ORDER", "NOTE")],
  ["TOTAL:ANDROID", t("TOTAL", "ANDROID")],
  ["a:ORx AND b:NOTx", and([t("a", "ORx"), t("b", "NOTx")])],
  // quoted values
  ['customer.contact.surname:"van der Berg"', phrase("customer.contact.surname", "van der Berg")],
  ['card.cardnumber:"9276004428481652"', phrase("card.cardnumber", "9276004428481652")],
  ['a:"say \\"hi\\""', phrase("a", 'say "hi"')],
  ['a:"back\\\\slash"', phrase("a", "back\\slash")],
  ['a:"meier*"', phrase("a", "meier*")],
  ['a:"AND"', phrase("a", "AND")],
  ['a:"a:b (c) [d]"', phrase("a", "a:b (c) [d]")],
  ['a:""', phrase("a", "")],
  ['a:"\\u0041"', phrase("a", "A")],
  // wildcards
  ["customer.name:meier*", term("customer.name", pattern([literal("meier"), anyChars()]))],
  ["a:???1??", term("a", pattern([oneChar(), oneChar(), oneChar(), literal("1"), oneChar(), oneChar()]))],
  ["vendor_uid:*dotnettest1", term("vendor_uid", pattern([anyChars(), literal("dotnettest1")]))],
  ["a:abc1?", term("a", pattern([literal("abc1"), oneChar()]))],
  ["a:\\*x*", term("a", pattern([literal("*x"), anyChars()]))],
  ["a:**", term("a", pattern([anyChars(), anyChars()]))],
  ["a:x\\ y*", term("a", pattern([literal("x y"), anyChars()]))],
  ["a:\\*", t("a", "*")],
  // exists
  ["incoming_payment_date:*", exists("incoming_payment_date")],
  ["_exists_:routing", exists("routing")],
  ['_exists_:"routing"', exists("routing")],
  // ranges
  ["customer.age:[30 TO 40]", range("customer.age", bound("30"), bound("40"))],
  ["a:{1 TO 5}", range("a", bound("1", false), bound("5", false))],
  ["a:[1 TO 5}", range("a", bound("1"), bound("5", false))],
  ["a:{1 TO 5]", range("a", bound("1", false), bound("5"))],
  ["basket_info.sum:[100 TO *]", range("basket_info.sum", bound("100"), null)],
  ["a:[* TO 5}", range("a", null, bound("5", false))],
  ["a:[* TO *]", range("a", null, null)],
  ["created:[2024-01-01T00:00:00+01:00 TO *]", range("created", bound("2024-01-01T00:00:00+01:00"), null)],
  ['a:["a b" TO "c\\"d"]', range("a", bound("a b"), bound('c"d'))],
  ['a:["*" TO 5]', range("a", null, bound("5"))],
  ["a:[\\* TO 5]", range("a", null, bound("5"))],
  ["a:[TO TO TOP]", range("a", bound("TO"), bound("TOP"))],
  ["a:[x:y TO (z)]", range("a", bound("x:y"), bound("(z)"))],
  ["a:[\\u0041 TO Z]", range("a", bound("A"), bound("Z"))],
  // comparisons
  ["basket_info.sum:>=1000", range("basket_info.sum", bound("1000"), null)],
  ["a:>5", range("a", bound("5", false), null)],
  ["a:<=5", range("a", null, bound("5"))],
  ["a:<5", range("a", null, bound("5", false))],
  ["a:>=2024-01-01T00\\:00\\:00+01\\:00", range("a", bound("2024-01-01T00:00:00+01:00"), null)],
  // operators
  ["a:1 AND b:2", and([t("a", "1"), t("b", "2")])],
  ["a:1 && b:2", and([t("a", "1"), t("b", "2")])],
  ["a:1 OR b:2", or([t("a", "1"), t("b", "2")])],
  ["a:1 || b:2", or([t("a", "1"), t("b", "2")])],
  ["NOT a:1", not(t("a", "1"))],
  ["!a:1", not(t("a", "1"))],
  ["!(a:1 OR b:2)", not(or([t("a", "1"), t("b", "2")]))],
  ["NOT(a:1)", not(t("a", "1"))],
  ["a:1 AND NOT b:2", and([t("a", "1"), not(t("b", "2"))])],
  ["a:1 AND b:2 AND c:3", and([t("a", "1"), t("b", "2"), t("c", "3")])],
  ["(a:1 AND b:2) AND c:3", and([t("a", "1"), t("b", "2"), t("c", "3")])],
  ["a:1 OR (b:2 OR c:3)", or([t("a", "1"), t("b", "2"), t("c", "3")])],
  ["(a:1 OR b:2) AND c:3", and([or([t("a", "1"), t("b", "2")]), t("c", "3")])],
  ["NOT (NOT a:1)", not(not(t("a", "1")))],
  ["((((a:1))))", t("a", "1")],
  ["a:1\nAND\tb:2\u3000OR c:3", or([and([t("a", "1"), t("b", "2")]), t("c", "3")])],
  // precedence: NOT > AND > OR
  ["a:1 OR b:2 AND c:3", or([t("a", "1"), and([t("b", "2"), t("c", "3")])])],
  ["a:1 AND b:2 OR c:3", or([and([t("a", "1"), t("b", "2")]), t("c", "3")])],
  ["NOT a:1 OR b:2", or([not(t("a", "1")), t("b", "2")])],
  ["NOT a:1 AND b:2", and([not(t("a", "1")), t("b", "2")])],
  // field groups
  ["status:(ok OR pending)", or([t("status", "ok"), t("status", "pending")])],
  [
    "status:(ok AND NOT pending*)",
    and([t("status", "ok"), not(term("status", pattern([literal("pending"), anyChars()])))]),
  ],
  ["a:(x OR (y AND z))", or([t("a", "x"), and([t("a", "y"), t("a", "z")])])],
  [
    'a:("x y" OR [1 TO 2] OR >5 OR *)',
    or([phrase("a", "x y"), range("a", bound("1"), bound("2")), range("a", bound("5", false), null), exists("a")]),
  ],
  ["a:(b:c OR d)", or([t("b", "c"), t("a", "d")])],
  ["_exists_:(a OR b)", or([exists("a"), exists("b")])],
  // the examples of the reference
  [
    "(NOT customer.name:meier*) AND (customer.age:[30 TO 40] OR customer.age:[50 TO 60])",
    and([
      not(term("customer.name", pattern([literal("meier"), anyChars()]))),
      or([range("customer.age", bound("30"), bound("40")), range("customer.age", bound("50"), bound("60"))]),
    ]),
  ],
  [
    "contact.surname:Mustermann OR contact.forename:John",
    or([t("contact.surname", "Mustermann"), t("contact.forename", "John")]),
  ],
  [
    "vendor:ingenico AND !(_exists_:routing) AND merchant.id:MRC_WVHJQFQ4JNVYNG5B55TYK748ZCHQP8",
    and([t("vendor", "ingenico"), not(exists("routing")), t("merchant.id", "MRC_WVHJQFQ4JNVYNG5B55TYK748ZCHQP8")]),
  ],
  ["!customer.object:loyalty.customers", not(t("customer.object", "loyalty.customers"))],
  [
    "a:abc1? OR (b:*0 AND NOT c:???1??)",
    or([
      term("a", pattern([literal("abc1"), oneChar()])),
      and([
        term("b", pattern([anyChars(), literal("0")])),
        not(term("c", pattern([oneChar(), oneChar(), oneChar(), literal("1"), oneChar(), oneChar()]))),
      ]),
    ]),
  ],
];

describe("accepted", () => {
  it.each(accepted)("%s", (source, expected) => {
    const { query, diagnostics } = tryParse(source);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(withoutSpans(query)).toEqual(withoutSpans(expected));
  });
});

describe("spans", () => {
  it("locates every node in the source, end exclusive", () => {
    const source = "a:1 AND (NOT b:[1 TO 2] OR c:x*)";
    const query = tryParse(source).query!;
    expect(query.span).toEqual({ start: 0, end: source.length });
    if (query.type !== "and") throw new Error("expected and");
    const [first, second] = query.operands;
    expect(source.slice(first!.span!.start, first!.span!.end)).toBe("a:1");
    if (second?.type !== "or") throw new Error("expected or");
    expect(source.slice(second.span!.start, second.span!.end)).toBe("NOT b:[1 TO 2] OR c:x*");
    const [negation, wildcard] = second.operands;
    expect(source.slice(negation!.span!.start, negation!.span!.end)).toBe("NOT b:[1 TO 2]");
    if (negation?.type !== "not") throw new Error("expected not");
    expect(source.slice(negation.operand.span!.start, negation.operand.span!.end)).toBe("b:[1 TO 2]");
    expect(source.slice(wildcard!.span!.start, wildcard!.span!.end)).toBe("c:x*");
  });

  it("counts UTF-16 code units", () => {
    const source = "a:😀 AND b:x";
    const query = tryParse(source).query!;
    if (query.type !== "and") throw new Error("expected and");
    expect(query.operands[1]!.span).toEqual({ start: 9, end: 12 });
  });
});
