import type { Diagnostic } from "./diagnostic.js";

/**
 * Thrown by `parse` when the text is not a valid query. `diagnostics` lists every problem found, errors first.
 *
 * @example
 * try { parse("a:b and c:d") } catch (e) { if (e instanceof QuerySyntaxError) console.log(e.diagnostics[0].message) }
 */
export class QuerySyntaxError extends Error {
  override readonly name = "QuerySyntaxError";
  readonly code = "ERR_QUERY_SYNTAX";
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    const first = errors[0] ?? diagnostics[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    super(first ? `${first.message} at line ${first.line}, column ${first.column}${more}` : "Invalid query");
    this.diagnostics = diagnostics;
  }
}

/**
 * Thrown where a query is required to be valid against a schema and is not, or (by the client) where its meaning
 * depends on how it is read. `diagnostics` lists every problem; `message` says the first, or what each reading runs.
 */
export class QueryValidationError extends Error {
  override readonly name = "QueryValidationError";
  readonly code = "ERR_QUERY_VALIDATION";
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], message?: string) {
    const first = diagnostics[0];
    super(message ?? (first ? `${first.message} at line ${first.line}, column ${first.column}` : "Invalid query"));
    this.diagnostics = diagnostics;
  }
}
