import type { Span } from "../ast/types.js";
import { tokenMatcher } from "../syntax/chevrotain.js";
import { tokenize, type Token } from "../syntax/lexer.js";
import { firstUnescaped } from "../syntax/words.js";
import { EXISTS_FIELD } from "../ast/check.js";
import {
  Colon,
  Invalid,
  LParen,
  Prefix,
  Quoted,
  RangeClose,
  RangeOpen,
  RangeQuoted,
  RangeTo,
  RParen,
  Word,
  And,
  Or,
  RangeBound,
  endOf,
} from "../syntax/tokens.js";

/** What a piece of query text is, for colouring it. */
export type HighlightKind =
  "field" | "value" | "wildcard" | "quoted" | "operator" | "keyword" | "range" | "punctuation" | "error";

/** A piece of query text and its kind. */
export interface Highlight {
  readonly span: Span;
  readonly kind: HighlightKind;
}

const COMPARISON = /^[<>]=?/;

/** The kind of a word: a field before `:`, else a value, a pattern or a comparison. */
function wordKind(token: Token, next: Token | undefined): HighlightKind {
  if (next !== undefined && tokenMatcher(next, Colon)) return token.image === EXISTS_FIELD ? "keyword" : "field";
  if (COMPARISON.test(token.image)) return "range";
  return firstUnescaped(token.image, "*?") >= 0 ? "wildcard" : "value";
}

function kindOf(token: Token, next: Token | undefined): HighlightKind {
  if (tokenMatcher(token, Word)) return wordKind(token, next);
  if (tokenMatcher(token, Invalid)) return "error";
  if (tokenMatcher(token, And) || tokenMatcher(token, Or) || tokenMatcher(token, Prefix)) return "operator";
  if (tokenMatcher(token, Quoted) || tokenMatcher(token, RangeQuoted)) return "quoted";
  if (tokenMatcher(token, RangeOpen) || tokenMatcher(token, RangeClose)) return "range";
  if (tokenMatcher(token, RangeTo)) return "keyword";
  if (tokenMatcher(token, RangeBound)) return token.image === "*" ? "keyword" : "value";
  if (tokenMatcher(token, Colon) || tokenMatcher(token, LParen) || tokenMatcher(token, RParen)) return "punctuation";
  return "error";
}

/**
 * Each piece of the text with its kind (field, value, wildcard, quoted, operator, keyword, range, punctuation,
 * error), in order, for any text, valid or not: one pass of the lexer, with no parse. Whitespace is not covered.
 * Mistakes the lexer sees (an unclosed quote, a stray `]`, a boost) are `error`; mistakes of grammar or meaning are
 * for `validate`.
 *
 * @example
 * highlight("status:ok AND x*").map((h) => h.kind) // ["field", "punctuation", "value", "operator", "wildcard"]
 */
export function highlight(source: string): Highlight[] {
  const { tokens, errors } = tokenize(source);
  const found: Highlight[] = [];
  let error = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // Characters the lexer could not read come in order, between tokens.
    for (; error < errors.length && errors[error]!.offset < token.startOffset; error++) {
      const { offset, length } = errors[error]!;
      found.push({ span: { start: offset, end: offset + length }, kind: "error" });
    }
    const start = token.startOffset;
    const end = endOf(token);
    // The word after `_exists_:` names a field.
    const exists = i >= 2 && tokenMatcher(tokens[i - 1]!, Colon) && tokens[i - 2]!.image === EXISTS_FIELD;
    const kind = exists && tokenMatcher(token, Word) ? "field" : kindOf(token, tokens[i + 1]);
    // A boost or fuzziness glued to a word (`x^2`, `meier~`): the server reads it, secuq refuses it.
    const tail = kind === "value" || kind === "wildcard" ? firstUnescaped(token.image, "^~") : -1;
    if (tail > 0) {
      found.push({ span: { start, end: start + tail }, kind }, { span: { start: start + tail, end }, kind: "error" });
    } else found.push({ span: { start, end }, kind });
  }
  for (; error < errors.length; error++) {
    const { offset, length } = errors[error]!;
    found.push({ span: { start: offset, end: offset + length }, kind: "error" });
  }
  return found;
}
