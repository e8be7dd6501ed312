import type { IRecognitionException, IToken } from "chevrotain";
import type { Query } from "../ast/types.js";
import { QuerySyntaxError } from "../diagnostics/errors.js";
import { diagnosticCatalog } from "../diagnostics/catalog.js";
import { buildQuery } from "./build/query.js";
import { problemAt, toDiagnostics, type Diagnostic, type Problem } from "../diagnostics/diagnostic.js";
import { tokenize } from "./lexer.js";
import type { Locations } from "./locations.js";
import { parseRecovering, parseStrictly } from "./parser.js";
import { parserErrorProblem } from "./parser-errors.js";
import { scanTokens } from "./scan.js";
import { endOf } from "./tokens.js";
import { parseServer } from "./server/parse-server.js";
import type { FieldSchema } from "../schema/schema.js";
import { analysedAwayIn } from "../schema/analysis.js";
import { DEFAULT_MAX_CLAUSES } from "../ast/server-limits.js";

/**
 * How text is read into an AST. `usual`: secuq's language, NOT binding tighter than AND, AND tighter than OR, as
 * people read it. `server`: the whole of what Elasticsearch's `query_string` accepts, meaning what it runs (see
 * `syntax/server/`).
 */
export type Reading = "usual" | "server";

/** Limits that keep hostile input cheap. */
export interface ParseOptions {
  /**
   * The deepest nesting of parentheses accepted, and the longest run of NOT or `!`; deeper input gets a `too-deep`
   * diagnostic. Default 64 (Elasticsearch refuses queries nested more than 20 deep).
   */
  readonly maxDepth?: number;
  /**
   * The longest source accepted, in UTF-16 code units; longer input gets a `too-long` diagnostic. Default 1,000,000.
   */
  readonly maxLength?: number;
  /**
   * How to read AND, OR and NOT. `usual` (the default): NOT binds tighter than AND, AND tighter than OR, as people
   * read them. `server`: the query the server really runs, by Lucene's rules, which give AND no precedence over
   * OR (`a:1 OR b:2 AND c:3` runs as `b:2 AND c:3`) and read NOT inside OR as AND NOT. The two differ only where
   * the text gets an `ambiguous-precedence` warning.
   */
  readonly reading?: Reading;
  /**
   * The most conditions one group may join, as the server limits them (`too-many-clauses`). Unchecked by default
   * here; `validate` checks 1,024 (Elasticsearch 7) unless told another number.
   */
  readonly maxClauses?: number;
  /**
   * Field types, for the server reading only: a term its analysed field reads as no word at all (`t:!`) is dropped,
   * as the server drops it.
   */
  readonly schema?: FieldSchema<unknown>;
}

/** The outcome of `tryParse`: the query when there is no error, and every diagnostic found. */
export interface ParseResult {
  readonly query?: Query;
  readonly diagnostics: Diagnostic[];
}

/**
 * The default deepest nesting. The parser recurses through four rules per parenthesis: with a fresh stack, Node 20
 * ran out at 268 levels and Chromium at 312 (before the code is optimised; see docs/architecture.md), so 64 leaves
 * room for a caller that is itself deep in its stack.
 */
export const DEFAULT_MAX_DEPTH = 64;
/** The default longest query, in UTF-16 code units. */
export const DEFAULT_MAX_LENGTH = 1_000_000;

/** Turns the grammar's errors into problems. */
function reportParserErrors(
  errors: readonly IRecognitionException[],
  tokens: readonly IToken[],
  source: string,
  problems: Problem[],
): void {
  // Recovery may report one mistake twice: at the token, and again at what follows an operator used as a value.
  const seen = new Set<number>();
  const reservedWords = new Set<number>();
  for (const error of errors) {
    const { after, ...problem } = parserErrorProblem(error, tokens, source);
    if (seen.has(problem.span.start) || (after !== undefined && reservedWords.has(after))) continue;
    seen.add(problem.span.start);
    if (problem.code === "reserved-word-value") reservedWords.add(problem.span.start);
    problems.push(problem);
  }
}

interface Outcome {
  readonly query?: Query;
  readonly problems: Problem[];
  readonly locations?: Locations;
  /** With an error: the conditions that still read, and where they are written (for checks against a schema). */
  readonly recovered?: Recovered;
}

/** The conditions read in a text with an error, and where each is written. */
export interface Recovered {
  readonly conditions: readonly Query[];
  readonly locations: Locations;
}

/** The one reading: lex, scan the parentheses, parse (again with recovery after an error), build the AST. */
function readQuery(source: string, options: ParseOptions, locate: boolean): Outcome {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (source.length > maxLength) {
    const message = `The query is ${source.length} characters long; the limit is ${maxLength}`;
    return {
      problems: [problemAt("too-long", message, { start: maxLength, end: source.length })],
    };
  }
  const lexed = tokenize(source);
  const problems: Problem[] = [];
  for (const error of lexed.errors) {
    const character = JSON.stringify(source.slice(error.offset, error.offset + error.length));
    const span = { start: error.offset, end: error.offset + error.length };
    problems.push(problemAt("unexpected-character", `Unexpected character ${character}`, span));
  }
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const { tokens, strayClosers, unclosed, tooDeep } = scanTokens(lexed.tokens, maxDepth);
  const lastToken = lexed.tokens[lexed.tokens.length - 1];
  if (tooDeep) {
    const what = tooDeep.image === "(" ? "Parentheses are nested" : "NOT or ! is repeated";
    const message = `${what} more than ${maxDepth} deep`;
    const span = { start: tooDeep.startOffset, end: tooDeep.startOffset + tooDeep.image.length };
    return { problems: [...problems, problemAt("too-deep", message, span)] };
  }
  try {
    const end = lastToken ? endOf(lastToken) : 0;
    return parseAndBuild(source, tokens, { options, locate, problems, strayClosers, unclosed, end });
  } catch (error) {
    // Only where the depth limit was lifted can the engine's stack run out before it. The error may not say so:
    // chevrotain's bookkeeping, cut short by the overflow, can fail on the way out with another RangeError. It is
    // reported where the default limit would have stopped.
    const deep = scanTokens(lexed.tokens, DEFAULT_MAX_DEPTH).tooDeep;
    if (!deep || !isStackError(error)) throw error;
    const span = { start: deep.startOffset, end: endOf(deep) };
    const message = "The query is nested deeper than this engine's stack can read; write it with less nesting";
    return { problems: [...problems, problemAt("too-deep", message, span)] };
  }
}

/** Whether an error is of the kind the engine's stack running out throws: RangeError, or InternalError in Firefox. */
function isStackError(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && error.name === "InternalError");
}

const isFallback = (problem: Problem): boolean => diagnosticCatalog[problem.code].fallback === true;

/**
 * Removes the fallback diagnostics ("unexpected end") when a specific one explains the text: they are what the
 * grammar met after that mistake. Alone, one stays, so that no invalid text passes in silence.
 */
function dropFallbacks(problems: Problem[]): void {
  if (problems.length === 0 || !problems.some(isFallback) || problems.every(isFallback)) return;
  let kept = 0;
  for (const problem of problems) if (!isFallback(problem)) problems[kept++] = problem;
  problems.length = kept;
}

/** What the reading knows when it parses: the options, the problems found so far and what the scan found. */
interface ParseState {
  readonly options: ParseOptions;
  readonly locate: boolean;
  readonly problems: Problem[];
  readonly strayClosers: readonly IToken[];
  readonly unclosed: readonly IToken[];
  /** Where the last token written ends. */
  readonly end: number;
}

const NONE: readonly number[] = Object.freeze([]);

/** Parses the scanned tokens (again with recovery after a mistake) and builds the AST. */
function parseAndBuild(source: string, tokens: IToken[], state: ParseState): Outcome {
  const { options, locate, problems, strayClosers, unclosed, end } = state;
  const strict = parseStrictly(tokens);
  let trees = [strict.cst];
  if (strict.errors.length > 0) {
    const recovered = parseRecovering(tokens);
    trees = [...recovered.trees];
    reportParserErrors(recovered.errors, tokens, source, problems);
  }
  const reportedErrors =
    problems.length === 0 ? NONE : problems.map((problem) => problem.span.start).sort((a, b) => a - b);
  const built = buildQuery(source, trees, {
    locate,
    reportedErrors,
    strayClosers,
    unclosed,
    end,
    ...(options.maxClauses !== undefined && { maxClauses: options.maxClauses }),
  });
  for (const problem of built.problems) problems.push(problem);
  dropFallbacks(problems);
  const { query, locations } = built;
  if (!query || problems.some((problem) => problem.severity === "error")) {
    const conditions = built.conditions ?? (query ? [query] : []);
    return locations && conditions.length > 0 ? { problems, recovered: { conditions, locations } } : { problems };
  }
  // Written out rather than spread: this runs once per parse, and spreads are slow next to a one-clause parse.
  return locations ? { query, problems, locations } : { query, problems };
}

/**
 * The server reading: the query the server runs (`syntax/server/`), and secuq's diagnostics of the text. What the
 * server accepts, secuq's errors included, is only advice here: those become warnings. What it refuses keeps secuq's
 * errors, or gets the server's own where secuq found none.
 */
function readAsServer(source: string, options: ParseOptions, locate: boolean): Outcome {
  const usual = readQuery(source, options, false);
  if (source.length > (options.maxLength ?? DEFAULT_MAX_LENGTH)) return usual;
  const locations: Locations | undefined = locate ? new WeakMap() : undefined;
  const server = parseServer(source, {
    maxClauses: options.maxClauses ?? DEFAULT_MAX_CLAUSES,
    ...(options.schema && { analysedAway: analysedAwayIn(options.schema) }),
    ...(locations && { locations }),
  });
  if (!server.ok) {
    if (usual.problems.some((problem) => problem.severity === "error")) return { problems: usual.problems };
    // The Lucene differential tests find none: a safety net, so that no text the server refuses passes in silence.
    const message = `The server cannot read this query: ${server.message}`;
    return { problems: [...usual.problems, problemAt("unexpected-token", message, server.span)] };
  }
  const problems = usual.problems.map((problem) =>
    problem.severity === "error" ? { ...problem, severity: "warning" as const } : problem,
  );
  return locations ? { query: server.query, problems, locations } : { query: server.query, problems };
}

function read(
  source: string,
  options: ParseOptions,
  locate: boolean,
): ParseResult & { locations?: Locations; recovered?: Recovered } {
  if (typeof source !== "string") {
    const problem = problemAt("not-a-string", `A query must be a string, not ${typeof source}`, { start: 0, end: 0 });
    return { diagnostics: toDiagnostics("", [problem]) };
  }
  const { query, problems, locations, recovered } =
    options.reading === "server" ? readAsServer(source, options, locate) : readQuery(source, options, locate);
  const diagnostics = toDiagnostics(source, problems);
  if (!query) return recovered ? { diagnostics, recovered } : { diagnostics };
  return locations ? { query, diagnostics, locations } : { query, diagnostics };
}

/**
 * Parses a query without throwing: the query when the text has no error, and every diagnostic found (errors and
 * warnings). Any string is safe to pass, however long, deep or malformed.
 *
 * @example
 * const { query, diagnostics } = tryParse("status:approved AND basket_info.sum:>=1000");
 * if (!query) for (const d of diagnostics) console.log(`${d.line}:${d.column} ${d.message}`);
 */
export function tryParse(source: string, options: ParseOptions = {}): ParseResult {
  const { query, diagnostics } = read(source, options, false);
  return query ? { query, diagnostics } : { diagnostics };
}

/**
 * `tryParse`, plus where each condition's field and value are written (for checks against a schema); with an error,
 * the conditions that still read (`recovered`), so that the schema's problems can be shown beside the syntax's.
 */
export function parseWithLocations(
  source: string,
  options: ParseOptions = {},
): ParseResult & { locations?: Locations; recovered?: Recovered } {
  return read(source, options, true);
}

/**
 * Parses a query into its AST; throws `QuerySyntaxError`, with every diagnostic, when the text has an error.
 * Warnings do not throw; use `tryParse` or `validate` to see them.
 *
 * @example
 * parse("customer.contact.surname:Meier AND basket_info.sum:[1000 TO *]")
 * // { type: "and", operands: [{ type: "term", … }, { type: "range", … }] }
 */
export function parse(source: string, options: ParseOptions = {}): Query {
  const { query, diagnostics } = tryParse(source, options);
  if (!query) throw new QuerySyntaxError(diagnostics);
  return query;
}
