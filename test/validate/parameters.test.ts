import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { applyFix } from "../../src/diagnostics/fixes.js";
import { validateFields, validateSort } from "../../src/validate/parameters.js";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";

/** Each diagnostic's code, the text it covers, and the parameter its first fix gives (`maybe:` when a guess). */
const codes = (result: { diagnostics: readonly Diagnostic[] }, source: string) =>
  result.diagnostics.map((d) => {
    const fix = d.fixes?.[0];
    const fixed = fix && `${fix.safe ? "" : "maybe: "}${applyFix(source, fix)}`;
    return [d.code, source.slice(d.span.start, d.span.end), fixed];
  });

describe("validateSort", () => {
  it.each([
    ["created:desc,id:asc", []],
    ["basket_info.sum:asc", []],
    ["created:down", [["invalid-direction", "down", "created:desc"]]],
    ["created:ASC", [["invalid-direction", "ASC", "created:asc"]]],
    ["created:sideways", [["invalid-direction", "sideways", undefined]]],
    ["created", [["missing-direction", "created", "maybe: created:asc"]]],
    ["basket_info.summ:asc", [["unknown-field", "basket_info.summ", "basket_info.sum:asc"]]],
    ["created:desc,,id:asc", [["empty-entry", "", "created:desc,id:asc"]]],
    ["created:desc,id:asc,", [["empty-entry", "", "created:desc,id:asc"]]],
    ["created:desc, id:asc", [["whitespace", " id:asc", "created:desc,id:asc"]]],
    ["id:asc,id:desc", [["duplicate-field", "id", undefined]]],
    [":asc", [["missing-field", "", undefined]]],
  ])("%s", (source, expected) => {
    const result = validateSort(source, { schema });
    expect(codes(result, source)).toEqual(expected);
    expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === "error"));
  });

  it("without a schema checks only the form", () => {
    expect(validateSort("anything:asc").ok).toBe(true);
    expect(validateSort("anything:up").ok).toBe(false);
  });

  it("never throws", () => {
    expect(validateSort(42 as never).ok).toBe(false);
  });
});

describe("validateFields", () => {
  it.each([
    ["id,status,basket_info.sum", []],
    ["customer,customer.contact.surname", []],
    ["id,status,basket_info.summ", [["unknown-field", "basket_info.summ", "id,status,basket_info.sum"]]],
    ["id,,status", [["empty-entry", "", "id,status"]]],
    ["id,id", [["duplicate-field", "id", undefined]]],
  ])("%s", (source, expected) => {
    expect(codes(validateFields(source, { schema }), source)).toEqual(expected);
  });

  it("strict makes warnings fail", () => {
    expect(validateFields("id,id", { schema }).ok).toBe(true);
    expect(validateFields("id,id", { schema, strict: true }).ok).toBe(false);
  });
});
