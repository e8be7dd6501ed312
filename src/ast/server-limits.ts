import type { PatternPart } from "./types.js";

/**
 * The most conditions one boolean query may join (Elasticsearch 7's `indices.query.bool.max_clause_count`; 8.0
 * raised it to 4,096). The server refuses a group with more; the canonical form never prints one.
 */
export const DEFAULT_MAX_CLAUSES = 1024;

/**
 * What the server's search engine (Lucene 8, under Elasticsearch 7) can compile. A pattern, a prefix or a lower range
 * bound on a text field becomes an automaton; Lucene refuses one whose first path runs longer than 1,000 states
 * ("input automaton is too large"), and one that takes more than 10,000 states to determinize. Measured against
 * Lucene 8.7 (see `docs/validation.md#pattern-too-complex`).
 */
export const LONGEST_AUTOMATON_PATH = 1000;

// How many ? may follow a * (with other characters after that *) before determinizing passes 10,000 states. Each
// character outside ASCII multiplies the states of the UTF-8 automaton: there the limit comes sooner. These
// thresholds refuse every pattern Lucene refused in a sample of 500 built to sit near the limit, and some it took.
const MOST_ONE_CHARS_AFTER_ANY = 12;
const MOST_ONE_CHARS_AFTER_ANY_NON_ASCII = 8;

const encoder = new TextEncoder();

/** The UTF-8 length of a text; short text is not encoded, as it cannot reach the limit. */
function utf8Length(text: string): number {
  return text.length * 3 <= LONGEST_AUTOMATON_PATH ? text.length : encoder.encode(text).length;
}

/** Code points in a text. */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) count--;
  }
  return count;
}

/**
 * Why the server cannot compile a wildcard pattern, or `undefined` when it can. `abc*` is a prefix query, limited
 * in UTF-8 bytes; any other pattern is limited in code points before its first `*`, and in how many `?` follow a `*`.
 */
export function patternProblem(parts: readonly PatternPart[]): string | undefined {
  const [first, second] = parts;
  if (parts.length === 2 && first?.kind === "literal" && second?.kind === "anyChars") {
    const bytes = utf8Length(first.text);
    return bytes > LONGEST_AUTOMATON_PATH
      ? `The text before * is ${bytes} bytes long in UTF-8; the server compiles at most ${LONGEST_AUTOMATON_PATH}`
      : undefined;
  }
  let before = 0;
  let starred = false;
  let ones = 0;
  let literalAfter = false;
  let nonAscii = false;
  for (const part of parts) {
    if (part.kind === "anyChars") starred = true;
    else if (!starred) before += part.kind === "oneChar" ? 1 : codePoints(part.text);
    else if (part.kind === "oneChar") ones++;
    else {
      literalAfter = true;
      if (/[^\0-\x7f]/.test(part.text)) nonAscii = true;
    }
  }
  if (before + (starred ? 1 : 0) > LONGEST_AUTOMATON_PATH) {
    const most = LONGEST_AUTOMATON_PATH - (starred ? 1 : 0);
    return `The pattern has ${before} characters before ${starred ? "its first *" : "its end"}; the server compiles at most ${most}`;
  }
  const most = nonAscii ? MOST_ONE_CHARS_AFTER_ANY_NON_ASCII : MOST_ONE_CHARS_AFTER_ANY;
  if (literalAfter && ones > most) {
    return `The pattern is too complex for the server to compile: ${ones} ? after a *, where at most ${most} can be`;
  }
  return undefined;
}

/**
 * Why the server cannot compile a lower range bound on a text field, or `undefined`: its automaton path is as long
 * as its UTF-8 bytes, one more when the bound is excluded. An upper bound makes no such path.
 */
export function lowerBoundProblem(value: string, inclusive: boolean): string | undefined {
  if (value.length + 1 <= LONGEST_AUTOMATON_PATH / 3) return undefined;
  const bytes = utf8Length(value);
  const most = LONGEST_AUTOMATON_PATH - (inclusive ? 0 : 1);
  return bytes > most
    ? `The lower bound is ${bytes} bytes long in UTF-8; the server compiles at most ${most}${inclusive ? "" : " when it is excluded"}`
    : undefined;
}
