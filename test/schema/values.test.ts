import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkValue, compareCodePoints, compareValues, parseIsoDate, parseTimestamp } from "../../src/schema/values.js";
import { resolveDate } from "../../src/schema/date-math.js";
import { distanceWithin, suggest } from "../../src/validate/suggest.js";
import { runs } from "../property-runs.js";

describe("resolveDate: Elasticsearch's date math, in UTC (now is 2026-12-08T10:30 here)", () => {
  const now = Date.UTC(2026, 11, 8, 10, 30);
  it.each([
    ["now", false, now],
    ["now-7d", false, Date.UTC(2026, 11, 1, 10, 30)],
    ["now-7d/d", false, Date.UTC(2026, 11, 1)],
    ["now-7d/d", true, Date.UTC(2026, 11, 2) - 1],
    ["now/M", false, Date.UTC(2026, 11, 1)],
    ["now/y", true, Date.UTC(2027, 0, 1) - 1],
    ["now/w", false, Date.UTC(2026, 11, 7)],
    ["now+1h/h", false, Date.UTC(2026, 11, 8, 11)],
    ["now-90m", false, Date.UTC(2026, 11, 8, 9)],
    ["now-1y", false, Date.UTC(2025, 11, 8, 10, 30)],
    ["2025-01-31||+1M", false, Date.UTC(2025, 1, 28)],
    ["2025-01-01||+1M/M", false, Date.UTC(2025, 1, 1)],
    ["2025-01-01||+1M/M", true, Date.UTC(2025, 2, 1) - 1],
    ["2025-06-15T12:00:00Z||-1d", false, Date.UTC(2025, 5, 14, 12)],
    ["2025-03", true, Date.UTC(2025, 3, 1) - 1],
    ["20000", false, 20_000],
    ["1735689600000", true, Date.UTC(2025, 0, 1)],
  ] as const)("%s (round up: %s)", (text, roundUp, instant) => {
    expect(resolveDate(text, roundUp, now)).toBe(instant);
  });

  it.each(["nowx", "now-7", "now/q", "2025-13-01||+1d", "yesterday", "now+-1d"])("%s is no date", (text) => {
    expect(resolveDate(text, false, now)).toBeUndefined();
  });
});

describe("parseIsoDate", () => {
  it.each([
    ["2024-01-31", Date.UTC(2024, 0, 31)],
    ["2024-02-29", Date.UTC(2024, 1, 29)],
    ["2000-02-29", Date.UTC(2000, 1, 29)],
    ["2024", Date.UTC(2024, 0, 1)],
    ["2024-06", Date.UTC(2024, 5, 1)],
    ["2024-01-31T12:30", Date.UTC(2024, 0, 31, 12, 30)],
    ["2024-01-31T12:30:15.123Z", Date.UTC(2024, 0, 31, 12, 30, 15, 123)],
    ["2024-01-31T12:30:15.5Z", Date.UTC(2024, 0, 31, 12, 30, 15, 500)],
    ["0050-03-01", new Date("0050-03-01T00:00:00Z").getTime()],
    ["2020-03-27T10:55:23+01:00", Date.UTC(2020, 2, 27, 9, 55, 23)],
    ["2020-03-27T10:55:23-0230", Date.UTC(2020, 2, 27, 13, 25, 23)],
  ])("%s", (text, instant) => {
    expect(parseIsoDate(text)).toBe(instant);
  });

  it.each([
    "2024-13-01",
    "2024-02-30",
    "2023-02-29",
    "1900-02-29",
    "2024-00-10",
    "2024-01-00",
    "2024-01-01T24:00",
    "2024-01-01T12:60",
    "2024-01-01T12:00+25:00",
    "24-01-01",
    "2024-1-1",
    "2024-01-01 12:00",
    "",
  ])("%s is no date", (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });

  it("agrees with Date for every valid day", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("0000-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }),
        (date) => {
          expect(parseIsoDate(date.toISOString())).toBe(date.getTime());
        },
      ),
    );
  });
});

describe("checkValue", () => {
  const info = (type: "integer" | "number" | "boolean" | "date" | "string", unit?: "cent") => ({
    path: "f",
    type,
    ...(unit && { unit }),
  });
  it.each([
    ["integer", "-12", true],
    ["integer", "+7", true],
    ["integer", "1e3", false],
    ["number", "1.5e-3", true],
    ["number", ".5", true],
    ["number", "1.", true],
    ["number", "abc", false],
    ["boolean", "true", true],
    ["boolean", "TRUE", false],
    ["date", "now-7d/d", true],
    ["date", "2024-01-01||+1M", true],
    ["date", "now+", false],
    ["string", "anything at all", true],
  ] as const)("%s %s → %s", (type, text, valid) => {
    expect(checkValue(info(type), text) === undefined).toBe(valid);
  });

  it("turns a decimal amount into cents for a field in cents", () => {
    expect(checkValue(info("integer", "cent"), "12.3")?.fix).toBe("1230");
    expect(checkValue(info("integer", "cent"), "-0,05")?.fix).toBe("-5");
    expect(checkValue(info("integer"), "12.3")?.fix).toBeUndefined();
  });
});

describe("comparing values", () => {
  it("orders numbers as numbers, dates as instants, text by code point", () => {
    expect(compareValues("integer", "9", "10")).toBeLessThan(0);
    expect(compareValues("date", "2024-01-01T01:00:00+02:00", "2024-01-01")).toBeLessThan(0);
    expect(compareValues("date", "now", "2024-01-01")).toBeUndefined();
    expect(compareValues("string", "b", "a")).toBeGreaterThan(0);
    expect(compareValues("boolean", "true", "false")).toBeUndefined();
  });

  it("orders by code point, not by UTF-16 unit", () => {
    expect(compareCodePoints("\uffff", "😀")).toBeLessThan(0);
    // JavaScript itself compares UTF-16 units, which order them the other way.
    expect(["\uffff", "😀"].sort()).toEqual(["😀", "\uffff"]);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        const byCodePoint = Math.sign(compareCodePoints(a, b));
        const [x, y] = [[...a].map((c) => c.codePointAt(0)!), [...b].map((c) => c.codePointAt(0)!)];
        let expected = Math.sign(x.length - y.length);
        for (let i = 0; i < Math.min(x.length, y.length); i++)
          if (x[i] !== y[i]) {
            expected = Math.sign(x[i]! - y[i]!);
            break;
          }
        expect(byCodePoint).toBe(expected);
      }),
    );
  });
});

describe("suggest", () => {
  it("counts a transposition as one edit", () => {
    expect(distanceWithin("recieved", "received", 8)).toBe(1);
    expect(distanceWithin("", "abc", 3)).toBe(3);
  });

  it("offers close words first, then paths ending in the word", () => {
    expect(suggest("stauts", ["created", "state", "status"])).toEqual(["status", "state"]);
    expect(suggest("surname", ["customer.contact.surname", "customer.contact.forename", "surnames"])).toEqual([
      "surnames",
      "customer.contact.surname",
    ]);
    expect(suggest("zzzz", ["status"])).toEqual([]);
  });
});

describe("parseTimestamp: YYYY-MM-DDTHH:MM:SS±HH:MM read fast, anything else as parseIsoDate reads it", () => {
  const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
  const timestamp = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      two(14),
      two(33),
      two(25),
      two(61),
      two(61),
      fc.constantFrom("+", "-"),
      two(25),
      two(61),
    )
    .map(
      ([y, mo, d, h, mi, s, sign, oh, om]) =>
        `${String(y).padStart(4, "0")}-${mo}-${d}T${h}:${mi}:${s}${sign}${oh}:${om}`,
    );

  it("reads every such text as parseIsoDate does, valid or not", () => {
    const reached = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(timestamp, (text) => {
        const general = parseIsoDate(text);
        expect(parseTimestamp(text), text).toBe(general);
        reached[general === undefined ? "invalid" : "valid"]++;
      }),
      { numRuns: runs(2000) },
    );
    expect(reached.valid).toBeGreaterThan(runs(2000) / 10);
    expect(reached.invalid).toBeGreaterThan(runs(2000) / 10);
  });

  it.each([
    ["2026-11-30T10:15:00+01:00", Date.UTC(2026, 10, 30, 9, 15)],
    ["2024-02-29T23:59:59-14:00", Date.UTC(2024, 2, 1, 13, 59, 59)],
    ["1970-01-01T00:00:00+00:00", 0],
    ["2023-02-29T10:00:00+01:00", undefined],
    ["2026-11-30T24:00:00+01:00", undefined],
    ["2026-11-30T10:15:00+24:00", undefined],
    ["2026-11-30 10:15:00+01:00", undefined],
    ["2026-11-30", Date.UTC(2026, 10, 30)],
    ["2026-11-30T10:15:00.5Z", Date.UTC(2026, 10, 30, 10, 15, 0, 500)],
  ])("%s", (text, instant) => {
    expect(parseTimestamp(text)).toBe(instant);
  });
});
