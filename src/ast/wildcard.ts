import type { PatternPart } from "./types.js";

/** A pattern prepared for matching: code points, with `-1` for `*` and `-2` for `?`. */
export type CompiledPattern = Int32Array;

const ANY = -1;
const ONE = -2;

/** Prepares a pattern once, lower-cased when matching ignores case. */
export function compilePattern(parts: readonly PatternPart[], ignoreCase: boolean): CompiledPattern {
  const codes: number[] = [];
  for (const part of parts) {
    if (part.kind === "anyChars") {
      if (codes[codes.length - 1] !== ANY) codes.push(ANY);
    } else if (part.kind === "oneChar") {
      codes.push(ONE);
    } else {
      for (const char of ignoreCase ? part.text.toLowerCase() : part.text) codes.push(char.codePointAt(0)!);
    }
  }
  return Int32Array.from(codes);
}

/**
 * Whether `text` matches the pattern, `?` being one code point. The classic greedy algorithm: on a mismatch it only
 * retries from the last `*`, so the time is at most proportional to text length × pattern length, never exponential
 * as a backtracking regular expression can be. Allocates nothing.
 */
export function matchesPattern(pattern: CompiledPattern, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const code = text.codePointAt(t)!;
    const width = code > 0xffff ? 2 : 1;
    const want = p < pattern.length ? pattern[p]! : undefined;
    if (want === ONE || want === code) {
      p++;
      t += width;
    } else if (want === ANY) {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      // Let the last * swallow one more code point, and try again after it.
      p = star + 1;
      const swallowed = text.codePointAt(resume)!;
      resume += swallowed > 0xffff ? 2 : 1;
      t = resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === ANY) p++;
  return p === pattern.length;
}
