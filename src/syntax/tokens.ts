import type { IToken, TokenType } from "chevrotain";
import { createToken, Lexer } from "./chevrotain.js";
import { SEPARATOR_CHARS } from "./characters.js";

/**
 * The tokens of the `q` language. The default mode follows the server's lexer (Lucene's classic query parser);
 * inside `[`/`{` a range mode reads bounds as the server does. Where the server would split a word at `!`, `/`, `^`
 * or `~`, a word here keeps them so that the semantic pass can say exactly what is wrong and how to escape it.
 */

/** A regular-expression character class of every UTF-16 unit except `excluded`, written as positive ranges. */
function allExcept(excluded: string): string {
  const codes = [...new Set([...excluded].map((c) => c.charCodeAt(0)))].sort((a, b) => a - b);
  const hex = (code: number): string => `\\u${code.toString(16).padStart(4, "0")}`;
  let source = "";
  let from = 0;
  for (const code of [...codes, 0x10000]) {
    if (code > from) source += code - 1 === from ? hex(from) : `${hex(from)}-${hex(code - 1)}`;
    from = code + 1;
  }
  return `[${source}]`;
}

/**
 * The UTF-16 units that may start a token whose pattern is `allExcept(excluded)` or an escape, as a hint for
 * chevrotain's first-character optimisation (`start_chars_hint`), so that it need not analyse the long pattern
 * when the lexer is built. The lexer files units above 255 in buckets of 255, so one unit per bucket is enough;
 * a test compares the hinted lexer with one that uses no first-character optimisation.
 */
function startCharsExcept(excluded: string): number[] {
  const codes = new Set([...excluded].map((c) => c.charCodeAt(0)));
  const hints: number[] = [];
  for (let code = 0; code < 256; code++) if (!codes.has(code)) hints.push(code);
  // Bucket k holds the units from 255k to 255k + 254 (those from 256 on); the first unit not excluded stands for it.
  for (let bucket = 1; bucket * 255 < 0x10000; bucket++) {
    for (let code = Math.max(256, bucket * 255); code < Math.min(0x10000, bucket * 255 + 255); code++) {
      if (codes.has(code)) continue;
      hints.push(code);
      break;
    }
  }
  return hints;
}

const ESCAPE = String.raw`\\[\s\S]`;
// Characters that always end a word, as they do for the server.
const WORD_BREAKS = `${SEPARATOR_CHARS}():[]{}"\\`;
// A word cannot start with these: they are operators, or unsupported syntax the server reads specially.
const WORD_START_BREAKS = `${WORD_BREAKS}+-!^~/`;
const WORD = new RegExp(`(?:${allExcept(WORD_START_BREAKS)}|${ESCAPE})(?:${allExcept(WORD_BREAKS)}|${ESCAPE})*`);

/** Tokens that are always errors; the grammar accepts them in place of a value so that parsing goes on. */
export const Invalid = createToken({ name: "Invalid", pattern: Lexer.NA });

/** NOT, `!`, `-` or `+` before an operand: one category, so that the grammar reads prefixes with one lookup. */
export const Prefix = createToken({ name: "Prefix", pattern: Lexer.NA });
/** `[` or `{`. */
export const RangeOpen = createToken({ name: "RangeOpen", pattern: Lexer.NA });
/** `]` or `}` ending a range. */
export const RangeClose = createToken({ name: "RangeClose", pattern: Lexer.NA });
/** A range bound: a word, a quoted bound, or the text `TO`. */
export const Bound = createToken({ name: "Bound", pattern: Lexer.NA });

/** Whitespace between tokens: only what the server treats as whitespace. */
export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: new RegExp(`[${SEPARATOR_CHARS}]+`),
  group: Lexer.SKIPPED,
  start_chars_hint: [...SEPARATOR_CHARS],
});
/** A bare word: a field name or a value, with backslash escapes. */
export const Word = createToken({
  name: "Word",
  pattern: WORD,
  start_chars_hint: startCharsExcept(WORD_START_BREAKS.replace("\\", "")),
});

/**
 * A keyword: matched only when no longer word starts here (`longer_alt`), so that `ORDER`, `NOTE`, `TOTAL` and
 * `ANDROID` stay values. The one way keywords are made.
 */
function keyword(
  name: string,
  pattern: RegExp,
  startChars: string[],
  word: TokenType = Word,
  categories: TokenType[] = [],
): TokenType {
  return createToken({ name, pattern, longer_alt: word, categories, start_chars_hint: startChars });
}

/** `AND` or `&&`. */
export const And = keyword("And", /AND|&&/, ["A", "&"]);
/** `OR` or `||`. */
export const Or = keyword("Or", /OR|\|\|/, ["O", "|"]);
/** `NOT`. */
export const Not = keyword("Not", /NOT/, ["N"], Word, [Prefix]);
/** `!`, NOT when written directly before its operand. */
export const Bang = createToken({ name: "Bang", pattern: "!", categories: [Prefix] });
/** `+`, a prefix the server reads as "required"; diagnosed. */
export const Plus = createToken({ name: "Plus", pattern: "+", categories: [Prefix] });
/** `-`, a prefix the server reads as "prohibited"; diagnosed. */
export const Minus = createToken({ name: "Minus", pattern: "-", categories: [Prefix] });
/** `(`. */
export const LParen = createToken({ name: "LParen", pattern: "(" });
/** `)`. */
export const RParen = createToken({ name: "RParen", pattern: ")" });
/** `:` between a field and its value. */
export const Colon = createToken({ name: "Colon", pattern: ":" });
/** A double-quoted value. */
export const Quoted = createToken({ name: "Quoted", pattern: /"(?:[^"\\]|\\[\s\S])*"/, start_chars_hint: ['"'] });
/** A quote that is never closed; always an error. */
export const UnterminatedQuoted = createToken({
  name: "UnterminatedQuoted",
  pattern: /"(?:[^"\\]|\\[\s\S])*\\?/,
  categories: [Invalid],
  start_chars_hint: ['"'],
});
/** `[`: an inclusive lower bound; enters range mode. */
export const LBracket = createToken({ name: "LBracket", pattern: "[", push_mode: "range", categories: [RangeOpen] });
/** `{`: an exclusive lower bound; enters range mode. */
export const LBrace = createToken({ name: "LBrace", pattern: "{", push_mode: "range", categories: [RangeOpen] });
/** `]` or `}` outside a range; always an error. */
export const StrayCloser = createToken({
  name: "StrayCloser",
  pattern: /[\]}]/,
  categories: [Invalid],
  start_chars_hint: ["]", "}"],
});
/** A regular expression `/…/`, which the server reads but this language does not support. */
export const Regex = createToken({
  name: "Regex",
  pattern: /\/(?:\\[\s\S]|[^\\/])*\//,
  categories: [Invalid],
  start_chars_hint: ["/"],
});
/** `^` (boost) and `~` (fuzziness) with their numbers, and a lone `/`, at the start of a word. */
export const Unsupported = createToken({
  name: "Unsupported",
  pattern: /[\^~](?:\d+(?:\.\d+)?)?|\//,
  categories: [Invalid],
  start_chars_hint: ["^", "~", "/"],
});
/** A backslash with nothing after it. */
export const LoneBackslash = createToken({ name: "LoneBackslash", pattern: "\\", categories: [Invalid] });

// Range mode. The server reads a bound as any run of characters but space, `]` and `}`; a lone tab or line break
// between bounds is whitespace, but one touching a bound belongs to it.
export const RangeBound = createToken({
  name: "RangeBound",
  categories: [Bound],
  pattern: new RegExp(`${allExcept(" ]}")}{2,}|${allExcept(`${SEPARATOR_CHARS}]}`)}`),
  start_chars_hint: startCharsExcept(" ]}"),
});
/** `TO` between range bounds (a keyword only in range mode). */
export const RangeTo = keyword("RangeTo", /TO/, ["T"], RangeBound, [Bound]);
/** A quoted range bound, read as the server reads it: `\"` does not end it. */
export const RangeQuoted = createToken({
  name: "RangeQuoted",
  pattern: /"(?:\\"|[^"])+"/,
  categories: [Bound],
  start_chars_hint: ['"'],
});
/** Whitespace between range bounds. */
export const RangeWhiteSpace = createToken({
  name: "RangeWhiteSpace",
  pattern: new RegExp(`[${SEPARATOR_CHARS}]`),
  group: Lexer.SKIPPED,
  start_chars_hint: [...SEPARATOR_CHARS],
});
/** `]`: an inclusive upper bound; leaves range mode. */
export const RBracket = createToken({ name: "RBracket", pattern: "]", pop_mode: true, categories: [RangeClose] });
/** `}`: an exclusive upper bound; leaves range mode. */
export const RBrace = createToken({ name: "RBrace", pattern: "}", pop_mode: true, categories: [RangeClose] });

const defaultMode: TokenType[] = [
  WhiteSpace,
  LParen,
  RParen,
  Colon,
  Quoted,
  UnterminatedQuoted,
  LBracket,
  LBrace,
  StrayCloser,
  And,
  Or,
  Not,
  Bang,
  Plus,
  Minus,
  Regex,
  Unsupported,
  Word,
  LoneBackslash,
];

const rangeMode: TokenType[] = [RangeQuoted, RangeTo, RBracket, RBrace, RangeBound, RangeWhiteSpace];

/** Every token type, for the parser. */
export const allTokens: TokenType[] = [...defaultMode, ...rangeMode, Invalid, Prefix, RangeOpen, RangeClose, Bound];

/** The two lexer modes. */
export const lexerDefinition = {
  modes: { default: defaultMode, range: rangeMode },
  defaultMode: "default",
};

/** Where a token ends in the source (exclusive). */
export const endOf = (token: IToken): number => token.startOffset + token.image.length;
