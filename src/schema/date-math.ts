import { parseIsoDate } from "./values.js";

/**
 * Elasticsearch's date math (UTC, as the server has no time zone for `q`): `now`, or a date and `||`, then any of
 * `+N` or `-N` a unit and `/unit` rounding, with the units `y`, `M`, `w`, `d`, `h` (or `H`), `m` and `s`:
 * `now-7d/d`, `2025-01-01||+1M/M`.
 */
const MATH = /^(?:now|(.+?)\|\|)((?:[+-]\d+[yMwdhHms]|\/[yMwdhHms])*)$/;
const EPOCH_MILLIS = /^-?\d{1,15}$/;
const OPERATION = /([+-])(\d+)([yMwdhHms])|\/([yMwdhHms])/g;

const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { w: 7 * DAY, d: DAY, h: 3_600_000, H: 3_600_000, m: 60_000, s: 1000 };

function addMonths(instant: number, months: number): number {
  const date = new Date(instant);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  // As Java's plusMonths: the 31st of a shorter month is its last day.
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return date.getTime();
}

/** The start of the unit an instant falls in (weeks start on Monday, as ISO weeks do). */
function floorTo(instant: number, unit: string): number {
  const date = new Date(instant);
  switch (unit) {
    case "y":
      return Date.UTC(date.getUTCFullYear(), 0, 1);
    case "M":
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    case "w": {
      const day = Math.floor(instant / DAY) * DAY;
      const weekday = (new Date(day).getUTCDay() + 6) % 7;
      return day - weekday * DAY;
    }
    default:
      return Math.floor(instant / UNIT_MS[unit]!) * UNIT_MS[unit]!;
  }
}

/** The start of the next unit. */
function nextOf(start: number, unit: string): number {
  if (unit === "y") return addMonths(start, 12);
  if (unit === "M") return addMonths(start, 1);
  return start + UNIT_MS[unit]!;
}

/**
 * The instant a date value stands for: an ISO 8601 date (see `parseIsoDate`) or date math. `roundUp`, for an
 * inclusive upper bound or an exclusive lower one, takes a rounding (`/d`) to the unit's last millisecond and fills
 * a date's missing parts with their largest values, as Elasticsearch does. `undefined` when it is neither.
 */
export function resolveDate(text: string, roundUp = false, now: number = Date.now()): number | undefined {
  const match = MATH.exec(text);
  // Elasticsearch's date format is strict_date_optional_time||epoch_millis: digits that are no date are milliseconds.
  if (!match) return parseIsoDate(text, roundUp) ?? (EPOCH_MILLIS.test(text) ? Number(text) : undefined);
  const [, anchor, operations = ""] = match;
  let instant = anchor === undefined ? now : parseIsoDate(anchor);
  if (instant === undefined) return undefined;
  for (const [, sign, amount, unit, rounding] of operations.matchAll(OPERATION)) {
    if (rounding !== undefined) {
      const start = floorTo(instant, rounding);
      instant = roundUp ? nextOf(start, rounding) - 1 : start;
      continue;
    }
    const n = Number(amount) * (sign === "-" ? -1 : 1);
    instant =
      unit === "y" ? addMonths(instant, 12 * n) : unit === "M" ? addMonths(instant, n) : instant + n * UNIT_MS[unit!]!;
  }
  return instant;
}
