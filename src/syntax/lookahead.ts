import type { ILookaheadStrategy, IToken, TokenType } from "chevrotain";
import { createTokenInstance, LLkLookaheadStrategy, tokenMatcher } from "./chevrotain.js";
import { allTokens, And, Colon, Invalid, LParen, Or, Prefix, Quoted, RangeOpen, Word } from "./tokens.js";

const CONDITION_START = [Prefix, Word, Quoted, RangeOpen, LParen, Invalid];
const VALUE = [[Word], [Quoted], [RangeOpen], [LParen], [Invalid]];

/**
 * The tokens that start each repetition, option and alternative of the grammar (it is LL(1)), keyed by rule,
 * production kind and occurrence. Chevrotain would work these out from the grammar whenever a parser is built, 3 to
 * 6 ms of a process's first parse; a test checks this table against chevrotain's own analysis.
 */
export const LOOKAHEAD: Readonly<Record<string, readonly (readonly TokenType[])[]>> = {
  "query Option 0": [CONDITION_START],
  "query Repetition 0": [[Or]],
  "andExpression Repetition 0": [[And, ...CONDITION_START]],
  "andExpression Option 0": [[And]],
  "unaryExpression Repetition 0": [[Prefix]],
  "unaryExpression Alternation 0": VALUE,
  "unaryExpression Repetition 2": [[Colon]],
  "unaryExpression Alternation 2": VALUE,
};

/** For each token type's index, the first alternative that a token of that type can start; none: undefined. */
function alternativeByTokenType(key: string): (number | undefined)[] {
  const alternatives = LOOKAHEAD[key];
  if (!alternatives) throw new Error(`No lookahead for ${key}: update LOOKAHEAD in syntax/lookahead.ts`);
  const byType: (number | undefined)[] = [];
  for (const type of allTokens) {
    const token = createTokenInstance(type, "", 0, 0, 0, 0, 0, 0);
    const index = alternatives.findIndex((starts) => starts.some((start) => tokenMatcher(token, start)));
    if (index >= 0) byType[type.tokenTypeIdx!] = index;
  }
  return byType;
}

/** What chevrotain calls a lookahead function with: the parser, whose next token decides. */
interface Reader {
  LA(howMuch: number): IToken;
}

/**
 * Chevrotain's lookahead strategy (its documented, experimental interface), given the table instead of working it
 * out. The grammar's checks (in tests and development) still run chevrotain's own analysis.
 */
export const precomputedLookahead: ILookaheadStrategy = {
  validate: (options) => new LLkLookaheadStrategy({ maxLookahead: 1 }).validate(options),
  buildLookaheadForAlternation({ rule, prodOccurrence }) {
    const byType = alternativeByTokenType(`${rule.name} Alternation ${prodOccurrence}`);
    return function (this: Reader) {
      return byType[this.LA(1).tokenTypeIdx];
    };
  },
  buildLookaheadForOptional({ rule, prodType, prodOccurrence }) {
    const byType = alternativeByTokenType(`${rule.name} ${prodType} ${prodOccurrence}`);
    return function (this: Reader) {
      return byType[this.LA(1).tokenTypeIdx] === 0;
    };
  },
};
