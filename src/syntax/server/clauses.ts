import { and, not, or } from "../../ast/factories.js";
import type { Query, Span } from "../../ast/types.js";

/** How a clause takes part in its group: it must match, may match, or must not match. */
export type Occur = "must" | "should" | "mustNot";

/** One clause of a group, as Lucene's `BooleanClause`. */
export interface Clause {
  occur: Occur;
  readonly query: Query;
  /** Where the clause is written, its modifier included. */
  readonly span: Span;
}

/** The operator before a clause, and the modifier in front of it. */
export type Conjunction = "none" | "and" | "or";
export type Modifier = "none" | "required" | "prohibited";

/**
 * Adds a clause as Lucene's classic parser does with OR as the default operator (QueryParserBase.addClause): AND
 * makes the clause before it required (unless it is prohibited) and this one too; `+` requires, `-`, `!` and NOT
 * prohibit; anything else is optional. A clause the analyser left empty (`null`) is dropped after AND has had its
 * effect on the one before.
 */
export function addClause(
  clauses: Clause[],
  conjunction: Conjunction,
  modifier: Modifier,
  query: Query | null,
  span: Span,
): void {
  const previous = clauses[clauses.length - 1];
  if (previous && conjunction === "and" && previous.occur !== "mustNot") previous.occur = "must";
  if (query === null) return;
  const prohibited = modifier === "prohibited";
  const required = modifier === "required" || (conjunction === "and" && !prohibited);
  clauses.push({ occur: prohibited ? "mustNot" : required ? "must" : "should", query, span });
}

/**
 * What a group of clauses matches, as a query of the AST: every required clause and none of the prohibited ones;
 * optional clauses count only where nothing is required (then at least one must match). A group of prohibited
 * clauses alone matches everything else, as Elasticsearch adds a match-all to it. A group has one clause or more.
 */
export function groupQuery(clauses: readonly Clause[]): Query {
  const optional = clauses.filter((clause) => clause.occur === "should");
  const anyRequired = clauses.some((clause) => clause.occur === "must");
  // Required and prohibited clauses, in the order written; the optional ones first, when they count.
  const restricting: { query: Query; span: Span }[] = [];
  if (!anyRequired && optional.length > 0) {
    const span = spanOf(optional);
    restricting.push({
      query:
        optional.length === 1
          ? optional[0]!.query
          : or(
              optional.map((c) => c.query),
              span,
            ),
      span,
    });
  }
  for (const clause of clauses) {
    if (clause.occur === "must") restricting.push(clause);
    else if (clause.occur === "mustNot") restricting.push({ query: not(clause.query, clause.span), span: clause.span });
  }
  return restricting.length === 1
    ? restricting[0]!.query
    : and(
        restricting.map((c) => c.query),
        spanOf(restricting),
      );
}

const spanOf = (parts: readonly { span: Span }[]): Span => ({
  start: parts[0]!.span.start,
  end: parts[parts.length - 1]!.span.end,
});

/**
 * How many clauses the engine's boolean query for a group holds: Elasticsearch adds one (a match-all) to a group of
 * prohibited clauses alone, and refuses a boolean query of more than its clause limit.
 */
export function engineClauseCount(clauses: readonly Clause[]): number {
  return clauses.every((clause) => clause.occur === "mustNot") ? clauses.length + 1 : clauses.length;
}
