import type { Query } from "../ast/types.js";
import { assertNever } from "../ast/walk.js";
import type { FieldSchema } from "../schema/schema.js";
import { isExactValue, leafOf, valueSetLeaf, type Leaf } from "./leaves.js";

/** Options of `matches`, `filter` and `compileMatcher`. */
export interface MatchOptions {
  /**
   * Compare text, patterns and ranges ignoring case, as the server's lower-casing normalizer does. Default true.
   */
  readonly ignoreCase?: boolean;
  /**
   * Field types, read as the server's index maps them (see `docs/sandbox.md`): free text (`string`) is analysed into
   * words, keywords are whole values, numbers and dates compare by value. Without one, a record's numbers compare
   * as numbers, two ISO 8601 dates as instants, and anything else as a keyword.
   */
  readonly schema?: FieldSchema<unknown>;
}

// An OR joins this many exact values of one field before they become one set lookup.
const SET_FROM = 3;

/** The operands of an OR, with the exact values of one field (three or more) taken together into one leaf. */
function groupedOperands(operands: readonly Query[], options: MatchOptions): (Query | Leaf)[] {
  const byField = new Map<string, string[]>();
  for (const operand of operands) {
    if (!isExactValue(operand, options)) continue;
    const values = byField.get(operand.field);
    if (values) values.push(operand.value.text);
    else byField.set(operand.field, [operand.value.text]);
  }
  const grouped = new Map<string, Leaf>();
  for (const [field, values] of byField) {
    if (values.length >= SET_FROM) {
      grouped.set(field, valueSetLeaf(field, values, options.ignoreCase ?? true));
    }
  }
  if (grouped.size === 0) return [...operands];
  const result: (Query | Leaf)[] = [];
  for (const operand of operands) {
    const inSet = isExactValue(operand, options) && grouped.has(operand.field);
    if (!inSet) result.push(operand);
  }
  for (const leaf of grouped.values()) result.push(leaf);
  return result;
}

// Program instructions, in pre-order, three numbers each: the operation (a leaf, NOT, AND, OR), a leaf's index or an
// operator's operand count, and where the node's code ends (to skip what a decided AND or OR need not test).
const LEAF = 0;
const NOT = 1;
const AND = 2;
const OR = 3;

/**
 * Compiles a query once into a predicate over records. The query becomes a flat program run with a fixed stack, so
 * neither compiling nor matching recurses per operand or per nesting level. AND and OR stop at the first operand that
 * decides them, and an OR of three or more exact values of one field is one set lookup. Matching allocates nothing
 * of its own beyond lower-cased text when case is ignored. It takes an AST only, so a bundle that uses it carries no
 * parser.
 *
 * @example
 * const isBig = compileQuery(q.field("basket_info.sum").atLeast(10000).toQuery());
 * isBig({ basket_info: { sum: 12500 } }) // true
 */
export function compileQuery(query: Query, options: MatchOptions = {}): (record: unknown) => boolean {
  const leaves: Leaf[] = [];
  const program: number[] = [];
  // Pre-order walk with an explicit stack; an `end` entry marks where a node's code ends, to fill in its jump.
  const stack: (Query | Leaf | { end: number })[] = [query];
  let depth = 0;
  let maxDepth = 1;
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === "function") {
      program.push(LEAF, leaves.length, program.length + 3);
      leaves.push(item);
      continue;
    }
    if ("end" in item) {
      program[item.end] = program.length;
      depth--;
      continue;
    }
    const node = item;
    switch (node.type) {
      case "and":
      case "or": {
        const operands = node.type === "or" ? groupedOperands(node.operands, options) : node.operands;
        if (operands.length === 1) {
          stack.push(operands[0]!);
          break;
        }
        program.push(node.type === "and" ? AND : OR, operands.length, 0);
        maxDepth = Math.max(maxDepth, ++depth);
        stack.push({ end: program.length - 1 });
        for (let i = operands.length - 1; i >= 0; i--) stack.push(operands[i]!);
        break;
      }
      case "not":
        program.push(NOT, 1, 0);
        maxDepth = Math.max(maxDepth, ++depth);
        stack.push({ end: program.length - 1 }, node.operand);
        break;
      case "term":
      case "range":
      case "exists":
        program.push(LEAF, leaves.length, program.length + 3);
        leaves.push(leafOf(node, options));
        break;
      default:
        assertNever(node);
    }
  }
  // One condition needs no program around it.
  if (program.length === 3) return leaves[0]!;
  const code = Int32Array.from(program);
  // The open AND, OR and NOT nodes: where each one's code starts, and how many of its operands are left.
  const frames = new Int32Array(maxDepth);
  const left = new Int32Array(maxDepth);
  return (record) => {
    let top = 0;
    let pc = 0;
    for (;;) {
      const op = code[pc]!;
      if (op !== LEAF) {
        frames[top] = pc;
        left[top++] = code[pc + 1]!;
        pc += 3;
        continue;
      }
      let result = leaves[code[pc + 1]!]!(record);
      pc = code[pc + 2]!;
      // Hand the result up until an AND or OR needs its next operand.
      for (;;) {
        if (top === 0) return result;
        const at = frames[top - 1]!;
        const parent = code[at]!;
        if (parent === NOT) result = !result;
        else if (--left[top - 1]! > 0 && (parent === AND ? result : !result)) break;
        top--;
        pc = code[at + 2]!;
      }
    }
  };
}
