import type { IRecognitionException, IToken } from "chevrotain";
import type { QueryCstNode } from "./cst.js";
import { NotAllInputParsedException, tokenMatcher } from "./chevrotain.js";
import { QueryGrammar, type TokenParse } from "./grammar.js";
import { Colon, Invalid, LParen, Prefix, Quoted, RangeOpen, Word } from "./tokens.js";

export type { TokenParse } from "./grammar.js";

/**
 * Turns off stack traces, where the engine has them and lets them be changed, and returns the limit to restore.
 * Chevrotain reports each mistake with an exception that captures a stack trace, twice; nothing reads them, and
 * they cost about 40% of reading a query with a mistake.
 */
function withoutStackTraces(): number | undefined {
  const limit = Error.stackTraceLimit;
  if (typeof limit !== "number") return undefined;
  try {
    Error.stackTraceLimit = 0;
  } catch {
    // A hardened environment may make the limit read-only; the parse then goes on with stack traces.
    return undefined;
  }
  return limit;
}

let strict: QueryGrammar | undefined;
let recovering: QueryGrammar | undefined;

/**
 * Runs the grammar over a token vector with stack traces off, restoring the engine's limit afterwards. Left on
 * even for the strict instance, which makes at most a couple of exceptions, they made a query with a mistake cost
 * 13 to 28 valid parses instead of 9 to 20.
 */
function run(grammar: QueryGrammar, tokens: IToken[]): TokenParse {
  const stackTraceLimit = withoutStackTraces();
  try {
    return grammar.parseTokens(tokens);
  } finally {
    if (stackTraceLimit !== undefined) Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * Parses strictly: stops at the first error. Error recovery costs 3 to 10% of every parse (chevrotain checks for
 * it after each repetition), and only a query with an error needs it, so a valid query is read by this instance.
 */
export function parseStrictly(tokens: IToken[]): TokenParse {
  strict ??= new QueryGrammar(false);
  return run(strict, tokens);
}

/** A recovering read: one tree per stretch of the tokens read, and the grammar's errors in all of them. */
export interface RecoveredParse {
  readonly trees: readonly (QueryCstNode | undefined)[];
  readonly errors: IRecognitionException[];
}

// Each read after the first costs the tokens left, so their number is bounded: the whole stays linear.
const MAX_READS = 16;
const CONDITION_STARTS = [Word, Quoted, RangeOpen, LParen, Prefix, Invalid];
const startsCondition = (token: IToken): boolean => CONDITION_STARTS.some((type) => tokenMatcher(token, type));

/**
 * Parses with error recovery, so that every mistake is found: for a query that `parseStrictly` found wrong.
 * Chevrotain's recovery resumes inside a rule's repetitions but not at the top level, where a token that cannot
 * start a condition (a leading `OR`, a stray `:`) ends the parse with the rest reported as redundant input. The
 * read then goes on from the next token that can start a condition, so that the mistakes after it are found too.
 */
export function parseRecovering(tokens: IToken[]): RecoveredParse {
  recovering ??= new QueryGrammar(true);
  let read = run(recovering, tokens);
  const trees = [read.cst];
  const errors = [...read.errors];
  let rest = tokens;
  for (let reads = 1; reads < MAX_READS; reads++) {
    const stop = read.errors[read.errors.length - 1];
    if (!(stop instanceof NotAllInputParsedException)) break;
    let next = rest.indexOf(stop.token) + 1;
    // A value after a stray colon is its value (`:b`): the colon's report covers it.
    const value = rest[next];
    if (tokenMatcher(stop.token, Colon) && value && (tokenMatcher(value, Word) || tokenMatcher(value, Quoted))) next++;
    while (next < rest.length && !startsCondition(rest[next]!)) next++;
    if (next === 0 || next >= rest.length) break;
    rest = rest.slice(next);
    read = run(recovering, rest);
    trees.push(read.cst);
    for (const error of read.errors) errors.push(error);
  }
  return { trees, errors };
}

/** The grammar's productions, serialized, for generating railroad diagrams (`npm run diagrams`). */
export function serializedGrammar(): ReturnType<QueryGrammar["getSerializedGastProductions"]> {
  strict ??= new QueryGrammar(false);
  return strict.getSerializedGastProductions();
}
