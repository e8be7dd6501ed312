import { InvalidQueryError } from "../../src/ast/errors.js";
import { validate } from "../../src/validate/validate.js";
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
import { format } from "../../src/serialize/format.js";
import { serialize } from "../../src/serialize/serialize.js";

const t = (field: string, value: string): Query => term(field, text(value));
const word = (field: string, value: string): Query => term(field, text(value, { word: true }));
const [a, b, c] = [t("a", "1"), t("b", "2"), t("c", "3")];

/** The canonical form, row by row: [what is printed, the tree]. */
const canonical: [string, Query][] = [
  // operators: one space around, upper case, NOT for negation
  ["a:1 AND b:2", and([a, b])],
  ["a:1 OR b:2 OR c:3", or([a, b, c])],
  ["NOT a:1", not(a)],
  // operands of OR
  ["a:1 OR (b:2 AND c:3)", or([a, and([b, c])])],
  ["(NOT a:1) OR c:3", or([not(a), c])],
  [
    "a:[1 TO 2] OR _exists_:b OR c:x*",
    or([range("a", bound("1"), bound("2")), exists("b"), term("c", pattern([literal("x"), anyChars()]))]),
  ],
  // operands of AND
  ["a:1 AND NOT b:2", and([a, not(b)])],
  ["(a:1 OR b:2) AND c:3", and([or([a, b]), c])],
  ["NOT a:1 AND NOT b:2", and([not(a), not(b)])],
  // operand of NOT
  ["NOT (NOT a:1)", not(not(a))],
  ["NOT (a:1 OR b:2)", not(or([a, b]))],
  ["NOT (a:1 AND b:2)", not(and([a, b]))],
  ["NOT a:[* TO 5]", not(range("a", null, bound("5")))],
  ["NOT _exists_:a", not(exists("a"))],
  // ranges
  ["a:[1 TO 5]", range("a", bound("1"), bound("5"))],
  ["a:{1 TO 5}", range("a", bound("1", false), bound("5", false))],
  ["a:[1 TO 5}", range("a", bound("1"), bound("5", false))],
  ["a:[* TO 5}", range("a", null, bound("5", false))],
  ["a:[1 TO *]", range("a", bound("1"), null)],
  ["a:{1 TO *]", range("a", bound("1", false), null)],
  ["a:[* TO *]", range("a", null, null)],
  ["created:[2024-01-01T00:00:00+01:00 TO *]", range("created", bound("2024-01-01T00:00:00+01:00"), null)],
  ['a:["a b" TO "TO"]', range("a", bound("a b"), bound("TO"))],
  ['a:["x]" TO "y}"]', range("a", bound("x]"), bound("y}"))],
  ['a:["\\"" TO "\\u005C"]', range("a", bound('"'), bound("\\"))],
  ['a:["[" TO "\\u005C\\""]', range("a", bound("["), bound('\\"'))],
  // values: bare where safe
  ["a:Meier", t("a", "Meier")],
  ["a:ANDROID", t("a", "ANDROID")],
  ["a:TO", t("a", "TO")],
  ["a:é", t("a", "é")],
  // values written as words stay words, reserved characters escaped (< and > cannot be escaped and need not be)
  ["a:b\\-c", word("a", "b-c")],
  ["a:x\\ y\\:z", word("a", "x y:z")],
  ["a:2024\\-01\\-01T10\\:00", word("a", "2024-01-01T10:00")],
  ["a:x<y", word("a", "x<y")],
  ["a:AND\\-", word("a", "AND-")],
  ["a:user@example.com", word("a", "user@example.com")],
  // values: quoted where not (a phrase that is not one plain term)
  ['a:"é😀"', t("a", "é😀")],
  ['a:"van der Berg"', t("a", "van der Berg")],
  ['a:"AND"', t("a", "AND")],
  ['a:"OR"', t("a", "OR")],
  ['a:"NOT"', t("a", "NOT")],
  ['a:"x/y"', t("a", "x/y")],
  ['a:"A+B"', t("a", "A+B")],
  ['a:"2024-01-01"', t("a", "2024-01-01")],
  ['a:"a:b"', t("a", "a:b")],
  ['a:"*"', t("a", "*")],
  ['a:"meier*"', t("a", "meier*")],
  ['a:">5"', t("a", ">5")],
  ['a:"x<y"', t("a", "x<y")],
  ['a:"say \\"hi\\""', t("a", 'say "hi"')],
  ['a:"back\\\\slash"', t("a", "back\\slash")],
  ['a:"tab\there"', t("a", "tab\there")],
  ['a:"nb\u00a0sp"', t("a", "nb\u00a0sp")],
  ['a:""', t("a", "")],
  // patterns: literal parts escaped, since quotes would turn wildcards off
  ["a:meier*", term("a", pattern([literal("meier"), anyChars()]))],
  ["a:???1??", term("a", pattern([oneChar(), oneChar(), oneChar(), literal("1"), oneChar(), oneChar()]))],
  ["a:van\\ der*", term("a", pattern([literal("van der"), anyChars()]))],
  ["a:\\*x?", term("a", pattern([literal("*x"), oneChar()]))],
  ["a:\\>5*", term("a", pattern([literal(">5"), anyChars()]))],
  ["a:A\\+B*\\:\\\\", term("a", pattern([literal("A+B"), anyChars(), literal(":\\")]))],
  ["a:AND*", term("a", pattern([literal("AND"), anyChars()]))],
  // fields: reserved characters escaped, operator spellings get an escaped first letter
  ["customer.contact.surname:x", t("customer.contact.surname", "x")],
  ["\\AND:x", t("AND", "x")],
  ["\\NOT:x", t("NOT", "x")],
  ["x\\ y:1", t("x y", "1")],
  ["f\\:g:1", t("f:g", "1")],
  ["\\-f:1", t("-f", "1")],
  ["_exists_:\\AND", exists("AND")],
];

describe("canonical form", () => {
  it.each(canonical)("%s", (expected, query) => {
    expect(serialize(query)).toBe(expected);
  });

  it("prints a builder-like object through toQuery", () => {
    expect(serialize({ toQuery: () => a })).toBe("a:1");
  });

  it("prints a NOT chain 100,000 deep without recursion", () => {
    let query: Query = a;
    for (let i = 0; i < 100_000; i++) query = not(query);
    const printed = serialize(query);
    expect(printed.startsWith("NOT (NOT (")).toBe(true);
    expect(printed.length).toBe(100_000 * "NOT (".length - 1 + "a:1".length + 99_999);
  });
});

/** A node as a person might write it by hand, unchecked by the factories. */
const handMade = (node: object): Query => node as Query;
const leaf = { type: "term", field: "a", value: { kind: "text", text: "1" } };

describe("a hand-made tree the factories would refuse", () => {
  it.each([
    ["an and of no operands", handMade({ type: "and", operands: [] })],
    ["an or of one operand", handMade({ type: "or", operands: [leaf] })],
    ["a range bound of *", handMade({ type: "range", field: "a", min: { value: "*", inclusive: true }, max: null })],
    ["an empty range bound", handMade({ type: "range", field: "a", min: null, max: { value: "", inclusive: true } })],
    ["an empty field", handMade({ ...leaf, field: "" })],
    ["a wildcard in a field", handMade({ ...leaf, field: "a*" })],
    ["a term on _exists_", handMade({ ...leaf, field: "_exists_" })],
    ["a lone surrogate in a value", handMade({ ...leaf, value: { kind: "text", text: "\uD800" } })],
    ["a lone surrogate in a field", handMade({ ...leaf, field: "a\uDC00" })],
    [
      "a lone surrogate in a bound",
      handMade({ type: "range", field: "a", min: { value: "\uD800", inclusive: true }, max: null }),
    ],
    [
      "a pattern without a wildcard",
      handMade({ ...leaf, value: { kind: "pattern", parts: [{ kind: "literal", text: "x" }] } }),
    ],
    ["a pattern of only *", handMade({ ...leaf, value: { kind: "pattern", parts: [{ kind: "anyChars" }] } })],
    ["a word that starts like a comparison", handMade({ ...leaf, value: { kind: "text", text: ">5", word: true } })],
    ["a value of no kind", handMade({ ...leaf, value: { text: "1" } })],
    ["an unknown node type", handMade({ type: "near", field: "a" })],
    ["a null operand", handMade({ type: "and", operands: [leaf, null] })],
    ["NOT of nothing", handMade({ type: "not" })],
  ])("%s: serialize throws InvalidQueryError, validate reports invalid-query", (_, query) => {
    expect(() => serialize(query)).toThrow(InvalidQueryError);
    expect(validate(query).diagnostics.map((d) => d.code)).toEqual(["invalid-query"]);
  });

  it("prints a hand-made tree that keeps the rules", () => {
    expect(serialize(handMade({ type: "and", operands: [leaf, { ...leaf, field: "b" }] }))).toBe("a:1 AND b:1");
  });
});

describe("format", () => {
  it.each([
    ["a:1 OR b:2 AND c:3", "a:1 OR (b:2 AND c:3)"],
    ["NOT a:b OR c:d", "(NOT a:b) OR c:d"],
    ["a:1 || b:2 && !c:3", "a:1 OR (b:2 AND NOT c:3)"],
    ["status:(ok OR pending)", "status:ok OR status:pending"],
    ["a:>=5", "a:[5 TO *]"],
    ["a:<5", "a:[* TO 5}"],
    ["incoming_payment_date:*", "_exists_:incoming_payment_date"],
    // A word stays a word and a phrase a phrase: on an analysed field they differ.
    ["a:A\\+B", "a:A\\+B"],
    ["a:b-c", "a:b\\-c"],
    ['a:"b-c"', 'a:"b-c"'],
    ["a:x\\ y", "a:x\\ y"],
    ['a:"x y"', 'a:"x y"'],
    ["a:user@example.com", "a:user@example.com"],
    ["((a:1))  AND\n(b:2)", "a:1 AND b:2"],
    ["a:\\u0041", "a:A"],
  ])("%s", (source, expected) => {
    expect(format(source)).toBe(expected);
    expect(format(expected)).toBe(expected);
  });

  it("throws on invalid text", () => {
    expect(() => format("a:b and c:d")).toThrow(/not an operator/);
  });
});
