import type { Query } from "../ast/types.js";
import { QuerySyntaxError } from "../errors.js";
import { AstBuilder } from "./cst-to-ast.js";
import type { IRecognitionException, IToken } from "chevrotain";
import type { ParsedSlice } from "./cst-to-ast.js";
import { chunkSlices, type TokenSlice } from "./chunks.js";
import { And, Or } from "./tokens.js";
import type { Locations } from "./locations.js";
import { toDiagnostics, type Diagnostic, type Problem } from "./diagnostic.js";
import { tokenize } from "./lexer.js";
import { nestingOf, splitGroups, type Group } from "./groups.js";
import { getParser } from "./parser.js";
import { parserErrorProblem } from "./parser-errors.js";

/** Limits that keep hostile input cheap. */
export interface ParseOptions {
  /** The deepest nesting of parentheses accepted; deeper input gets a `too-deep` diagnostic. Default 1,000. */
  readonly maxDepth?: number;
  /** The longest source accepted, in UTF-16 code units; longer input gets a `too-long` diagnostic. Default 1,000,000. */
  readonly maxLength?: number;
}

/** The outcome of `tryParse`: the query when there is no error, and every diagnostic found. */
export interface ParseResult {
  readonly query?: Query;
  readonly diagnostics: Diagnostic[];
}

/** The default deepest nesting of parentheses. */
export const DEFAULT_MAX_DEPTH = 1000;
/** The default longest query, in UTF-16 code units. */
export const DEFAULT_MAX_LENGTH = 1_000_000;

/** Turns the grammar's errors in one group into problems. */
function reportParserErrors(errors: readonly IRecognitionException[], group: Group, source: string, problems: Problem[]): void {
  const end = group.close?.startOffset ?? source.length;
  // Recovery may report one mistake twice: at the token, and again at what follows an operator used as a value.
  const seen = new Set<number>();
  const reservedWords = new Set<number>();
  for (const error of errors) {
    const { after, ...problem } = parserErrorProblem(error, group.tokens, end);
    if (seen.has(problem.span.start) || (after !== undefined && reservedWords.has(after))) continue;
    seen.add(problem.span.start);
    if (problem.code === "reserved-word-value") reservedWords.add(problem.span.start);
    problems.push(problem);
  }
}

/** Cuts tokens into runs of at least `size` tokens, each ending before an `AND` or `OR` token (which is left out). */
function* slicesOf(tokens: IToken[], size: number): Generator<TokenSlice> {
  let start = 0;
  let afterAnd = false;
  for (let i = size; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (type !== And && type !== Or) continue;
    yield { tokens: tokens.slice(start, i), afterAnd };
    afterAnd = type === And;
    start = i + 1;
    i += size;
  }
  yield { tokens: tokens.slice(start), afterAnd };
}

/** Parses each slice with the shared parser; a slice with a grammar error becomes `undefined`. */
function* parsed(slices: Iterable<TokenSlice | undefined>): Generator<ParsedSlice | undefined> {
  const parser = getParser();
  for (const slice of slices) {
    if (!slice) {
      yield undefined;
      return;
    }
    const { cst, errors } = parser.parseStrictly(slice.tokens);
    yield cst && errors.length === 0 ? { cst, afterAnd: slice.afterAnd } : undefined;
  }
}

/**
 * How input is cut up (see docs/performance.md): long input so that what is alive at once stays small, nesting so
 * that the parser's recursion stays bounded. Tests vary them.
 */
interface Cuts {
  /** Groups longer than this many tokens are read in slices of about this size. */
  readonly sliceTokens: number;
  /** Queries without parentheses longer than this many characters are lexed in chunks of about this size. */
  readonly chunkChars: number;
  /** Parentheses nested at most this deep are read by the grammar in one pass; deeper ones are cut into groups. */
  readonly onePassDepth: number;
}

const DEFAULT_CUTS: Cuts = { sliceTokens: 4096, chunkChars: 16384, onePassDepth: 16 };

type Outcome = { query?: Query; problems: Problem[]; locations?: Locations };

/** Reads a long query without parentheses chunk by chunk; `undefined` when it must be read whole. */
function readInChunks(source: string, locate: boolean, chunkChars: number): Outcome | undefined {
  const builder = new AstBuilder(source, { locate });
  if (!builder.addGroupInSlices(WHOLE_QUERY, parsed(chunkSlices(source, chunkChars)))) return undefined;
  const query = builder.query();
  if (!query) return undefined;
  return outcome(query, builder.problems, builder.locations);
}

/** A query read without error, with where its conditions are written when they were asked for. */
function outcome(query: Query, problems: Problem[], locations: Locations | undefined): Outcome {
  return locations ? { query, problems, locations } : { query, problems };
}

const WHOLE_QUERY: Group = { index: 0, tokens: [], field: undefined };

/**
 * Reads shallowly nested tokens in one pass, parentheses and all; `undefined` when there is any error, for the query
 * is then read group by group, whose diagnostics are the reference (a property test compares the two readings).
 */
function readInOnePass(source: string, tokens: IToken[], locate: boolean): Outcome | undefined {
  const { cst, errors } = getParser().parseStrictly(tokens);
  if (!cst || errors.length > 0) return undefined;
  const builder = new AstBuilder(source, { locate });
  builder.addGroup(WHOLE_QUERY, cst, false);
  const query = builder.query();
  return query && outcome(query, builder.problems, builder.locations);
}

const PARENTHESIS = /[()]/;

function problemsOf(source: string, options: ParseOptions, locate: boolean, cuts: Cuts): Outcome {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (source.length > maxLength) {
    const message = `The query is ${source.length} characters long; the limit is ${maxLength}`;
    return { problems: [{ severity: "error", code: "too-long", message, span: { start: maxLength, end: source.length } }] };
  }
  if (source.length > cuts.chunkChars && !PARENTHESIS.test(source)) {
    const chunked = readInChunks(source, locate, cuts.chunkChars);
    if (chunked) return chunked;
  }
  const lexed = tokenize(source);
  const problems: Problem[] = [];
  for (const error of lexed.errors) {
    const character = JSON.stringify(source.slice(error.offset, error.offset + error.length));
    const span = { start: error.offset, end: error.offset + error.length };
    problems.push({ severity: "error", code: "unexpected-character", message: `Unexpected character ${character}`, span });
  }
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const nesting = nestingOf(lexed.tokens, Math.min(maxDepth, cuts.onePassDepth));
  if (nesting === "shallow" && problems.length === 0 && lexed.tokens.length <= cuts.sliceTokens) {
    const read = readInOnePass(source, lexed.tokens, locate);
    if (read) return read;
  }
  const { groups, strayClosers, tooDeep } = splitGroups(source, lexed.tokens, maxDepth, nesting);
  if (tooDeep) {
    const message = `Parentheses are nested more than ${maxDepth} deep`;
    const span = { start: tooDeep.startOffset, end: tooDeep.startOffset + 1 };
    return { problems: [...problems, { severity: "error", code: "too-deep", message, span }] };
  }
  const builder = new AstBuilder(source, { locate });
  const parser = getParser();
  for (const group of groups) {
    // A long group is read in slices, so that the syntax tree of all of it is never held at once (see docs/performance.md).
    if (group.tokens.length > cuts.sliceTokens && builder.addGroupInSlices(group, parsed(slicesOf(group.tokens, cuts.sliceTokens)))) continue;
    const { cst, errors } = parser.parseTokens(group.tokens);
    if (errors.length > 0) reportParserErrors(errors, group, source, problems);
    builder.addGroup(group, cst, errors.length > 0);
  }
  for (const paren of strayClosers) builder.addStrayCloser(paren);
  for (const problem of builder.problems) problems.push(problem);
  const query = builder.query();
  if (!query || problems.some((problem) => problem.severity === "error")) return { problems };
  return outcome(query, problems, builder.locations);
}

/**
 * Parses a query without throwing: the query when the text has no error, and every diagnostic found (errors and
 * warnings). Any string is safe to pass, however long, deep or malformed.
 *
 * @example
 * const { query, diagnostics } = tryParse("status:accepted AND basket_info.sum:>=1000");
 * if (!query) for (const d of diagnostics) console.log(`${d.line}:${d.column} ${d.message}`);
 */
export function tryParse(source: string, options: ParseOptions = {}): ParseResult {
  const { query, diagnostics } = read(source, options, false);
  return query ? { query, diagnostics } : { diagnostics };
}

/** `tryParse`, plus where each condition's field and value are written (for checks against a schema). */
export function parseWithLocations(source: string, options: ParseOptions = {}): ParseResult & { locations?: Locations } {
  return read(source, options, true);
}

/**
 * `tryParse` reading groups longer than `sliceTokens` tokens in slices and queries without parentheses longer than
 * `chunkChars` characters in chunks; tests compare it with a whole reading.
 */
export function tryParseInSlices(source: string, cuts: Omit<Cuts, "onePassDepth">, options: ParseOptions = {}): ParseResult {
  return read(source, options, false, { ...DEFAULT_CUTS, ...cuts });
}

/** `tryParse` with no slices and no chunks: the reference that `tryParseInSlices` is compared with. */
export function tryParseWhole(source: string, options: ParseOptions = {}): ParseResult {
  return read(source, options, false, { ...DEFAULT_CUTS, sliceTokens: Infinity, chunkChars: Infinity });
}

/**
 * `parseWithLocations` with every parenthesized group cut out and read on its own, never in one pass: the reference
 * that the one-pass reading of shallow nesting is compared with.
 */
export function parseInGroups(source: string, options: ParseOptions = {}): ParseResult & { locations?: Locations } {
  return read(source, options, true, { ...DEFAULT_CUTS, onePassDepth: 0 });
}

function read(source: string, options: ParseOptions, locate: boolean, cuts = DEFAULT_CUTS): ParseResult & { locations?: Locations } {
  if (typeof source !== "string") {
    const diagnostic = toDiagnostics("", [
      { severity: "error", code: "not-a-string", message: `A query must be a string, not ${typeof source}`, span: { start: 0, end: 0 } },
    ]);
    return { diagnostics: diagnostic };
  }
  const { query, problems, locations } = problemsOf(source, options, locate, cuts);
  const diagnostics = toDiagnostics(source, problems);
  if (!query) return { diagnostics };
  return locations ? { query, diagnostics, locations } : { query, diagnostics };
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
