import type { IToken } from "chevrotain";
import { createTokenInstance, tokenMatcher } from "./chevrotain.js";
import { LParen, Prefix, RParen } from "./tokens.js";

/** The tokens ready for the parser, and what the scan found wrong with their parentheses. */
export interface Scanned {
  /** The tokens less the stray closing parentheses, with one closing parenthesis added per unclosed one. */
  readonly tokens: IToken[];
  /** Closing parentheses that match no opening one, left out of `tokens`. */
  readonly strayClosers: readonly IToken[];
  /** Opening parentheses never closed, each closed at the end of `tokens`. */
  readonly unclosed: readonly IToken[];
  /** The first token past the depth limit: an opening parenthesis, or a prefix in too long a run. */
  readonly tooDeep?: IToken;
}

/**
 * A closing parenthesis that the text lacks, added at the end so that the parser reads the group whole. It has no
 * place in the source: its offsets are NaN, as for the tokens that chevrotain's error recovery makes up.
 */
function missingCloser(): IToken {
  return createTokenInstance(RParen, "", NaN, NaN, NaN, NaN, NaN, NaN);
}

/** Whether a closing parenthesis was added by the scan rather than written. */
export const isMissingCloser = (token: IToken): boolean => Number.isNaN(token.startOffset);

const NO_TOKENS: readonly IToken[] = Object.freeze([]);

/**
 * One pass over the tokens before parsing: enforces the depth limit (parentheses, and runs of NOT or `!`), so
 * that the parser's recursion stays bounded, and repairs unbalanced parentheses, so that the parser reads every
 * group and the semantic pass reports each unmatched parenthesis where it is.
 */
export function scanTokens(tokens: IToken[], maxDepth: number): Scanned {
  // The opening parentheses not closed yet, innermost last.
  const open: IToken[] = [];
  let prefixRun = 0;
  let stray: IToken[] | undefined;
  for (const token of tokens) {
    const type = token.tokenType;
    if (tokenMatcher(token, Prefix)) {
      if (++prefixRun > maxDepth) return { tokens, strayClosers: NO_TOKENS, unclosed: NO_TOKENS, tooDeep: token };
      continue;
    }
    prefixRun = 0;
    if (type === LParen) {
      open.push(token);
      if (open.length > maxDepth) return { tokens, strayClosers: NO_TOKENS, unclosed: NO_TOKENS, tooDeep: token };
    } else if (type === RParen) {
      if (open.length === 0) (stray ??= []).push(token);
      else open.pop();
    }
  }
  if (!stray && open.length === 0) return { tokens, strayClosers: NO_TOKENS, unclosed: NO_TOKENS };
  const strays = new Set(stray);
  const repaired = stray ? tokens.filter((token) => !strays.has(token)) : tokens.slice();
  // One closing parenthesis for each unclosed one (a loop: there may be more than a call can take as arguments).
  for (let missing = open.length; missing > 0; missing--) repaired.push(missingCloser());
  return { tokens: repaired, strayClosers: stray ?? NO_TOKENS, unclosed: open };
}
