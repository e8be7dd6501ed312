import type { Span } from "../../ast/types.js";
import type { Built } from "./context.js";

/** What `describeServerReading` says: the query the server runs, and the conditions it ignores. */
export interface ServerReading {
  readonly text: string;
  readonly ignored: readonly Span[];
  readonly ignoredText: string;
}

// A description names a few conditions, each cut short: it is a message, not a copy of the query.
const MOST_CLAUSES = 4;
const LONGEST_CLAUSE = 40;

function shown(source: string, spans: readonly Span[]): string[] {
  const texts = spans.slice(0, MOST_CLAUSES).map(({ start, end }) => {
    const text = source.slice(start, end).replace(/\s+/g, " ");
    return text.length > LONGEST_CLAUSE ? `${text.slice(0, LONGEST_CLAUSE - 1)}…` : text;
  });
  if (spans.length > MOST_CLAUSES) texts[MOST_CLAUSES - 1] = "…";
  return texts;
}

/**
 * What the server runs for `a OR b OR …` whose operands hold AND or NOT, in the query's own words (as the server reading, `syntax/server/`, reads it): `b:2 AND c:3`, with `a:1` ignored.
 */
export function describeServerReading(source: string, operands: readonly Built[]): ServerReading {
  const required: Span[] = [];
  const prohibited: Span[] = [];
  const optional: Span[] = [];
  for (const operand of operands) {
    const query = operand.query;
    if (operand.andLevel && query?.type === "and") {
      for (const clause of query.operands) {
        const span = clause.span ?? { start: operand.start, end: operand.end };
        (clause.type === "not" ? prohibited : required).push(span);
      }
    } else if (operand.andLevel) required.push({ start: operand.start, end: operand.end });
    else (operand.negated ? prohibited : optional).push({ start: operand.start, end: operand.end });
  }
  if (required.length > 0) {
    const text = shown(source, [...required, ...prohibited]).join(" AND ");
    return { text, ignored: optional, ignoredText: shown(source, optional).join(" OR ") };
  }
  const anyOf = shown(source, optional);
  const either = anyOf.length > 1 ? `(${anyOf.join(" OR ")})` : (anyOf[0] ?? "");
  const text = [either, ...shown(source, prohibited)].filter((part) => part !== "").join(" AND ");
  return { text, ignored: [], ignoredText: "" };
}
