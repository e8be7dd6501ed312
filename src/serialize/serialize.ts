import type { Bound, PatternPart, Query, Value } from "../ast/types.js";
import { EXISTS_FIELD, isPlainTerm } from "../ast/factories.js";
import { junctionNode } from "../ast/nodes.js";
import { boundProblem, fieldProblem, junctionProblem, patternPartsProblem, textProblem } from "../ast/check.js";
import { lowerBoundProblem, patternProblem } from "../ast/server-limits.js";
import { KEYWORDS, quote, RANGE_KEYWORD, RESERVED } from "../syntax/characters.js";
import { InvalidQueryError } from "../ast/errors.js";
import { DEFAULT_MAX_CLAUSES } from "../ast/server-limits.js";
import { printBound, printField, printPatternLiteral, printText, printWord } from "./escaping.js";

/** Anything that can be turned into a query: a query node or a builder (which has `toQuery`). */
export type QueryLike =
  | Query
  | {
      /** The query node the builder stands for. */
      toQuery(): Query;
    };

/*
 * A tree made by hand may break the rules the factories keep (an empty bound, a field `a*`, a lone surrogate), and
 * printed it would read back as another query: it is refused with InvalidQueryError. The printers' own fast paths
 * prove most text keeps the rules, so the full checks (ast/check.ts) run only on text they cannot clear.
 */

/** Refuses a node of no known type: exhaustive at compile time, and a clear error for a tree made by hand. */
function unknownNode(node: never): never {
  throw new InvalidQueryError(`Unknown query node type ${JSON.stringify((node as { type: unknown }).type)}`);
}

/** Throws the reason a check found, if any. */
function refuse(problem: string | undefined): void {
  if (problem !== undefined) throw new InvalidQueryError(problem);
}

// Letters, digits, `_` and `.`: nothing to escape, no wildcard, no surrogate.
const CLEAR_FIELD = /^[A-Za-z0-9_.]+$/;

function checkedField(field: string): string {
  if (typeof field === "string" && CLEAR_FIELD.test(field) && field !== EXISTS_FIELD) {
    return KEYWORDS.has(field) ? `\\${field}` : field;
  }
  refuse(fieldProblem(field));
  return printField(field);
}

/** What a node made by hand may hold, whatever its type says. */
type Loose = Readonly<Record<string, unknown>>;

// A regular expression as the server's lexer reads one: a `/` inside must be escaped.
const REGEXP = /^\/(?:\\\/|[^/])*\/$/;

function printValue(value: Value): string {
  const loose = value as unknown as Loose | null | undefined;
  if (loose?.kind === "text" && loose.slop !== undefined) {
    const { text, slop } = loose;
    if (loose.word === true || typeof slop !== "number" || !Number.isSafeInteger(slop) || slop < 1)
      throw new InvalidQueryError("A phrase's slop is a whole number of at least 1, on a phrase only");
    refuse(textProblem(text, false));
    return `${quote(text as string)}~${slop}`;
  }
  if (loose?.kind === "fuzzy") {
    const { text, maxEdits } = loose;
    if (maxEdits !== 0 && maxEdits !== 1 && maxEdits !== 2)
      throw new InvalidQueryError("A fuzzy value allows 0, 1 or 2 edits");
    if (typeof text !== "string" || text === "") throw new InvalidQueryError("A fuzzy value needs text");
    refuse(textProblem(text, false));
    return `${printWord(text)}~${maxEdits}`;
  }
  if (loose?.kind === "regexp") {
    const written = `/${String(loose.source)}/`;
    if (typeof loose.source !== "string" || !REGEXP.test(written))
      throw new InvalidQueryError("A regular expression must escape every / inside it");
    return written;
  }
  if (loose?.kind === "text") {
    const { text, word } = loose;
    if (word === true) {
      refuse(textProblem(text, true));
      return printWord(text as string);
    }
    // One plain term (Latin letters, digits, `_`) holds no surrogate; printed bare unless spelled like an operator.
    if (typeof text === "string" && isPlainTerm(text)) return KEYWORDS.has(text) ? quote(text) : text;
    refuse(textProblem(text, false));
    return printText(text as string);
  }
  if (loose?.kind !== "pattern") throw new InvalidQueryError("A term needs a text, pattern, fuzzy or regexp value");
  return printPattern(loose.parts as readonly Loose[]);
}

// Reserved characters (escaped in a pattern) and lone surrogates: a literal with neither is printed as it is.
const LITERAL_SPECIAL = new RegExp(`${RESERVED.source.slice(0, -1)}\\uD800-\\uDFFF]`, "u");

function printPattern(parts: readonly (Loose | null | undefined)[]): string {
  if (!Array.isArray(parts)) refuse(patternPartsProblem(parts));
  let out = "";
  let wildcards = 0;
  for (const part of parts) {
    if (part?.kind === "anyChars" || part?.kind === "oneChar") {
      wildcards++;
      out += part.kind === "anyChars" ? "*" : "?";
    } else if (part?.kind === "literal" && typeof part.text === "string" && !LITERAL_SPECIAL.test(part.text)) {
      out += part.text;
    } else {
      // The full rules, for the parts the fast path could not clear.
      refuse(patternPartsProblem(parts));
      out += printPatternLiteral(part!.text as string);
    }
  }
  // No wildcard, or a lone *: not a pattern the text can say; the server's limits on what it compiles.
  if (wildcards === 0 || out === "*") refuse(patternPartsProblem(parts));
  refuse(patternProblem(parts as readonly PatternPart[]));
  return out;
}

// What a bare bound may hold, less lone surrogates (in a `u` class, a surrogate range matches only lone ones).
const CLEAR_BOUND = /^[^\s"\\[\]{}\uD800-\uDFFF]+$/u;

function checkedBound(bound: Bound): string {
  const loose = bound as unknown as Loose | null | undefined;
  if (loose === null || typeof loose !== "object")
    throw new InvalidQueryError("A range bound must be null or { value, inclusive }");
  const value = loose.value as string;
  if (typeof value === "string" && value !== "*" && value !== RANGE_KEYWORD && CLEAR_BOUND.test(value)) return value;
  refuse(boundProblem(value));
  return printBound(value);
}

function printRange(min: Bound | null, max: Bound | null): string {
  const open = min === null || min.inclusive ? "[" : "{";
  const close = max === null || max.inclusive ? "]" : "}";
  const lower = min === null ? "*" : checkedBound(min);
  const upper = max === null ? "*" : checkedBound(max);
  if (min !== null) refuse(lowerBoundProblem(min.value, min.inclusive));
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
      return unknownNode(node);
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
 * Throws `InvalidQueryError` for a hand-made tree the factories would refuse (an empty `and`, a bound of `*`, a
 * field `a*`, a lone surrogate), whose text would read back as a different query.
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
    const item = stack.pop() as string | Query | null | undefined;
    const position = positions.pop()!;
    if (typeof item === "string") {
      out += item;
      continue;
    }
    const node = item;
    if (node === null || typeof node !== "object") throw new InvalidQueryError("A query node must be an object");
    const wrap = needsParentheses(node, position);
    if (wrap) {
      out += "(";
      stack.push(")");
      positions.push(position);
    }
    switch (node.type) {
      case "term":
        out += `${checkedField(node.field)}:${printValue(node.value)}`;
        break;
      case "range":
        out += `${checkedField(node.field)}:${printRange(node.min, node.max)}`;
        break;
      case "exists":
        out += `${EXISTS_FIELD}:${checkedField(node.field)}`;
        break;
      case "not":
        out += "NOT ";
        stack.push(node.operand);
        positions.push("notOperand");
        break;
      case "and":
      case "or": {
        refuse(junctionProblem(node.type, node.operands));
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
        return unknownNode(node);
    }
  }
  return out;
}
