import type { FieldSchema } from "./schema.js";

/**
 * Text as an analysed field holds it: Elasticsearch's standard analyser splits text at Unicode word boundaries
 * (UAX #29) and lower-cases each word. `Intl.Segmenter` finds the same boundaries; it differs from Lucene's tokenizer
 * in scripts segmented by dictionary (Thai, and Chinese or Japanese, which Lucene cuts into single characters).
 */

// Lucene's StandardTokenizer cuts longer words into pieces of this length.
const MAX_TOKEN_LENGTH = 255;
// ASCII with no character UAX #29 could join words across (`.`, `'`, `:`, `,`, `;`): words are runs of \w.
const SIMPLE_ASCII = /^[\w\s!?()[\]{}"/\\|<>=+*&%$#~^@-]*$/;
const ASCII_WORD = /[A-Za-z0-9_]+/g;

let segmenter: Intl.Segmenter | undefined;
const cache = new Map<string, readonly string[]>();
// Analysed texts kept: records repeat their words (names, cities), so most lookups hit.
const CACHE_SIZE = 50_000;

function split(text: string): string[] {
  const words: string[] = [];
  if (SIMPLE_ASCII.test(text)) {
    for (const match of text.matchAll(ASCII_WORD)) words.push(match[0]);
  } else {
    segmenter ??= new Intl.Segmenter("en", { granularity: "word" });
    for (const { segment, isWordLike } of segmenter.segment(text)) if (isWordLike) words.push(segment);
  }
  const tokens: string[] = [];
  for (const word of words) {
    const lowered = word.toLowerCase();
    for (let i = 0; i < lowered.length; i += MAX_TOKEN_LENGTH) tokens.push(lowered.slice(i, i + MAX_TOKEN_LENGTH));
  }
  return tokens;
}

/**
 * Whether a schema's analysed field (`string`) reads a text as no word at all (`t:!`): the server then drops the
 * clause. For the server reading's `analysedAway`.
 */
export function analysedAwayIn(schema: FieldSchema<unknown>): (field: string, text: string) => boolean {
  return (field, text) => (schema as FieldSchema).lookup(field)?.type === "string" && analyse(text).length === 0;
}

/** The tokens the standard analyser makes of a text, in order. */
export function analyse(text: string): readonly string[] {
  let tokens = cache.get(text);
  if (tokens === undefined) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    tokens = Object.freeze(split(text));
    cache.set(text, tokens);
  }
  return tokens;
}

/**
 * Whether `phrase` occurs in `tokens` with at most `slop` moves: Lucene's sloppy phrase, where each word may stand
 * up to `slop` positions away from its place, counted as the spread of the words' offsets from their places.
 */
export function phraseMatches(tokens: readonly string[], phrase: readonly string[], slop: number): boolean {
  if (phrase.length === 0) return false;
  if (phrase.length === 1) return tokens.includes(phrase[0]!);
  if (slop === 0) {
    outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
      for (let k = 0; k < phrase.length; k++) if (tokens[i + k] !== phrase[k]) continue outer;
      return true;
    }
    return false;
  }
  // Each word's positions, as offsets from its place in the phrase; some choice must spread at most `slop`.
  const offsets = phrase.map((word, k) => {
    const found: number[] = [];
    for (let i = 0; i < tokens.length; i++) if (tokens[i] === word) found.push(i - k);
    return found;
  });
  if (offsets.some((list) => list.length === 0)) return false;
  return spreadWithin(offsets, slop);
}

/** Whether one offset per word can be chosen, each at its own position, spreading at most `slop`. */
function spreadWithin(offsets: readonly number[][], slop: number): boolean {
  const used = new Set<number>();
  const search = (k: number, low: number, high: number): boolean => {
    if (high - low > slop) return false;
    if (k === offsets.length) return true;
    for (const offset of offsets[k]!) {
      const position = offset + k;
      if (used.has(position)) continue;
      used.add(position);
      const found = search(k + 1, Math.min(low, offset), Math.max(high, offset));
      used.delete(position);
      if (found) return true;
    }
    return false;
  };
  return search(0, Infinity, -Infinity);
}
