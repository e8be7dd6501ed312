import type { FieldInfo, FieldType } from "./schema-types.js";

/** Why a text cannot be a value of a field's type, and the likely intended value when there is one. */
export interface ValueProblem {
  readonly message: string;
  readonly fix?: string;
}

const INTEGER = /^[+-]?\d+$/;
/** A decimal number, as the server reads one: `12`, `-1.5`, `.5`, `1e3`. */
export const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_AMOUNT = /^([+-]?)(\d+)[.,](\d{1,2})$/;
const ISO_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;
// Elasticsearch date math: `now` or a date followed by `||`, then `+1d`, `-2h`, `/d`…
const TRUTHY = new Set(["true", "yes", "y", "1", "on", "ja", "wahr"]);
const FALSY = new Set(["false", "no", "n", "0", "off", "nein", "falsch"]);

/** Milliseconds since 1970 of a UTC time; unlike `Date.UTC`, years 0 to 99 are not taken for 1900 to 1999. */
function utc(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  // Date.UTC is the fast way (no Date object); only the first century needs the slow one.
  if (year >= 100) return Date.UTC(year, monthIndex, day, hour, minute, second, ms);
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
/** The days of a month (1 to 12) in the proleptic Gregorian calendar, as Date counts them. */
const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;

/**
 * The instant an ISO 8601 date or date-time stands for, in milliseconds (a date without an offset is UTC, as
 * Elasticsearch reads it), or `undefined` when the text is no such date, or an impossible one (`2024-13-45`).
 * `roundUp` fills what is not written with its largest value, as Elasticsearch does for an inclusive upper bound or
 * an exclusive lower one: `2026-11-30` is then the day's last millisecond, `2026` the year's.
 */
export function parseIsoDate(text: string, roundUp = false): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y);
  const month = mo === undefined ? (roundUp ? 12 : 1) : Number(mo);
  if (month < 1 || month > 12) return undefined;
  const day = d === undefined ? (roundUp ? daysInMonth(year, month) : 1) : Number(d);
  const hour = h === undefined ? (roundUp ? 23 : 0) : Number(h);
  const minute = mi === undefined ? (roundUp ? 59 : 0) : Number(mi);
  const second = s === undefined ? (roundUp ? 59 : 0) : Number(s);
  if (day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (offset !== undefined && offset !== "Z") {
    const digits = offset.slice(1).replace(":", "");
    const [oh, om] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || "0")];
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (offset.startsWith("-") ? -1 : 1) * (oh * 60 + om);
  }
  const ms = fraction === undefined ? (roundUp ? 999 : 0) : Number(fraction.slice(0, 3).padEnd(3, "0"));
  return utc(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

const digit = (text: string, at: number): number => text.charCodeAt(at) - 48;
const twoDigits = (text: string, at: number): number => {
  const a = digit(text, at);
  const b = digit(text, at + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
};

/**
 * The instant of a record's date, as `parseIsoDate` reads it, but the form the API writes timestamps in
 * (`2026-11-30T10:15:00+01:00`) is read character by character: a date range tests every record's timestamp, and this
 * is many times faster than the regular expression. Kept apart from `parseIsoDate`, so that code which only checks
 * values (the builder) does not carry it.
 */
export function parseTimestamp(text: string): number | undefined {
  return (text.length === 25 ? fixedTimestamp(text) : undefined) ?? parseIsoDate(text);
}

/** The instant of `YYYY-MM-DDTHH:MM:SS±HH:MM`, read character by character; `undefined` for any other text. */
function fixedTimestamp(text: string): number | undefined {
  const sign = text.charCodeAt(19);
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58 ||
    (sign !== 43 && sign !== 45) ||
    text.charCodeAt(22) !== 58
  ) {
    return undefined;
  }
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  const offsetHours = twoDigits(text, 20);
  const offsetMinutes = twoDigits(text, 23);
  // NaN fails every comparison, so a non-digit anywhere ends here too.
  if (!(year >= 100 && month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59)) {
    return undefined;
  }
  if (!(offsetHours <= 23 && offsetMinutes <= 59) || day > daysInMonth(year, month)) return undefined;
  const offset = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return (((daysSince1970(year, month, day) * 24 + hour) * 60 + minute - offset) * 60 + second) * 1000;
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar, by arithmetic (Howard Hinnant's days_from_civil). */
function daysSince1970(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const describeType: Record<FieldType, string> = {
  string: "text",
  keyword: "an identifier",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
  date: "an ISO 8601 date or date-time, such as 2024-01-31 or 2024-01-31T12:00:00+01:00",
  object: "an object",
};

/** What a field's values look like, in words, for messages. */
export function typeDescription(info: Pick<FieldInfo, "type" | "unit">): string {
  return info.unit === "cent" ? "a whole number of cents" : describeType[info.type];
}

/** Checks that a text can be a value of the field (a term's text or a range bound); `undefined` when it can. */
export function checkValue(info: Pick<FieldInfo, "type" | "unit" | "path">, text: string): ValueProblem | undefined {
  const expected = `${info.path} holds ${typeDescription(info)}`;
  switch (info.type) {
    case "string":
    case "keyword":
    case "object":
      return undefined;
    case "integer": {
      if (INTEGER.test(text)) return undefined;
      const amount = DECIMAL_AMOUNT.exec(text);
      if (amount && info.unit === "cent") {
        const [, sign = "", units = "", cents = ""] = amount;
        const fix = `${sign}${String(Number(units) * 100 + Number(cents.padEnd(2, "0")))}`;
        return { message: `${expected}: ${text} is not one; ${text} in cents is ${fix}`, fix };
      }
      return { message: `${expected}; ${JSON.stringify(text)} is not one` };
    }
    case "number":
      if (NUMBER.test(text)) return undefined;
      if (/^[+-]?\d+,\d+$/.test(text))
        return { message: `${expected}, written with a decimal point`, fix: text.replace(",", ".") };
      return { message: `${expected}; ${JSON.stringify(text)} is not one` };
    case "boolean": {
      if (text === "true" || text === "false") return undefined;
      const lower = text.toLowerCase();
      const fix = TRUTHY.has(lower) ? "true" : FALSY.has(lower) ? "false" : undefined;
      const message = `${expected}, written in lower case; ${JSON.stringify(text)} is neither`;
      return fix === undefined ? { message } : { message, fix };
    }
    case "date":
      // Digits that are no date are milliseconds since 1970 to the server (its epoch_millis format).
      if (parseIsoDate(text) !== undefined || isDateMath(text) || /^-?\d{1,15}$/.test(text)) return undefined;
      if (ISO_DATE.test(text)) return { message: `${JSON.stringify(text)} is no date: no such month, day or time` };
      return { message: `${expected}; ${JSON.stringify(text)} is not one` };
    default:
      return undefined;
  }
}

/** Compares two values of a field's type, or `undefined` when they cannot be compared (date math, bad values). */
export function compareValues(type: FieldType, a: string, b: string): number | undefined {
  switch (type) {
    case "integer":
    case "number": {
      const [x, y] = [Number(a), Number(b)];
      return Number.isNaN(x) || Number.isNaN(y) ? undefined : x - y;
    }
    case "date": {
      const [x, y] = [parseIsoDate(a), parseIsoDate(b)];
      return x === undefined || y === undefined ? undefined : x - y;
    }
    case "string":
    case "keyword":
      return compareCodePoints(a, b);
    default:
      return undefined;
  }
}

/** Orders strings by code point, as the server orders terms (by their UTF-8 bytes). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const [x, y] = [a.codePointAt(i)!, b.codePointAt(i)!];
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Whether a type holds text, the only values the server matches wildcard patterns against. */
export function isText(type: FieldType): boolean {
  return type === "string" || type === "keyword";
}

/**
 * Why a range of a field's type holds nothing: `reversed` when its lower bound is above its upper one, `excluded`
 * when both bounds are the same value and one of them excludes it; `undefined` when it may hold something.
 */
export function emptyRange(
  type: FieldType,
  min: { readonly value: string; readonly inclusive: boolean },
  max: { readonly value: string; readonly inclusive: boolean },
): "reversed" | "excluded" | undefined {
  const order = compareValues(type, min.value, max.value);
  if (order === undefined) return undefined;
  if (order > 0) return "reversed";
  return order === 0 && !(min.inclusive && max.inclusive) ? "excluded" : undefined;
}

/** Whether values of a type have an order, so that ranges and comparisons mean something. */
export function isOrdered(type: FieldType): boolean {
  return type !== "boolean" && type !== "object";
}

// Date math as Elasticsearch writes it: `now` or a date and `||`, then `+N`/`-N` units and `/unit` roundings.
const DATE_MATH = /^(?:now|(.+?)\|\|)(?:[+-]\d+[yMwdhHms]|\/[yMwdhHms])*$/;

/** Whether text is date math (`now-7d/d`, `2025-01-01||+1M`), its date part a real date. */
export function isDateMath(text: string): boolean {
  const match = DATE_MATH.exec(text);
  return match !== null && (match[1] === undefined || parseIsoDate(match[1]) !== undefined);
}
