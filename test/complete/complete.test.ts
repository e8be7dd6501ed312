import { describe, expect, it } from "vitest";
import { complete, type CompleteOptions, type Completion } from "../../src/complete/complete.js";
import { defineSchema, field } from "../../src/schema/schema.js";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";

/** The completions at the `|` of `text`, as `kind:text`, best first. */
function at(
  text: string,
  options: CompleteOptions = { schema },
): { items: string[]; completions: Completion[]; source: string } {
  const cursor = text.indexOf("|");
  const source = text.slice(0, cursor) + text.slice(cursor + 1);
  const completions = complete(source, cursor, options);
  return { items: completions.map((c) => `${c.kind}:${c.text}`), completions, source };
}

describe("complete: what comes first at the cursor (|)", () => {
  it.each([
    // Fields by prefix: the object to step into before its fields.
    ["customer.con|", ["field:customer.contact.", "field:customer.contract."]],
    // By a segment: the last part of a path is enough.
    ["surn|", ["field:customer.contact.surname:", "field:shipping_address.contact.surname:"]],
    // Case is ignored.
    ["STAT|", ["field:status:"]],
    // Close spellings come after prefix and segment matches.
    ["statsu|", ["field:status:"]],
    // The known values of the field before the colon.
    ["status:re|", ["value:received"]],
    ["status:|", ["value:created", "value:processing", "value:approved"]],
    ["is_demo:|", ["value:true", "value:false"]],
    // Inside a field group, the group's field.
    ["status:(ok OR re|", ["value:received"]],
    ["a:b AND (x:y OR status:(ok OR re|", ["value:received"]],
    // Operators after a complete clause, in capitals: a lowercase and is a word to the server.
    ["status:ok |", ["operator:AND", "operator:OR", "operator:AND NOT"]],
    ["status:ok an|", ["operator:AND", "operator:AND NOT"]],
    ["(status:ok) |", ["operator:AND", "operator:OR", "operator:AND NOT"]],
    ["basket_info.sum:[1 TO 2] o|", ["operator:OR"]],
    // A field after an operator.
    ["status:ok AND basket_i|", ["field:basket_info.", "field:basket_info.currency:"]],
    ["NOT stat|", ["field:status:"]],
    // Ranges: TO after the first bound, the closing bracket after the second.
    ["basket_info.sum:[10 |", ["keyword:TO"]],
    ["basket_info.sum:[10 TO |", ["keyword:*"]],
    ["basket_info.sum:[10 TO 20 |", ["keyword:]", "keyword:}"]],
    // Range and comparison snippets for numbers and dates.
    ["basket_info.sum:|", ["snippet:[min TO max]", "snippet:>=min", "snippet:<=max", "snippet:>min", "snippet:<max"]],
    ["created:>|", ["snippet:>=2026-01-01", "snippet:>2026-01-01"]],
    // Fields for _exists_, as bare paths.
    ["_exists_:customer.cont|", ["field:customer.contact", "field:customer.contract"]],
    // Editing a field before its colon: the colon is not typed twice.
    ["stat|us:ok", ["field:status"]],
    // A quoted value is completed quoted.
    ['status:"re|', ['value:"received"']],
  ])("%s", (text, expected) => {
    const { items } = at(text);
    // An empty expectation means nothing at all is offered.
    expect(expected.length === 0 ? items : items.slice(0, expected.length)).toEqual(expected);
  });
});

describe("complete: after an earlier mistake", () => {
  it.each([
    ["a:b and ) ] x:y AND stat|", ["field:status:"]],
    // A lowercase operator is a mistake, but a clause is what comes after it.
    ["status:ok and basket_info.su|", ["field:basket_info.sum:"]],
    ["status:ok or not stat|", ["field:status:"]],
    ['x:"unclosed AND status:re|', []],
    ["x:y^2 AND status:re|", ["value:received"]],
    ["((( status:re|", ["value:received"]],
    ["status:ok AND AND basket_info.su|", ["field:basket_info.sum:"]],
    // An unclosed range reads on to its bracket, as the server's lexer does.
    ["x:[1 TO 2 status:re|", ["keyword:]", "keyword:}"]],
  ])("%s", (text, expected) => {
    const { items } = at(text);
    // An empty expectation means nothing at all is offered.
    expect(expected.length === 0 ? items : items.slice(0, expected.length)).toEqual(expected);
  });

  it("an unclosed quote swallows the rest, as the server reads it: nothing is offered inside it", () => {
    expect(at('x:"unclosed AND status:re|').items).toEqual([]);
  });
});

describe("complete: spans, details and snippets", () => {
  it("replaces the whole word at the cursor, even from its middle", () => {
    const { completions } = at("a:b AND stat|us:ok");
    expect(completions[0]).toMatchObject({ span: { start: 8, end: 14 }, text: "status", label: "status" });
  });

  it("inserts at the cursor when no word is there", () => {
    expect(at("status:ok |").completions[0]!.span).toEqual({ start: 10, end: 10 });
  });

  it("gives each field its type as detail", () => {
    expect(at("basket_info.su|").completions[0]).toMatchObject({ label: "basket_info.sum", detail: "integer (cents)" });
    expect(at("customer.con|").completions[0]).toMatchObject({ detail: "object" });
  });

  it("marks a snippet's parts to fill in", () => {
    const range = at("basket_info.sum:|").completions[0]!;
    expect(range.placeholders!.map((p) => range.text.slice(p.start, p.end))).toEqual(["min", "max"]);
    const date = at("created:|").completions[0]!;
    expect(date.placeholders!.map((p) => date.text.slice(p.start, p.end))).toEqual(["2026-01-01", "2026-12-31"]);
  });

  it("writes values so the server reads them as typed: quoted where they hold spaces", () => {
    const spaced = defineSchema({ city: field("keyword", { values: ["Frankfurt am Main", "Köln"] }) });
    expect(at("city:fr|", { schema: spaced }).items).toEqual(['value:"Frankfurt am Main"']);
  });

  it("offers operators and keywords alone without a schema", () => {
    expect(at("x:y |", {}).items).toEqual(["operator:AND", "operator:OR", "operator:AND NOT"]);
    expect(at("n|", {}).items).toEqual(["operator:NOT"]);
  });

  it("never offers a field the server cannot search", () => {
    const hidden = defineSchema({ a: "keyword", l: field("integer", { searchable: false }) });
    expect(at("|", { schema: hidden }).items).not.toContain("field:l:");
  });

  it("keeps to the limit, and clamps a cursor outside the text", () => {
    expect(complete("", 0, { schema, limit: 3 })).toHaveLength(3);
    expect(complete("status:re", 99, { schema })[0]!.text).toBe("received");
    expect(complete("status:re", -5, { schema })[0]!.kind).toBe("field");
  });
});
