import type { CstNode, IRecognitionException, IToken } from "chevrotain";
import { CstParser, EOF } from "./chevrotain.js";
import {
  allTokens,
  And,
  Bang,
  Colon,
  GroupRef,
  Invalid,
  LBrace,
  LBracket,
  Minus,
  Not,
  Or,
  Plus,
  Quoted,
  RangeBound,
  RangeQuoted,
  RangeTo,
  RBrace,
  RBracket,
  Word,
} from "./tokens.js";

declare const __SECUQ_BUILD__: boolean | undefined;
// The published build skips chevrotain's grammar checks: they only find mistakes in the grammar, which tests catch.
const skipGrammarChecks = typeof __SECUQ_BUILD__ !== "undefined" && __SECUQ_BUILD__;

/**
 * The grammar of `q`, rule for rule as in `grammar/q.ebnf`. It is pure: it builds a concrete syntax tree and nothing
 * else. It also accepts a few wrong forms (two expressions with no operator, `-`/`+` prefixes, repeated NOT, bare
 * values, invalid tokens) so that the semantic pass can name each mistake and its fix instead of stopping at the
 * first.
 */
class QueryParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 2, skipValidations: skipGrammarChecks });
    this.performSelfAnalysis();
  }

  /** query = [ orExpression ] */
  query = this.RULE("query", () => {
    this.OPTION(() => this.SUBRULE(this.orExpression));
  });

  /** orExpression = andExpression { "OR" andExpression } */
  orExpression = this.RULE("orExpression", () => {
    this.SUBRULE(this.andExpression);
    this.MANY(() => {
      this.CONSUME(Or);
      this.SUBRULE2(this.andExpression);
    });
  });

  /** andExpression = unaryExpression { [ "AND" ] unaryExpression } */
  andExpression = this.RULE("andExpression", () => {
    this.SUBRULE(this.unaryExpression);
    this.MANY(() => {
      this.OPTION(() => this.CONSUME(And));
      this.SUBRULE2(this.unaryExpression);
    });
  });

  /** unaryExpression = { "NOT" | "!" | "-" | "+" } primary */
  unaryExpression = this.RULE("unaryExpression", () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Not) },
        { ALT: () => this.CONSUME(Bang) },
        { ALT: () => this.CONSUME(Minus) },
        { ALT: () => this.CONSUME(Plus) },
      ]);
    });
    this.SUBRULE(this.primary);
  });

  /** primary = fieldExpression | group | bareValue | invalid */
  primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.fieldExpression) },
      { ALT: () => this.SUBRULE(this.group) },
      { ALT: () => this.SUBRULE(this.bareValue) },
      { ALT: () => this.CONSUME(Invalid) },
    ]);
  });

  /** fieldExpression = WORD ":" fieldValue { ":" fieldValue } */
  fieldExpression = this.RULE("fieldExpression", () => {
    this.CONSUME(Word);
    this.CONSUME(Colon);
    this.SUBRULE(this.fieldValue);
    this.MANY(() => {
      this.CONSUME2(Colon);
      this.SUBRULE2(this.fieldValue);
    });
  });

  /** fieldValue = WORD | QUOTED | range | group | invalid */
  fieldValue = this.RULE("fieldValue", () => {
    this.OR([
      { ALT: () => this.CONSUME(Word) },
      { ALT: () => this.CONSUME(Quoted) },
      { ALT: () => this.SUBRULE(this.range) },
      { ALT: () => this.SUBRULE(this.group) },
      { ALT: () => this.CONSUME(Invalid) },
    ]);
  });

  /** bareValue = WORD | QUOTED | range */
  bareValue = this.RULE("bareValue", () => {
    this.OR([
      { ALT: () => this.CONSUME(Word) },
      { ALT: () => this.CONSUME(Quoted) },
      { ALT: () => this.SUBRULE(this.range) },
    ]);
  });

  /**
   * group = "(" orExpression ")". The parentheses are matched before parsing and each group's content is parsed on
   * its own (see `groups.ts`), so here a group is one token: nesting never deepens the parser's stack.
   */
  group = this.RULE("group", () => {
    this.CONSUME(GroupRef);
  });

  /** range = ( "[" | "{" ) bound "TO" bound ( "]" | "}" ) */
  range = this.RULE("range", () => {
    this.OR([{ ALT: () => this.CONSUME(LBracket) }, { ALT: () => this.CONSUME(LBrace) }]);
    this.SUBRULE(this.bound);
    this.CONSUME(RangeTo);
    this.SUBRULE2(this.bound);
    this.OR2([{ ALT: () => this.CONSUME(RBracket) }, { ALT: () => this.CONSUME(RBrace) }]);
  });

  /** bound = RANGE_WORD | RANGE_QUOTED | "TO" */
  bound = this.RULE("bound", () => {
    this.OR([
      { ALT: () => this.CONSUME(RangeBound) },
      { ALT: () => this.CONSUME(RangeQuoted) },
      { ALT: () => this.CONSUME2(RangeTo) },
    ]);
  });

  /** Parses a token vector; `errors` holds what the grammar could not match, recovered where possible. */
  parseTokens(tokens: IToken[]): { cst: CstNode; errors: IRecognitionException[] } {
    this.input = tokens;
    const cst = this.query();
    const errors = this.errors;
    // The one parser instance outlives the parse: it must not keep the tokens (and through them the source) alive.
    this.input = [];
    return { cst, errors };
  }
}

let instance: QueryParser | undefined;

/** The one parser instance, built on first use (building analyses the grammar, which costs a few milliseconds). */
export function getParser(): { parseTokens: QueryParser["parseTokens"] } {
  instance ??= new QueryParser();
  return instance;
}

/** The grammar's productions, serialized, for generating railroad diagrams (`npm run diagrams`). */
export function serializedGrammar(): ReturnType<QueryParser["getSerializedGastProductions"]> {
  instance ??= new QueryParser();
  return instance.getSerializedGastProductions();
}

export { EOF };
