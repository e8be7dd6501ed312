/**
 * How the serializer writes values, fields and bounds so that the server reads them exactly; the character rules
 * themselves are shared with the lexer (`syntax/characters.ts`).
 */
import { KEYWORDS, quote, RANGE_KEYWORD, RESERVED } from "../syntax/characters.js";

/** A text value that needs no quoting. */
function isBareText(value: string): boolean {
  return value.length > 0 && !RESERVED.test(value) && !KEYWORDS.has(value);
}

const RESERVED_ALL = new RegExp(RESERVED.source, "gu");

/** Every reserved character preceded by a backslash. */
export function escapeReserved(value: string): string {
  return RESERVED.test(value) ? value.replace(RESERVED_ALL, "\\$&") : value;
}

/** A text value as the server reads it exactly: bare where safe, otherwise quoted. */
export function printText(value: string): string {
  return isBareText(value) ? value : quote(value);
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
