import type { Bound, Query, Value } from "./types.js";
import { assertNever } from "./walk.js";

function boundsEqual(a: Bound | null, b: Bound | null): boolean {
  if (a === null || b === null) return a === b;
  return a.value === b.value && a.inclusive === b.inclusive;
}

function valuesEqual(a: Value, b: Value): boolean {
  switch (a.kind) {
    case "text":
      return b.kind === "text" && a.text === b.text && a.word === b.word && a.slop === b.slop;
    case "fuzzy":
      return b.kind === "fuzzy" && a.text === b.text && a.maxEdits === b.maxEdits;
    case "regexp":
      return b.kind === "regexp" && a.source === b.source;
    case "pattern":
      if (b.kind !== "pattern" || a.parts.length !== b.parts.length) return false;
      return a.parts.every((part, i) => {
        const other = b.parts[i]!;
        return part.kind === other.kind && (part.kind !== "literal" || part.text === (other as typeof part).text);
      });
    default:
      return assertNever(a);
  }
}

/**
 * Structural equality of two queries; spans are ignored, operand order matters. Iterative, so deep trees are safe.
 *
 * @example
 * equals(parse("a:1 AND b:2"), parse("(a:1) && b:2")) // true
 */
export function equals(a: Query, b: Query): boolean {
  const pending: [Query, Query][] = [[a, b]];
  while (pending.length > 0) {
    const [x, y] = pending.pop()!;
    if (x === y) continue;
    if (x.type !== y.type) return false;
    switch (x.type) {
      case "and":
      case "or": {
        const other = (y as typeof x).operands;
        if (x.operands.length !== other.length) return false;
        for (let i = 0; i < other.length; i++) pending.push([x.operands[i]!, other[i]!]);
        break;
      }
      case "not":
        pending.push([x.operand, (y as typeof x).operand]);
        break;
      case "term": {
        const t = y as typeof x;
        if (x.field !== t.field || !valuesEqual(x.value, t.value)) return false;
        break;
      }
      case "range": {
        const r = y as typeof x;
        if (x.field !== r.field || !boundsEqual(x.min, r.min) || !boundsEqual(x.max, r.max)) return false;
        break;
      }
      case "exists":
        if (x.field !== (y as typeof x).field) return false;
        break;
      default:
        return assertNever(x);
    }
  }
  return true;
}
