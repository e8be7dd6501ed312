import type { Query } from "../src/ast/types.js";

/** A copy of the query without spans, for comparing with built queries in failure messages that read well. */
export function withoutSpans(query: Query | undefined): unknown {
  return query === undefined
    ? undefined
    : (JSON.parse(JSON.stringify(query, (key, value: unknown) => (key === "span" ? undefined : value))) as unknown);
}
