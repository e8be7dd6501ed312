import type { CstNode, IRecognitionException, IToken } from "chevrotain";
import { CstParser, EOF } from "./chevrotain.js";
import { allTokens, And, Bound, Colon, GroupRef, Invalid, LParen, Or, Prefix, Quoted, RangeClose, RangeOpen, RangeTo, RParen, Word } from "./tokens.js";

declare const __SECUQ_BUILD__: boolean | undefined;
// The published build skips chevrotain's grammar checks: they only find mistakes in the grammar, which tests catch.
const skipGrammarChecks = typeof __SECUQ_BUILD__ !== "undefined" && __SECUQ_BUILD__;

/**
 * The grammar of `q`, rule for rule as in `grammar/q.ebnf`. It is pure: it builds a concrete syntax tree and nothing
 * else. It also accepts a few wrong forms (two expressions with no operator, `-`/`+` prefixes, repeated NOT, bare
 * values, invalid tokens) so that the semantic pass can name each mistake and its fix instead of stopping at the
 * first.
 */
// A field's value is kept under one name in the tree, whatever its kind: a token, or a range's node.
const VALUE = { LABEL: "value" };

class QueryParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 1, skipValidations: skipGrammarChecks });
    this.performSelfAnalysis();
    this.setRecovery(false);
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
   * unaryExpression = { PREFIX } ( WORD [ ":" value { ":" value } ] | QUOTED | range | group | GROUP | INVALID ),
   * where value = WORD | QUOTED | range | group | GROUP | INVALID, each labelled `value` in the tree. A field expression and a bare
   * value both start with a word, so one rule reads both: the grammar stays LL(1), and a condition costs one rule
   * invocation (two with a range).
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
    { ALT: () => this.CONSUME(GroupRef) },
    { ALT: () => this.CONSUME(Invalid) },
  ];
  private readonly valueAlternatives = this.valueAlternativesAt(2);
  private readonly anotherValueAlternatives = this.valueAlternativesAt(3);

  /** The alternatives of a value, with DSL occurrence index `occurrence` (chevrotain needs one per use in a rule). */
  private valueAlternativesAt(occurrence: number): Array<{ ALT: () => void }> {
    return [
      { ALT: () => this.consume(occurrence, Word, VALUE) },
      { ALT: () => this.consume(occurrence, Quoted, VALUE) },
      { ALT: () => this.subrule(occurrence, this.range, VALUE) },
      { ALT: () => this.subrule(occurrence, this.group, VALUE) },
      { ALT: () => this.consume(occurrence, GroupRef, VALUE) },
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

  /**
   * group = "(" query ")". Only shallow nesting reaches the parser as parentheses; deeper nesting is cut into groups
   * beforehand, each read on its own and standing as one GROUP token (see `groups.ts`), so the parser's recursion
   * stays bounded however deep the input.
   */
  group = this.RULE("group", () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.query);
    this.CONSUME(RParen);
  });

  /**
   * Starts a rule's tree node. This replaces chevrotain's own (an internal, called on every rule invocation), which
   * makes `children` with `Object.create(null)`: V8 keeps such an object as a hash table, so every token added to
   * the tree was a hash insertion. A plain object is 1.07-1.10 times faster on queries with several conditions
   * (docs/performance.md). The keys are rule, token and label names, never `__proto__`, so the prototype is harmless;
   * a test checks that the override is in effect.
   */
  cstInvocationStateUpdate(fullRuleName: string): void {
    (this as unknown as { CST_STACK: CstNode[] }).CST_STACK.push({ name: fullRuleName, children: {} });
  }

  /** Parses a token vector; `errors` holds what the grammar could not match, recovered where possible. */
  parseTokens(tokens: IToken[]): { cst: CstNode; errors: IRecognitionException[] } {
    const { cst, errors } = this.parseStrictly(tokens);
    if (cst && errors.length === 0) return { cst, errors };
    this.setRecovery(true);
    try {
      return this.parseWith(tokens);
    } finally {
      this.setRecovery(false);
    }
  }

  /**
   * Parses a token vector without error recovery: the tree is whole only when `errors` is empty, and then it is the
   * tree that `parseTokens` gives; after an error it is cut short, or absent.
   */
  parseStrictly(tokens: IToken[]): { cst: CstNode | undefined; errors: IRecognitionException[] } {
    return this.parseWith(tokens);
  }

  private parseWith(tokens: IToken[]): { cst: CstNode; errors: IRecognitionException[] } {
    this.input = tokens;
    const cst = this.query();
    const errors = this.errors;
    // The one parser instance outlives the parse: it must not keep the tokens (and through them the source) alive.
    this.input = [];
    return { cst, errors };
  }

  // Error recovery costs 3 to 10% of every parse (chevrotain checks for it after each repetition), and only a query
  // with an error needs it: the parser reads without it, and reads again with it only when there is an error. It is
  // switched through two chevrotain internals, the flag and the repetition hook that chevrotain's constructor sets;
  // tests check that both readings behave as described.
  private readonly recoveringRepetition = (this as unknown as RecoveryInternals).attemptInRepetitionRecovery;
  private readonly plainRepetition = (CstParser.prototype as unknown as RecoveryInternals).attemptInRepetitionRecovery;

  private setRecovery(enabled: boolean): void {
    const internals = this as unknown as RecoveryInternals;
    internals.recoveryEnabled = enabled;
    internals.attemptInRepetitionRecovery = enabled ? this.recoveringRepetition : this.plainRepetition;
  }
}

/** The two chevrotain internals that switch error recovery. */
interface RecoveryInternals {
  recoveryEnabled: boolean;
  attemptInRepetitionRecovery: unknown;
}

let instance: QueryParser | undefined;

/** The one parser instance, built on first use (building analyses the grammar, which costs a few milliseconds). */
export function getParser(): Pick<QueryParser, "parseTokens" | "parseStrictly"> {
  instance ??= new QueryParser();
  return instance;
}

/** The grammar's productions, serialized, for generating railroad diagrams (`npm run diagrams`). */
export function serializedGrammar(): ReturnType<QueryParser["getSerializedGastProductions"]> {
  instance ??= new QueryParser();
  return instance.getSerializedGastProductions();
}

export { EOF };
