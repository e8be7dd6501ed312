import type { Query, Span } from "../ast/types.js";
import { childrenOf } from "../ast/walk.js";
import { nodeProblem } from "../ast/check.js";
import { problemAt, toDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { applyFixes } from "../diagnostics/fixes.js";
import { DEFAULT_MAX_CLAUSES } from "../ast/server-limits.js";
import { parseWithLocations, type ParseOptions } from "../syntax/parse.js";
import { serialize } from "../serialize/serialize.js";
import type { FieldSchema } from "../schema/schema.js";
import { checkAgainstSchema } from "./semantic.js";

/** Options of `validate`. */
export interface ValidateOptions extends ParseOptions {
  /** The fields the query may name and their types; without one, only the syntax is checked. */
  readonly schema?: FieldSchema<unknown>;
  /** When true, warnings make the result not `ok` too. */
  readonly strict?: boolean;
  /** The most conditions one group may join; default 1,024 (Elasticsearch 7; 8.0 allows 4,096). */
  readonly maxClauses?: number;
}

/** The outcome of `validate`. */
export interface ValidationResult {
  /** True when there is no error (and, with `strict`, no warning). */
  readonly ok: boolean;
  /** The query, when it could be read. */
  readonly query?: Query;
  /** Every problem found, errors first, then by position. */
  readonly diagnostics: Diagnostic[];
  /**
   * The whole query corrected, when the safe fixes make it valid (with `strict`, free of warnings too): what a
   * search box offers as "did you mean". Absent when the query is already valid or no safe fix gets it there.
   */
  readonly suggestion?: string;
}

// Fixes that overlap are left for the next round; a few rounds settle any real query.
const SUGGESTION_ROUNDS = 4;

/** Whether diagnostics make a result fail: errors do, and with `strict` warnings too. */
function failing(diagnostics: readonly Diagnostic[], strict: boolean | undefined): boolean {
  return diagnostics.some((d) => d.severity === "error" || (strict === true && d.severity === "warning"));
}

/** The text the safe fixes turn `text` into, when it then validates; checked round by round. */
function suggestionFor(text: string, diagnostics: readonly Diagnostic[], options: ValidateOptions): string | undefined {
  let current = text;
  let problems = diagnostics;
  for (let round = 0; round < SUGGESTION_ROUNDS; round++) {
    const next = applyFixes(current, problems);
    if (next === current) return undefined;
    current = next;
    problems = check(current, options).diagnostics;
    if (!failing(problems, options.strict)) return current;
  }
  return undefined;
}

/** The first rule a hand-made tree breaks (the rules the factories keep, from ast/check.ts), as a diagnostic. */
function checkQuery(query: Query): Diagnostic[] {
  const stack: unknown[] = [query];
  while (stack.length > 0) {
    const node = stack.pop();
    const message = nodeProblem(node);
    if (message !== undefined) return toDiagnostics("", [problemAt("invalid-query", message, { start: 0, end: 0 })]);
    for (const child of childrenOf(node as Query)) stack.push(child);
  }
  return [];
}

/**
 * Checks a query, given as text or as an AST, and never throws. Reports every syntax error, and warnings for text
 * the server accepts but may read differently than its author meant (such as mixed AND and OR without parentheses).
 * With a `schema`, also checks every field and value against it. For an AST, spans refer to `serialize(query)`.
 *
 * @example
 * const result = validate("status:approved and basket_info.sum:>=1000");
 * result.ok // false
 * result.diagnostics[0].span // { start: 16, end: 19 }: the lowercase "and"
 * result.suggestion // "status:approved AND basket_info.sum:>=1000"
 *
 * validate("basket_info.summ:10.50", { schema: smartTransactionSchema }).diagnostics.map((d) => d.fixes?.[0]?.title)
 * // ["Write basket_info.sum"]: a wrong value is reported once the field is known
 */
export function validate(source: string | Query, options: ValidateOptions = {}): ValidationResult {
  let text: string;
  if (typeof source === "string") {
    text = source;
  } else if (source === null || typeof source !== "object") {
    const message = `A query must be a string or a query object, not ${source === null ? "null" : typeof source}`;
    return { ok: false, diagnostics: toDiagnostics("", [problemAt("not-a-string", message, { start: 0, end: 0 })]) };
  } else {
    const invalid = checkQuery(source);
    if (invalid.length > 0) return { ok: false, diagnostics: invalid };
    text = serialize(source);
  }
  const { query, diagnostics } = check(text, options);
  const ok = !failing(diagnostics, options.strict);
  const result: ValidationResult =
    query === undefined ? { ok, diagnostics } : { ok, query: typeof source === "string" ? query : source, diagnostics };
  if (ok || typeof source !== "string") return result;
  const suggestion = suggestionFor(text, diagnostics, options);
  return suggestion === undefined ? result : { ...result, suggestion };
}

/**
 * A test of whether a span meets one of `spans`: shares a character with one, or (when either is empty) lies at or
 * inside it. Linear in the text and the spans, since a text with thousands of mistakes has thousands of each.
 */
function meetsAny(length: number, spans: readonly Span[]): (span: Span) => boolean {
  // How many spans cover each character, and where the empty ones are, as running counts.
  const depth = new Int32Array(length + 2);
  const points = new Int32Array(length + 2);
  for (const { start, end } of spans) {
    if (start === end) points[start + 1]!++;
    else {
      depth[start]!++;
      depth[end]!--;
    }
  }
  const covered = new Int32Array(length + 2); // covered[i]: characters before i inside some span
  let open = 0;
  for (let i = 0; i <= length; i++) {
    open += depth[i]!;
    covered[i + 1] = covered[i]! + (open > 0 ? 1 : 0);
    points[i + 1]! += points[i]!;
  }
  const coveredIn = (start: number, end: number): number => covered[end]! - covered[start]!;
  return ({ start, end }) =>
    // An empty span of the text's mistakes at or inside this one.
    points[end + 1]! - points[start]! > 0 ||
    (start === end ? coveredIn(Math.max(0, start - 1), Math.min(length, start + 1)) > 0 : coveredIn(start, end) > 0);
}

/**
 * The syntax, then the schema. With a syntax error, the conditions that still read are checked against the schema
 * too, all but those at a syntax error (whose reading is a guess): a person sees every mistake at once.
 */
function check(text: string, options: ValidateOptions): { query?: Query; diagnostics: Diagnostic[] } {
  const parsed = parseWithLocations(text, { maxClauses: DEFAULT_MAX_CLAUSES, ...options });
  const { query, diagnostics, locations, recovered } = parsed;
  const readable = query !== undefined && !diagnostics.some((d) => d.severity === "error");
  if (!readable) {
    if (!options.schema || !recovered) return { diagnostics };
    const atSyntaxError = meetsAny(
      text.length,
      diagnostics.filter((d) => d.severity === "error").map((d) => d.span),
    );
    const schemaProblems = checkAgainstSchema(
      recovered.conditions,
      recovered.locations,
      options.schema as FieldSchema,
    ).filter((problem) => !atSyntaxError(problem.span));
    return schemaProblems.length === 0
      ? { diagnostics }
      : { diagnostics: toDiagnostics(text, [...diagnostics, ...schemaProblems]) };
  }
  const all =
    options.schema && locations
      ? toDiagnostics(text, [...diagnostics, ...checkAgainstSchema(query, locations, options.schema as FieldSchema)])
      : diagnostics;
  return { query, diagnostics: all };
}
