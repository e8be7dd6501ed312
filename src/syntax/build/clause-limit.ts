import { edit, problemAt, safeFix, type Fix, type TextEdit } from "../../diagnostics/diagnostic.js";
import type { QueryCstNode, UnaryExpressionCstNode } from "../cst.js";
import type { BuildContext } from "./context.js";
import { firstOffset, lastOffset } from "./operands.js";

/**
 * Reports a group that joins more conditions than the server accepts in one boolean query. The server reads a group
 * as one list of clauses whatever its operators (AND has no precedence), so every condition of every AND level
 * counts. A chain of one operator is split into parenthesized groups by the fix, which changes nothing it means.
 */
export function checkClauseCount(context: BuildContext, node: QueryCstNode): void {
  const limit = context.maxClauses;
  if (limit === undefined) return;
  let count = 0;
  for (const level of node.andExpressions) count += level.unaryExpressions.length;
  if (count <= limit) return;
  const clauses: UnaryExpressionCstNode[] = [];
  for (const level of node.andExpressions) for (const clause of level.unaryExpressions) clauses.push(clause);
  const extra = clauses[limit]!;
  const start = firstOffset(extra);
  const end = lastOffset(extra);
  if (start === undefined || end === undefined) return;
  const oneOperator = node.andExpressions.length === 1 || count === node.andExpressions.length;
  const message =
    `This group joins ${count} conditions; the server accepts at most ${limit} in one group ` +
    "(Elasticsearch's indices.query.bool.max_clause_count). Split it into groups in parentheses";
  context.add(problemAt("too-many-clauses", message, { start, end }, oneOperator ? groupsOf(clauses, limit) : []));
}

/** The fix that puts every `size` clauses in parentheses. */
function groupsOf(clauses: readonly UnaryExpressionCstNode[], size: number): Fix[] {
  const edits: TextEdit[] = [];
  for (let first = 0; first < clauses.length; first += size) {
    const start = firstOffset(clauses[first]);
    const end = lastOffset(clauses[Math.min(first + size, clauses.length) - 1]);
    if (start === undefined || end === undefined) return [];
    edits.push(edit(start, start, "("), edit(end, end, ")"));
  }
  return [safeFix(`Group every ${size} conditions in parentheses`, edits)];
}
