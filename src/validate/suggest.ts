import type { Span } from "../ast/types.js";
import { edit, guessFix, safeFix, type Fix, type TextEdit } from "../diagnostics/diagnostic.js";

// Rows of the banded table, kept between calls: a search box validates on every key.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * The edit distance with transpositions (optimal string alignment: `recieved` is one step from `received`) when it
 * is at most `max`, and `max + 1` otherwise, in time proportional to the shorter length times `max`: strings whose
 * lengths differ by more than `max` are not compared, only the band of the table within `max` of its diagonal is
 * filled, and the work stops at the first row whose every cell is over `max`.
 */
export function distanceWithin(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  const width = b.length + 2;
  if (rows[0]!.length < width) rows = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= Math.min(b.length, max); j++) previous[j] = j;
  if (max + 1 <= b.length) previous[max + 1] = over;
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - max);
    const high = Math.min(b.length, i + max);
    current[low - 1] = low === 1 ? i : over;
    let rowBest = current[low - 1]!;
    for (let j = low; j <= high; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
      if (best < rowBest) rowBest = best;
    }
    if (high < b.length) current[high + 1] = over;
    if (rowBest > max) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, over);
}

/** The ways to correct a mistyped word, best first, and whether the first is what was meant beyond doubt. */
export interface Correction {
  readonly candidates: readonly string[];
  /**
   * True when one candidate alone is a close spelling of the whole word (`basket_info.summ`): a fix to it is safe.
   * Several close spellings, or candidates found only by their last segment (`amount` → `transactions.amount`), are
   * choices.
   */
  readonly certain: boolean;
}

/**
 * The candidates closest to a mistyped word, best first: those within a few edits (case ignored), then those whose
 * last dotted segment is the word (`surname` → `customer.contact.surname`).
 */
export function corrections(word: string, candidates: Iterable<string>, limit = 3): Correction {
  const lower = word.toLowerCase();
  const allowed = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  const scored: { candidate: string; score: number }[] = [];
  const lastWord = lower.slice(lower.lastIndexOf(".") + 1);
  for (const candidate of candidates) {
    const distance = distanceWithin(lower, candidate.toLowerCase(), allowed);
    if (distance <= allowed) {
      scored.push({ candidate, score: distance });
      continue;
    }
    const last = candidate.slice(candidate.lastIndexOf(".") + 1).toLowerCase();
    if (last === lastWord || distanceWithin(last, lastWord, Math.min(1, allowed)) <= Math.min(1, allowed))
      scored.push({ candidate, score: allowed + 1 + candidate.length / 1000 });
  }
  scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  const close = scored.filter((s) => s.score <= allowed).length;
  return {
    candidates: scored.slice(0, limit).map((s) => s.candidate),
    certain: close === 1,
  };
}

/** The candidates closest to a mistyped word, best first (see `corrections`). */
export function suggest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  return [...corrections(word, candidates, limit).candidates];
}

/** The fixes writing a correction's candidates at `span`: one safe fix when it is certain, else a choice of each. */
export function correcting(span: Span, correction: Correction, print: (candidate: string) => string = String): Fix[] {
  const write = (candidate: string): TextEdit[] => [edit(span.start, span.end, print(candidate))];
  const [first] = correction.candidates;
  if (correction.certain && first !== undefined) return [safeFix(`Write ${first}`, write(first))];
  return correction.candidates.map((candidate) => guessFix(`Write ${candidate}`, write(candidate)));
}

/** The message for a path the schema does not have, naming the nearest paths, and the ways to correct it. */
export function unknownField(path: string, known: Iterable<string>): { message: string; correction: Correction } {
  const correction = corrections(path, known);
  const hint = correction.candidates.length > 0 ? ` Did you mean ${correction.candidates.join(", or ")}?` : "";
  return { message: `There is no field ${path}.${hint}`, correction };
}
