import type { CstNode, IRecognitionException, IToken } from "chevrotain";
import { CstParser, NotAllInputParsedException, tokenMatcher } from "./chevrotain.js";
import {
  allTokens,
  And,
  Bound,
  Colon,
  Invalid,
  LParen,
  Or,
  Prefix,
  Quoted,
  RangeClose,
  RangeOpen,
  RangeTo,
  RParen,
  Word,
} from "./tokens.js";

declare const __SECUQ_BUILD__: boolean | undefined;
// The published build skips chevrotain's grammar checks: they only find mistakes in the grammar, which tests catch.
const skipGrammarChecks = typeof __SECUQ_BUILD__ !== "undefined" && __SECUQ_BUILD__;

// A field's value is kept under one name in the tree, whatever its kind: a token, or a range's or group's node.
const VALUE = { LABEL: "value" };

/**
 * The grammar of `q`, rule for rule as in `grammar/q.ebnf`. It is pure: it builds a concrete syntax tree and nothing
 * else. It also accepts a few wrong forms (two expressions with no operator, `-`/`+` prefixes, repeated NOT, bare
 * values, invalid tokens) so that the semantic pass can name each mistake and its fix instead of stopping at the
 * first.
 */
class QueryParser extends CstParser {
  constructor(recoveryEnabled: boolean) {
    super(allTokens, { recoveryEnabled, maxLookahead: 1, skipValidations: skipGrammarChecks });
    this.performSelfAnalysis();
  }

  /** query = [ andExpression { "OR" andExpression } ]: an OR of AND levels, or nothing. */
  query = this.RULE("query", () => {
    this.OPTION(this.orExpression);
  });

  // The DSL's arguments are built once, not on every call (chevrotain's performance guide: cached alternatives).
  // They close over nothing but the parser, so sharing them between calls is safe.
  private readonly orExpression = (): void => {
    this.SUBRULE(this.andExpression);
    this.MANY(this.orOperand);
  };
  private readonly orOperand = (): void => {
    this.CONSUME(Or);
    this.SUBRULE2(this.andExpression);
  };

  /** andExpression = unaryExpression { [ "AND" ] unaryExpression } */
  andExpression = this.RULE("andExpression", () => {
    this.SUBRULE(this.unaryExpression);
    this.MANY(this.andOperand);
  });

  private readonly andOperator = (): void => {
    this.CONSUME(And);
  };
  private readonly andOperand = (): void => {
    this.OPTION(this.andOperator);
    this.SUBRULE2(this.unaryExpression);
  };

  /**
   * unaryExpression = { PREFIX } ( WORD [ ":" value { ":" value } ] | QUOTED | range | group | INVALID ),
   * where value = WORD | QUOTED | range | group | INVALID, each labelled `value` in the tree. A field expression and
   * a bare value both start with a word, so one rule reads both: the grammar stays LL(1), and a condition costs one
   * rule invocation (two with a range).
   */
  unaryExpression = this.RULE("unaryExpression", () => {
    this.MANY(this.prefix);
    this.OR(this.operandAlternatives);
  });

  private readonly prefix = (): void => {
    this.CONSUME(Prefix);
  };
  private readonly fieldValue = (): void => {
    this.CONSUME(Colon);
    this.OR2(this.valueAlternatives);
    this.MANY2(this.anotherValue);
  };
  private readonly anotherValue = (): void => {
    this.CONSUME2(Colon);
    this.OR3(this.anotherValueAlternatives);
  };
  private readonly operandAlternatives = [
    {
      ALT: () => {
        this.CONSUME(Word);
        this.OPTION(this.fieldValue);
      },
    },
    { ALT: () => this.CONSUME(Quoted) },
    { ALT: () => this.SUBRULE(this.range) },
    { ALT: () => this.SUBRULE(this.group) },
    { ALT: () => this.CONSUME(Invalid) },
  ];
  private readonly valueAlternatives = this.valueAlternativesAt(2);
  private readonly anotherValueAlternatives = this.valueAlternativesAt(3);

  /** The alternatives of a value, with DSL occurrence index `occurrence` (chevrotain needs one per use in a rule). */
  private valueAlternativesAt(occurrence: number): { ALT: () => void }[] {
    return [
      { ALT: () => this.consume(occurrence, Word, VALUE) },
      { ALT: () => this.consume(occurrence, Quoted, VALUE) },
      { ALT: () => this.subrule(occurrence, this.range, VALUE) },
      { ALT: () => this.subrule(occurrence, this.group, VALUE) },
      { ALT: () => this.consume(occurrence, Invalid, VALUE) },
    ];
  }

  /** range = RANGE_OPEN BOUND "TO" BOUND RANGE_CLOSE */
  range = this.RULE("range", () => {
    this.CONSUME(RangeOpen);
    this.CONSUME(Bound);
    this.CONSUME(RangeTo);
    this.CONSUME2(Bound);
    this.CONSUME(RangeClose);
  });

  /** group = "(" query ")". The parse limits keep its recursion bounded (see `scan.ts`). */
  group = this.RULE("group", () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.query);
    this.CONSUME(RParen);
  });

  /** Parses a token vector: the tree, and what the grammar could not match. */
  parseTokens(tokens: IToken[]): { cst: CstNode | undefined; errors: IRecognitionException[] } {
    const stackTraceLimit = withoutStackTraces();
    try {
      this.input = tokens;
      const cst = this.query() as CstNode | undefined;
      return { cst, errors: this.errors };
    } finally {
      // The parser outlives the parse: it must not keep the tokens (and through them the source) alive.
      this.input = [];
      if (stackTraceLimit !== undefined) Error.stackTraceLimit = stackTraceLimit;
    }
  }
}

/**
 * Turns off stack traces, where the engine has them and lets them be changed, and returns the limit to restore.
 * Chevrotain reports each mistake with an exception that captures a stack trace, twice; nothing reads them, and
 * they cost about 40% of reading a query with a mistake.
 */
function withoutStackTraces(): number | undefined {
  const limit = Error.stackTraceLimit;
  if (typeof limit !== "number" || !Object.getOwnPropertyDescriptor(Error, "stackTraceLimit")?.writable)
    return undefined;
  Error.stackTraceLimit = 0;
  return limit;
}

/** A parse of a token vector: the syntax tree and the grammar's errors. */
export interface TokenParse {
  /** The tree; absent or cut short after an error when read strictly. */
  readonly cst: CstNode | undefined;
  readonly errors: IRecognitionException[];
}

let strict: QueryParser | undefined;
let recovering: QueryParser | undefined;

/**
 * Parses strictly: stops at the first error. Error recovery costs 3 to 10% of every parse (chevrotain checks for
 * it after each repetition), and only a query with an error needs it, so a valid query is read by this instance.
 */
export function parseStrictly(tokens: IToken[]): TokenParse {
  strict ??= new QueryParser(false);
  return strict.parseTokens(tokens);
}

/** A recovering read: one tree per stretch of the tokens read, and the grammar's errors in all of them. */
export interface RecoveredParse {
  readonly trees: readonly (CstNode | undefined)[];
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
  recovering ??= new QueryParser(true);
  let read = recovering.parseTokens(tokens);
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
    read = recovering.parseTokens(rest);
    trees.push(read.cst);
    errors.push(...read.errors);
  }
  return { trees, errors };
}

/** The grammar's productions, serialized, for generating railroad diagrams (`npm run diagrams`). */
export function serializedGrammar(): ReturnType<QueryParser["getSerializedGastProductions"]> {
  strict ??= new QueryParser(false);
  return strict.getSerializedGastProductions();
}

/** The grammar's productions, for generating the CST's types (`npm run cst-types`). */
export function grammarProductions(): ReturnType<QueryParser["getGAstProductions"]> {
  strict ??= new QueryParser(false);
  return strict.getGAstProductions();
}
