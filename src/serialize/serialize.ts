import type { Bound, Query, Value } from "../ast/types.js";
import { assertNever } from "../ast/walk.js";
import { EXISTS_FIELD } from "../ast/factories.js";
import { junctionNode } from "../ast/nodes.js";
import { DEFAULT_MAX_CLAUSES } from "../ast/server-limits.js";
import { printBound, printField, printPatternLiteral, printText, printWord } from "./escaping.js";

/** Anything that can be turned into a query: a query node or a builder (which has `toQuery`). */
export type QueryLike = Query | { toQuery(): Query };

function printValue(value: Value): string {
  if (value.kind === "text") return value.word ? printWord(value.text) : printText(value.text);
  let out = "";
  for (const part of value.parts) {
    out += part.kind === "literal" ? printPatternLiteral(part.text) : part.kind === "anyChars" ? "*" : "?";
  }
  return out;
}

function printRange(min: Bound | null, max: Bound | null): string {
  const open = min === null || min.inclusive ? "[" : "{";
  const close = max === null || max.inclusive ? "]" : "}";
  const lower = min === null ? "*" : printBound(min.value);
  const upper = max === null ? "*" : printBound(max.value);
  return `${open}${lower} TO ${upper}${close}`;
}

/**
 * Where a node stands decides whether it needs parentheses for the server to read it as the tree says. A `chunk` is
 * a group the printer made of a junction's operands, to keep within the server's clause limit: always in parentheses.
 */
type Position = "top" | "andOperand" | "orOperand" | "notOperand" | "chunk";

function needsParentheses(node: Query, position: Position): boolean {
  switch (node.type) {
    case "term":
    case "range":
    case "exists":
      return false;
    case "and":
      return position === "orOperand" || position === "notOperand" || position === "chunk";
    case "or":
      return position === "andOperand" || position === "notOperand" || position === "chunk";
    case "not":
      // The server's parser drops a bare NOT inside OR to "must not", and cannot read NOT NOT.
      return position === "orOperand" || position === "notOperand";
    default:
      return assertNever(node);
  }
}

// The groups `withinClauseLimit` made: printed in parentheses wherever they stand, groups of groups included.
const CHUNKS = new WeakSet<Query>();

/**
 * A junction's operands, at most `DEFAULT_MAX_CLAUSES` of them: more (the server refuses a group that large) are put
 * in groups of that many, and those groups in groups again, which means the same.
 */
function withinClauseLimit(type: "and" | "or", operands: readonly Query[]): readonly Query[] {
  let groups = operands;
  while (groups.length > DEFAULT_MAX_CLAUSES) {
    const next: Query[] = [];
    for (let i = 0; i < groups.length; i += DEFAULT_MAX_CLAUSES) {
      const group = groups.slice(i, i + DEFAULT_MAX_CLAUSES);
      if (group.length === 1) next.push(group[0]!);
      else {
        const chunk = junctionNode(type, Object.freeze(group), undefined);
        CHUNKS.add(chunk);
        next.push(chunk);
      }
    }
    groups = next;
  }
  return groups;
}

/**
 * Prints a query in canonical form: text the server reads exactly as the tree says. Iterative, so any depth is safe.
 *
 * @example
 * serialize(parse("a:1 OR b:2 AND c:3")) // "a:1 OR (b:2 AND c:3)"
 */
export function serialize(query: QueryLike): string {
  const root = "toQuery" in query && typeof query.toQuery === "function" ? query.toQuery() : (query as Query);
  let out = "";
  // A stack of work: text to append, or a node to print in a position (kept in a parallel stack).
  const stack: (string | Query)[] = [root];
  const positions: Position[] = ["top"];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const position = positions.pop()!;
    if (typeof item === "string") {
      out += item;
      continue;
    }
    const node = item;
    const wrap = needsParentheses(node, position);
    if (wrap) {
      out += "(";
      stack.push(")");
      positions.push(position);
    }
    switch (node.type) {
      case "term":
        out += `${printField(node.field)}:${printValue(node.value)}`;
        break;
      case "range":
        out += `${printField(node.field)}:${printRange(node.min, node.max)}`;
        break;
      case "exists":
        out += `${EXISTS_FIELD}:${printField(node.field)}`;
        break;
      case "not":
        out += "NOT ";
        stack.push(node.operand);
        positions.push("notOperand");
        break;
      case "and":
      case "or": {
        const separator = node.type === "and" ? " AND " : " OR ";
        const operandPosition: Position = node.type === "and" ? "andOperand" : "orOperand";
        const operands = withinClauseLimit(node.type, node.operands);
        // Only a junction that was regrouped, or is itself a group, holds groups.
        const holdsChunks = operands !== node.operands || CHUNKS.has(node);
        for (let i = operands.length - 1; i >= 0; i--) {
          stack.push(operands[i]!);
          positions.push(holdsChunks && CHUNKS.has(operands[i]!) ? "chunk" : operandPosition);
          if (i > 0) {
            stack.push(separator);
            positions.push(operandPosition);
          }
        }
        break;
      }
      default:
        return assertNever(node);
    }
  }
  return out;
}
