/**
 * How the serializer writes values, fields and bounds so that the server reads them exactly; the character rules
 * themselves are shared with the lexer (`syntax/characters.ts`).
 */
import { isPlainTerm } from "../ast/factories.js";
import { KEYWORDS, quote, RANGE_KEYWORD, RESERVED } from "../syntax/characters.js";

const RESERVED_ALL = new RegExp(RESERVED.source, "gu");

/** Every reserved character preceded by a backslash. */
export function escapeReserved(value: string): string {
  return RESERVED.test(value) ? value.replace(RESERVED_ALL, "\\$&") : value;
}

/**
 * A phrase, the exact text: bare when it is one plain term (which reads the same bare), otherwise quoted, so that an
 * analysed field finds its words together and in order.
 */
export function printText(value: string): string {
  return isPlainTerm(value) && !KEYWORDS.has(value) ? value : quote(value);
}

// In a word, `<` and `>` are left as they are: the server cannot escape them (a leading one is a comparison, which a
// word never starts with), and inside a word they are plain characters.
const WORD_RESERVED = new RegExp(RESERVED.source.replace("><", ""), "gu");

/**
 * A word, as it was written: bare, with reserved characters escaped, so that an analysed field splits it into terms
 * as the author's text did. A word spelled like an operator gets its first letter escaped (`\AND`).
 */
export function printWord(value: string): string {
  const escaped = value.replace(WORD_RESERVED, "\\$&");
  return KEYWORDS.has(escaped) ? `\\${escaped}` : escaped;
}

/** A literal piece of a wildcard pattern: quotes would turn wildcards off, so reserved characters are escaped. */
export function printPatternLiteral(value: string): string {
  return escapeReserved(value);
}

/**
 * A field path. The server reads a field as a bare word, so reserved characters are escaped, and a field spelled
 * like an operator gets its first letter escaped (`\AND`).
 */
export function printField(field: string): string {
  const escaped = escapeReserved(field);
  return KEYWORDS.has(escaped) ? `\\${escaped}` : escaped;
}

const BARE_BOUND = /^[^\s"\\[\]{}]+$/u;
const BOUND_QUOTED_ESCAPES = /["\\]/g;

/**
 * A range bound. Inside quoted bounds the server's lexer reads `\"` as a quote even after another backslash, so a
 * backslash is written as the Unicode escape `\u005C`, which the server decodes.
 */
export function printBound(value: string): string {
  if (BARE_BOUND.test(value) && value !== RANGE_KEYWORD && value !== "*") return value;
  return `"${value.replace(BOUND_QUOTED_ESCAPES, (c) => (c === '"' ? '\\"' : "\\u005C"))}"`;
}
