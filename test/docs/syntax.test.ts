import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { matches } from "../../src/evaluate/matches.js";
import { smartTransactionSchema as schema } from "../../src/schema/smart-transaction-schema.js";
import { validate } from "../../src/validate/validate.js";

const guide = readFileSync(new URL("../../docs/syntax.md", import.meta.url), "utf8");
/** The queries a table of the guide tells people to write: each code span of its second column. */
const taughtIn = (section: string, next: string): string[] =>
  guide
    .slice(guide.indexOf(section), guide.indexOf(next))
    .split("\n")
    .filter((line) => line.startsWith("| ") && !/^\| you (want|mean)/.test(line) && !line.startsWith("| ---"))
    .flatMap((line) => [...line.split("|")[2]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!))
    .filter((code) => code.includes(":"));
const taught = taughtIn("## Conditions", "## Words and phrases");
const dates = taughtIn("## Dates and time zones", "## Combining conditions");

describe("docs/syntax.md", () => {
  it("teaches a dozen forms or more", () => {
    expect(taught.length).toBeGreaterThanOrEqual(12);
  });

  it.each(taught)("%s is valid", (query) => {
    expect(validate(query).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("teaches the German November, and it finds what a German calendar says", () => {
    expect(dates).toHaveLength(3);
    const [november] = dates;
    expect(validate(november!, { schema })).toMatchObject({ ok: true, diagnostics: [] });
    const at = (created: string) => matches(november!, { created }, { schema });
    expect(at("2026-11-01T00:30:00+01:00")).toBe(true);
    expect(at("2026-11-30T23:59:59+01:00")).toBe(true);
    expect(at("2026-10-31T23:59:59+01:00")).toBe(false);
    expect(at("2026-12-01T00:00:00+01:00")).toBe(false);
  });

  it.each(dates)("%s is valid against the schema", (query) => {
    expect(validate(query, { schema }).diagnostics).toEqual([]);
  });
});
