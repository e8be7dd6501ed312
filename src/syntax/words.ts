import * as ast from "../ast/factories.js";
import type { PatternPart } from "../ast/types.js";

/**
 * Reading the characters of words, quoted strings and range bounds as the server does (Lucene's
 * `discardEscapeChar`): a backslash makes the next character literal, and `\uXXXX` is a UTF-16 code unit.
 */

/** A problem inside a piece of text, at offsets relative to its start. */
export interface TextProblem {
  readonly code: "invalid-escape" | "trailing-backslash";
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** A word read character by character. */
export interface DecodedWord {
  /** The text with escapes removed; wildcards are kept as `*` and `?`. */
  readonly text: string;
  /** The pattern when the word holds an unescaped `*` or `?`, else `undefined`. */
  readonly parts: PatternPart[] | undefined;
  /** Whether the first character was written as an escape. */
  readonly firstEscaped: boolean;
  /** Whether a `\uXXXX` escape was used. */
  readonly usedUnicodeEscape: boolean;
  readonly problems: TextProblem[];
}

const HEX = /^[0-9a-fA-F]{4}$/;

function invalidEscape(start: number, end: number): TextProblem {
  return {
    code: "invalid-escape",
    message: "\\u must be followed by four hexadecimal digits, as in \\u00e9; write \\\\ for a backslash",
    start,
    end,
  };
}

const NO_PROBLEMS: TextProblem[] = [];
Object.freeze(NO_PROBLEMS);
const NEEDS_DECODING = /[\\*?]/;

/** Decodes a bare word: escapes removed, unescaped `*` and `?` read as wildcards. */
export function decodeWord(raw: string): DecodedWord {
  // Most words are plain: no escape, no wildcard.
  if (!NEEDS_DECODING.test(raw))
    return { text: raw, parts: undefined, firstEscaped: false, usedUnicodeEscape: false, problems: NO_PROBLEMS };
  let problems = NO_PROBLEMS;
  const parts: PatternPart[] = [];
  let literal = "";
  let text = "";
  let hasWildcard = false;
  let firstEscaped = false;
  let usedUnicodeEscape = false;
  // Runs of ordinary characters are copied in one slice, not character by character.
  let run = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== "\\" && c !== "*" && c !== "?") continue;
    const ordinary = raw.slice(run, i);
    literal += ordinary;
    text += ordinary;
    if (c === "\\") {
      if (i === 0) firstEscaped = true;
      const next = raw[i + 1];
      if (next === "u") {
        const hex = raw.slice(i + 2, i + 6);
        if (!HEX.test(hex)) {
          if (problems === NO_PROBLEMS) problems = [];
          problems.push(invalidEscape(i, Math.min(raw.length, i + 2 + hex.length)));
          i += 1;
          run = i + 1;
          continue;
        }
        usedUnicodeEscape = true;
        const decoded = String.fromCharCode(parseInt(hex, 16));
        literal += decoded;
        text += decoded;
        i += 5;
      } else if (next !== undefined) {
        literal += next;
        text += next;
        i += 1;
      }
      run = i + 1;
      continue;
    }
    hasWildcard = true;
    if (literal) parts.push(ast.literal(literal));
    literal = "";
    parts.push(c === "*" ? ast.anyChars() : ast.oneChar());
    text += c;
    run = i + 1;
  }
  const rest = raw.slice(run);
  literal += rest;
  text += rest;
  if (literal) parts.push(ast.literal(literal));
  return { text, parts: hasWildcard ? parts : undefined, firstEscaped, usedUnicodeEscape, problems };
}

/** Decodes the inside of a quoted string or a range bound; every escape is removed, `\uXXXX` decoded. */
export function decodeEscapes(raw: string): { text: string; problems: TextProblem[] } {
  if (!raw.includes("\\")) return { text: raw, problems: NO_PROBLEMS };
  const problems: TextProblem[] = [];
  let text = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== "\\") {
      text += c;
      continue;
    }
    const next = raw[i + 1];
    if (next === undefined) {
      problems.push({
        code: "trailing-backslash",
        message: "A backslash at the end escapes nothing; write \\\\ for a backslash",
        start: i,
        end: i + 1,
      });
    } else if (next === "u") {
      const hex = raw.slice(i + 2, i + 6);
      if (!HEX.test(hex)) {
        problems.push(invalidEscape(i, Math.min(raw.length, i + 2 + hex.length)));
        i += 1;
        continue;
      }
      text += String.fromCharCode(parseInt(hex, 16));
      i += 5;
    } else {
      text += next;
      i += 1;
    }
  }
  return { text, problems };
}

/** The offset of the first unescaped occurrence of any of `chars` in a raw word, from `from` on; -1 when none. */
export function firstUnescaped(raw: string, chars: string, from = 0): number {
  for (let i = from; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === "\\") i++;
    else if (chars.includes(c)) return i;
  }
  return -1;
}

/** Offsets of unescaped occurrences of any of `chars` in a raw word. */
export function unescapedPositions(raw: string, chars: string): number[] {
  const found: number[] = [];
  // What follows a found character is never escaped by it: the search goes on from there.
  for (let i = firstUnescaped(raw, chars); i >= 0; i = firstUnescaped(raw, chars, i + 1)) found.push(i);
  return found;
}

/** The raw word with every unescaped occurrence of `chars` escaped. */
export function escapeUnescaped(raw: string, chars: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === "\\") {
      out += raw.slice(i, i + 2);
      i++;
    } else out += chars.includes(c) ? `\\${c}` : c;
  }
  return out;
}
