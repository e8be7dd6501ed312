import type { IToken } from "chevrotain";
import { junctionNode } from "../../ast/nodes.js";
import type { Query } from "../../ast/types.js";
import {
  writtenElement,
  writtenOnly,
  type AndExpressionCstNode,
  type GroupCstNode,
  type QueryCstNode,
} from "../cst.js";
import { isMissingCloser } from "../scan.js";
import { endOf } from "../tokens.js";
import type { BuildContext, Built, FieldContext } from "./context.js";
import { reportJuxtaposed } from "./juxtaposed.js";
import { unaryExpression } from "./prefixes.js";
import { describeServerReading } from "./server-reading.js";
import { edit, guessFix, problemAt, safeFix, type TextEdit } from "../../diagnostics/diagnostic.js";
import { removalFix } from "./removal.js";
import { lastOffset } from "./operands.js";
import { checkClauseCount } from "./clause-limit.js";

/** A group's query: an OR of AND levels, or nothing. */
export function orExpression(context: BuildContext, node: QueryCstNode, field: FieldContext): Built | undefined {
  const levels = node.andExpressions;
  checkClauseCount(context, node);
  if (levels.length === 1) return andExpression(context, levels[0]!, field);
  const operands = builtEach(levels, (level) => andExpression(context, level, field));
  return combineOr(context, operands, node.ors);
}

/**
 * What `build` makes of each node, less what it could not read. The array is made at its final size, not grown:
 * a long query's levels are most of what a parse allocates.
 */
function builtEach<N>(nodes: readonly N[], build: (node: N) => Built | undefined): Built[] {
  const built: Built[] = new Array<Built>(nodes.length);
  let count = 0;
  for (const node of nodes) {
    const operand = build(node);
    if (operand !== undefined) built[count++] = operand;
  }
  // Setting an array's length is no cheap store, and an operand is rarely missing.
  if (count < built.length) built.length = count;
  return built;
}

/** `a OR b OR …` from its operands, with the ambiguous-precedence warning where the server reads it otherwise. */
function combineOr(context: BuildContext, operands: readonly Built[], ors: readonly IToken[]): Built | undefined {
  if (operands.length < 2) return operands[0];
  const start = operands[0]!.start;
  const end = operands[operands.length - 1]!.end;
  let first: Built | undefined;
  for (const operand of operands) {
    if (operand.andLevel || operand.negated) {
      first = operand;
      break;
    }
  }
  if (first) ambiguousPrecedence(context, operands, first, ors);
  return { query: joined(operands, "or", start, end), start, end };
}

/**
 * Warns of an OR whose operands hold an AND or a NOT: the server gives AND no precedence and reads NOT inside OR
 * as AND NOT. The warning says what the server runs; the fix adds the parentheses of the usual reading.
 */
function ambiguousPrecedence(
  context: BuildContext,
  operands: readonly Built[],
  first: Built,
  ors: readonly IToken[],
): void {
  // The OR next to the first AND or NOT: the one before it, or after it when it comes first.
  const written = writtenOnly(ors);
  let or: IToken | undefined = written[0];
  for (const token of written) if (token.startOffset < first.start) or = token;
  const reading = describeServerReading(context.source, operands);
  const parenthesized: TextEdit[] = [];
  for (const operand of operands) {
    if (!operand.andLevel && !operand.negated) continue;
    parenthesized.push(edit(operand.start, operand.start, "("), edit(operand.end, operand.end, ")"));
  }
  const spanStart = or?.startOffset ?? first.start;
  const spanEnd = or ? endOf(or) : first.end;
  const kind = first.andLevel ? "AND and OR are mixed" : "NOT inside OR";
  const problem = problemAt(
    "ambiguous-precedence",
    `${kind} without parentheses: the server reads this as ${reading.text}` +
      (reading.ignored.length > 0 ? `; ${reading.ignoredText} does not restrict the results` : "") +
      ". Add parentheses to say what you mean",
    { start: spanStart, end: spanEnd },
    [guessFix(first.andLevel ? "Group each AND first" : "Put each NOT in parentheses", parenthesized)],
    reading.ignored.map((span) => ({ message: "The server ignores this condition", span })),
  );
  context.add(problem);
}

function andExpression(context: BuildContext, node: AndExpressionCstNode, field: FieldContext): Built | undefined {
  const operands = builtEach(node.unaryExpressions, (child) => unaryExpression(context, child, field));
  if (operands.length < 2) {
    if (operands[0]?.pending) context.add(operands[0].pending);
    return operands[0];
  }
  const ands = writtenOnly(node.ands);
  let andIndex = 0;
  let juxtaposed = false;
  let explained: Set<Built> | undefined;
  for (let i = 1; i < operands.length; i++) {
    const previous = operands[i - 1]!;
    const current = operands[i]!;
    while (andIndex < ands.length && ands[andIndex]!.startOffset < previous.end) andIndex++;
    if (andIndex < ands.length && ands[andIndex]!.startOffset < current.start) continue;
    juxtaposed = true;
    if (previous.invalid || current.invalid) continue;
    const { skipped, explained: count } = reportJuxtaposed(context, operands, i, field);
    explained ??= new Set();
    for (let k = i; k < i + count; k++) explained.add(operands[k]!);
    i += skipped;
  }
  for (const operand of operands) if (operand.pending && !explained?.has(operand)) context.add(operand.pending);
  const start = operands[0]!.start;
  const end = operands[operands.length - 1]!.end;
  // A juxtaposed level (an operator missing) is already an error; it says nothing about AND/OR mixing.
  if (juxtaposed) return { query: undefined, start, end };
  const query = joined(operands, "and", start, end);
  return { query, start, end, andLevel: true };
}

/**
 * The operands' queries joined by AND or OR, an operand of the same type flattened into it as the factories do;
 * `undefined` when any operand holds an error.
 */
function joined(operands: readonly Built[], type: "and" | "or", start: number, end: number): Query | undefined {
  let size = 0;
  for (const { query } of operands) {
    if (query === undefined) return undefined;
    size += query.type === type ? query.operands.length : 1;
  }
  // Made at its final size: the node keeps this array, and an array grown by push keeps room to spare.
  const queries: Query[] = new Array<Query>(size);
  let at = 0;
  for (const operand of operands) {
    const query = operand.query!;
    if (query.type !== type) queries[at++] = query;
    else for (const inner of query.operands) queries[at++] = inner;
  }
  // Operands read from the text are queries, at least two, flattened: the factories' checks cannot fail.
  return junctionNode(type, Object.freeze(queries), Object.freeze({ start, end }));
}

/** A parenthesized group: `( … )`. */
export function parenthesized(context: BuildContext, node: GroupCstNode, field: FieldContext): Built | undefined {
  const open = writtenElement(node.open);
  if (!open) return undefined;
  const inner = node.query;
  const content = inner && orExpression(context, inner, field);
  const closer = writtenElement(node.close);
  // A parenthesis the scan added for an unclosed one is no closing parenthesis of the text.
  const close = closer && !isMissingCloser(closer) ? closer : undefined;
  // Unclosed, the group runs to its last token, which its content may not cover when it holds an error.
  const end = close ? endOf(close) : Math.max(content?.end ?? 0, lastOffset(node) ?? endOf(open));
  if (!close) unclosedParenthesis(context, open, end);
  // An empty group is a mistake of its own, unless what is wrong inside has been reported already.
  if (!content && !context.errorReportedWithin(open.startOffset, close ? end : context.source.length)) {
    context.flag(
      "empty-group",
      "Empty parentheses: put a condition inside or remove them",
      open.startOffset,
      end,
      removalFix(context.source, "Remove the parentheses", open.startOffset, end),
    );
  }
  return { query: content?.query, start: open.startOffset, end };
}

/** Reports an opening parenthesis never closed; the fix closes it at `end`, where its group ends. */
export function unclosedParenthesis(context: BuildContext, open: IToken, end: number): void {
  context.reportedUnclosed(open);
  context.flag("unclosed-parenthesis", "This ( is never closed", open.startOffset, endOf(open), [
    safeFix("Close it", [edit(end, end, ")")]),
  ]);
}

/** Reports a closing parenthesis that matches no opening one. */
export function strayCloser(context: BuildContext, paren: IToken): void {
  context.flag("unmatched-parenthesis", "This ) has no matching (", paren.startOffset, endOf(paren), [
    safeFix("Remove it", [edit(paren.startOffset, endOf(paren), "")]),
  ]);
}
