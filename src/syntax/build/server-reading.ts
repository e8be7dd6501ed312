import * as ast from "../../ast/factories.js";
import type { Query } from "../../ast/types.js";
import type { Built } from "./context.js";

/**
 * What the server runs for `a OR b OR …` whose operands are AND levels and single clauses: Lucene's classic query
 * parser gives AND no precedence (QueryParserBase.addClause). Each clause next to an AND is required, a clause
 * with NOT is prohibited, the others are optional; when any clause is required the optional ones only rank
 * results and match nothing, and a query of prohibited clauses alone matches everything else (Elasticsearch).
 * Returns `undefined` when an operand holds an error.
 */
export function serverOr(operands: readonly Built[], start: number, end: number): Query | undefined {
  const required: Query[] = [];
  const optional: Query[] = [];
  // Required and prohibited clauses, in the order written.
  const restricting: Query[] = [];
  for (const operand of operands) {
    const clauses = operand.andOperands ?? [operand];
    for (const clause of clauses) {
      if (clause.query === undefined) return undefined;
      if (clause.negated) restricting.push(clause.query);
      else if (clauses.length > 1) {
        required.push(clause.query);
        restricting.push(clause.query);
      } else optional.push(clause.query);
    }
  }
  const span = Object.freeze({ start, end });
  const all = (queries: Query[]): Query => (queries.length === 1 ? queries[0]! : ast.and(queries, span));
  if (required.length > 0 || optional.length === 0) return all(restricting);
  const anyOptional = optional.length === 1 ? optional[0]! : ast.or(optional, span);
  return all([anyOptional, ...restricting]);
}
