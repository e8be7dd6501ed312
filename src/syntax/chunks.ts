import type { IToken } from "chevrotain";
import { tokenMatcher } from "./chevrotain.js";
import { tokenize } from "./lexer.js";
import { And, Invalid, Or, RangeBound } from "./tokens.js";
import { SEPARATOR_CHARS } from "../serialize/escaping.js";

/** A run of tokens between two operators, and whether the operator before it was AND. */
export interface TokenSlice {
  readonly tokens: IToken[];
  readonly afterAnd: boolean;
}

// An operator between separators: where a chunk may end, if the lexer agrees that it is one.
const OPERATOR = new RegExp(`[${SEPARATOR_CHARS}](?:AND|OR|&&|\\|\\|)(?=[${SEPARATOR_CHARS}])`, "g");

/** Where the first operator at or after `from` ends, or -1. */
function cutAfter(source: string, from: number): number {
  OPERATOR.lastIndex = from;
  const match = OPERATOR.exec(source);
  return match ? match.index + match[0].length : -1;
}

/**
 * Whether a chunk's tokens are exactly those that lexing the whole text gives there. They differ only where a token
 * that needs a closing character (a quote, a regular expression, a quoted range bound) found none within the chunk
 * and the lexer fell back to a shorter token: such fallbacks are always invalid tokens or range bounds that hold a
 * quote, and both are refused here (they are errors in any case, and the whole reading reports them).
 */
function readsAsWhole(token: IToken): boolean {
  return !tokenMatcher(token, Invalid) && !(token.tokenType === RangeBound && token.image.includes('"'));
}

/**
 * Lexes a long query without parentheses chunk by chunk, each of about `chunkChars` characters and cut after an
 * `AND` or `OR`, so that no more than one chunk's tokens are alive at a time (a whole query's tokens outgrow the
 * young generation and make the garbage collector's work grow faster than the input). Yields each chunk's tokens
 * without the closing operator, with offsets into `source`; yields `undefined` and stops when a chunk has a lexing
 * error or cannot be shown to lex as the whole text does: the caller then reads the query whole.
 */
export function* chunkSlices(source: string, chunkChars: number): Generator<TokenSlice | undefined> {
  let start = 0;
  let afterAnd = false;
  let cutting = true;
  while (start <= source.length) {
    const cut = cutting && start + chunkChars < source.length ? cutAfter(source, start + chunkChars) : -1;
    const end = cut < 0 ? source.length : cut;
    const lexed = tokenize(start === 0 && end === source.length ? source : source.slice(start, end));
    const tokens = lexed.tokens;
    let clean = lexed.errors.length === 0;
    for (let i = 0; clean && i < tokens.length; i++) {
      const token = tokens[i]!;
      clean = readsAsWhole(token);
      // Only the start: the lexer tracks no end offsets, and a property added to a token costs an allocation.
      token.startOffset += start;
    }
    if (!clean) {
      yield undefined;
      return;
    }
    if (cut < 0) {
      yield { tokens, afterAnd };
      return;
    }
    const operator = tokens.pop();
    if (operator === undefined || (operator.tokenType !== And && operator.tokenType !== Or) || operator.startOffset + operator.image.length !== end) {
      // What looked like an operator is part of something longer (a quoted value, an escaped space): read the rest
      // as one chunk, which always lexes as the whole text does from here.
      cutting = false;
      continue;
    }
    yield { tokens, afterAnd };
    afterAnd = operator.tokenType === And;
    start = end;
  }
}
