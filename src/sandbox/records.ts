import { someValue } from "../evaluate/leaves.js";
import type { FieldSchema } from "../schema/schema.js";

/** The record with only the given dotted paths (and the objects and arrays that lead to them). */
export function pick(record: unknown, paths: readonly string[]): unknown {
  const out: Record<string, unknown> = {};
  for (const path of paths) copyPath(record, out, path.split("."));
  return out;
}

function copyPath(from: unknown, to: Record<string, unknown>, keys: readonly string[]): void {
  if (from === null || typeof from !== "object") return;
  const [key, ...rest] = keys;
  const value = (from as Record<string, unknown>)[key!];
  if (value === undefined) return;
  if (rest.length === 0) {
    to[key!] = value;
    return;
  }
  if (Array.isArray(value)) {
    const existing = Array.isArray(to[key!]) ? (to[key!] as Record<string, unknown>[]) : value.map(() => ({}));
    value.forEach((item, i) => {
      copyPath(item, existing[i]!, rest);
    });
    to[key!] = existing;
  } else {
    const existing = (to[key!] ?? {}) as Record<string, unknown>;
    copyPath(value, existing, rest);
    to[key!] = existing;
  }
}

/** A key to sort by: numbers as numbers, dates as instants, anything else as text; missing values sort last. */
function sortKey(record: unknown, path: string, schema: FieldSchema<unknown>): number | string | undefined {
  // The first value, found the way the evaluator finds values (through arrays at any depth).
  let value: string | number | boolean | bigint | undefined;
  someValue(record, path.split("."), 0, (found) => {
    value = found;
    return true;
  });
  if (value === undefined) return undefined;
  const type = (schema as FieldSchema).lookup(path)?.type;
  if (type === "date" && typeof value === "string") return Date.parse(value);
  if (typeof value === "number") return value;
  return String(value);
}

/** Sorts indexes of records by `field:asc,field:desc` entries, stably. */
export function sortIndexes(
  records: readonly unknown[],
  indexes: number[],
  sort: readonly (readonly [string, "asc" | "desc"])[],
  schema: FieldSchema<unknown>,
): number[] {
  if (sort.length === 0) return indexes;
  const keys = sort.map(([path]) => new Map(indexes.map((i) => [i, sortKey(records[i], path, schema)])));
  return indexes.sort((a, b) => {
    for (let s = 0; s < sort.length; s++) {
      const [x, y] = [keys[s]!.get(a), keys[s]!.get(b)];
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const order = x < y ? -1 : 1;
      return sort[s]![1] === "asc" ? order : -order;
    }
    return a - b;
  });
}
