import type { Bound, Query } from "../ast/types.js";
import { assertNever, childrenOf } from "../ast/walk.js";
import type { FieldSchema } from "../schema/schema.js";
import { compareCodePoints, NUMBER, parseIsoDate } from "../schema/values.js";
import { compilePattern, matchesPattern } from "../ast/wildcard.js";

/** Options of `matches`, `filter` and `compileMatcher`. */
export interface MatchOptions {
  /** Compare text and patterns ignoring case, as the server's search does. Default true. Ranges always respect case. */
  readonly ignoreCase?: boolean;
  /**
   * Field types, so that ranges compare numbers and dates as such. Without one, a record's numbers compare as
   * numbers, two ISO 8601 dates as instants, and anything else as text.
   */
  readonly schema?: FieldSchema<unknown>;
}

/** A test of one condition on a record. */
type Leaf = (record: unknown) => boolean;
type Scalar = string | number | boolean | bigint;

/** A record is an object; an array or a scalar has no fields. */
const isRecord = (value: unknown): boolean => typeof value === "object" && value !== null && !Array.isArray(value);

/** Calls `visit` with each value at `path` (arrays anywhere on the way are looked into), until it returns true. */
function someValue(value: unknown, path: readonly string[], index: number, visit: (value: Scalar) => boolean): boolean {
  if (value === null || value === undefined || (index === 0 && !isRecord(value))) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (someValue(item, path, index, visit)) return true;
    return false;
  }
  // A condition on an object (not one of its fields) matches no value.
  if (index === path.length) return typeof value === "object" ? false : visit(value as Scalar);
  if (typeof value !== "object") return false;
  return someValue((value as Record<string, unknown>)[path[index]!], path, index + 1, visit);
}

/** Whether a record has any value at `path` (an object counts, as Elasticsearch counts an object's fields). */
function hasValue(value: unknown, path: readonly string[], index: number): boolean {
  if (value === null || value === undefined || (index === 0 && !isRecord(value))) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (hasValue(item, path, index)) return true;
    return false;
  }
  if (index === path.length) return true;
  if (typeof value !== "object") return false;
  return hasValue((value as Record<string, unknown>)[path[index]!], path, index + 1);
}

/** The instant of a text that is at least a full ISO date (`2024-01-31…`); a bare year is not taken for a date. */
const fullDate = (text: string): number | undefined =>
  /^\d{4}-\d{2}-\d{2}/.test(text) ? parseIsoDate(text) : undefined;

function textLeaf(path: readonly string[], wanted: string, ignoreCase: boolean): Leaf {
  const lowered = ignoreCase ? wanted.toLowerCase() : wanted;
  const number = NUMBER.test(wanted) ? Number(wanted) : undefined;
  const visit = (value: Scalar): boolean => {
    if (typeof value === "string") return (ignoreCase ? value.toLowerCase() : value) === lowered;
    if (typeof value === "number") return number !== undefined && value === number;
    if (typeof value === "bigint") return number !== undefined && String(value) === wanted.replace(/^\+/, "");
    return String(value) === lowered;
  };
  return (record) => someValue(record, path, 0, visit);
}

function patternLeaf(path: readonly string[], query: Extract<Query, { type: "term" }>, ignoreCase: boolean): Leaf {
  if (query.value.kind !== "pattern") throw new Error("unreachable");
  const pattern = compilePattern(query.value.parts, ignoreCase);
  const visit = (value: Scalar): boolean => {
    const text = typeof value === "string" ? value : String(value);
    return matchesPattern(pattern, ignoreCase ? text.toLowerCase() : text);
  };
  return (record) => someValue(record, path, 0, visit);
}

type Order = "number" | "date" | "text" | undefined;

function rangeLeaf(path: readonly string[], min: Bound | null, max: Bound | null, order: Order): Leaf {
  const limits = [min, max].filter((b): b is Bound => b !== null);
  const numeric = limits.every((b) => NUMBER.test(b.value));
  const [minNumber, maxNumber] = [Number(min?.value), Number(max?.value)];
  const toDate = (bound: Bound | null): number | undefined =>
    bound === null ? undefined : order === "date" ? parseIsoDate(bound.value) : fullDate(bound.value);
  const [minDate, maxDate] = [toDate(min), toDate(max)];
  const datelike = (min === null || minDate !== undefined) && (max === null || maxDate !== undefined);
  // Made once: matching a record creates no function.
  const above = (c: number): boolean => c > 0 || (c === 0 && min!.inclusive);
  const below = (c: number): boolean => c < 0 || (c === 0 && max!.inclusive);
  const numberWithin = (n: number): boolean =>
    numeric && (min === null || above(n - minNumber)) && (max === null || below(n - maxNumber));
  const visit = (value: Scalar): boolean => {
    if ((typeof value === "number" || typeof value === "bigint") && order !== "text" && order !== "date")
      return numberWithin(Number(value));
    const text = String(value);
    if (order === "number") return NUMBER.test(text) && numberWithin(Number(text));
    if (order === "date" || (order === undefined && datelike)) {
      const instant = order === "date" ? parseIsoDate(text) : fullDate(text);
      if (instant !== undefined && datelike)
        return (min === null || above(instant - minDate!)) && (max === null || below(instant - maxDate!));
      if (order === "date") return false;
    }
    return (
      (min === null || above(compareCodePoints(text, min.value))) &&
      (max === null || below(compareCodePoints(text, max.value)))
    );
  };
  return (record) => someValue(record, path, 0, visit);
}

function orderOf(schema: FieldSchema<unknown> | undefined, field: string): Order {
  const info = (schema as FieldSchema | undefined)?.lookup(field);
  if (!info || info.open) return undefined;
  if (info.type === "integer" || info.type === "number") return "number";
  if (info.type === "date") return "date";
  return "text";
}

function leafOf(query: Extract<Query, { type: "term" | "range" | "exists" }>, options: MatchOptions): Leaf {
  const path = query.field.split(".");
  const ignoreCase = options.ignoreCase ?? true;
  switch (query.type) {
    case "exists":
      return (record) => hasValue(record, path, 0);
    case "term":
      return query.value.kind === "text"
        ? textLeaf(path, query.value.text, ignoreCase)
        : patternLeaf(path, query, ignoreCase);
    case "range":
      return rangeLeaf(path, query.min, query.max, orderOf(options.schema, query.field));
    default:
      return assertNever(query);
  }
}

// Program instructions: a leaf's index (≥ 0), or an operator with its operand count.
const NOT = -1;
const AND = -2;
const OR = -3;

/**
 * Compiles a query once into a predicate over records. The query becomes a postfix program evaluated with a fixed
 * stack, so neither compiling nor matching recurses per operand or per nesting level, and matching allocates nothing
 * of its own beyond lower-cased text when case is ignored. It takes an AST only, so a bundle that uses it carries
 * no parser.
 *
 * @example
 * const isBig = compileQuery(q.field("basket_info.sum").atLeast(10000).toQuery());
 * isBig({ basket_info: { sum: 12500 } }) // true
 */
export function compileQuery(query: Query, options: MatchOptions = {}): (record: unknown) => boolean {
  const leaves: Leaf[] = [];
  const program: number[] = [];
  // Post-order walk with an explicit stack: [node, children already emitted].
  const stack: [Query, boolean][] = [[query, false]];
  let depth = 0;
  let maxDepth = 1;
  while (stack.length > 0) {
    const [node, expanded] = stack.pop()!;
    const children = childrenOf(node);
    if (children.length > 0 && !expanded) {
      stack.push([node, true]);
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, false]);
      continue;
    }
    switch (node.type) {
      case "and":
      case "or":
        program.push(node.type === "and" ? AND : OR, node.operands.length);
        depth -= node.operands.length - 1;
        break;
      case "not":
        program.push(NOT, 1);
        break;
      case "term":
      case "range":
      case "exists":
        program.push(leaves.length, 0);
        leaves.push(leafOf(node, options));
        maxDepth = Math.max(maxDepth, ++depth);
        break;
      default:
        assertNever(node);
    }
  }
  const code = Int32Array.from(program);
  const values = new Uint8Array(maxDepth);
  return (record) => {
    let top = 0;
    for (let pc = 0; pc < code.length; pc += 2) {
      const op = code[pc]!;
      if (op >= 0) {
        values[top++] = leaves[op]!(record) ? 1 : 0;
      } else if (op === NOT) {
        values[top - 1] = values[top - 1] ? 0 : 1;
      } else {
        const count = code[pc + 1]!;
        const from = top - count;
        let result = op === AND ? 1 : 0;
        for (let i = from; i < top; i++) result = op === AND ? result & values[i]! : result | values[i]!;
        top = from;
        values[top++] = result;
      }
    }
    return values[0] === 1;
  };
}
