/** Edit distance with transpositions (optimal string alignment): `recieved` is one step from `received`. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}

/**
 * The candidates closest to a mistyped word, best first: those within a few edits (case ignored), then those whose
 * last dotted segment is the word (`surname` → `customer.contact.surname`).
 */
export function suggest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = word.toLowerCase();
  const allowed = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    const last = candidate.slice(candidate.lastIndexOf(".") + 1).toLowerCase();
    const lastWord = lower.slice(lower.lastIndexOf(".") + 1);
    if (distance <= allowed) scored.push({ candidate, score: distance });
    else if (last === lastWord || editDistance(last, lastWord) <= Math.min(1, allowed))
      scored.push({ candidate, score: allowed + 1 + candidate.length / 1000 });
  }
  return scored
    .sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate))
    .slice(0, limit)
    .map((s) => s.candidate);
}

/** The message for a path the schema does not have, naming the nearest paths; `nearest` is the likeliest one. */
export function unknownField(path: string, known: Iterable<string>): { message: string; nearest?: string } {
  const candidates = suggest(path, known);
  const hint = candidates.length > 0 ? ` Did you mean ${candidates.join(", or ")}?` : "";
  const message = `There is no field ${path}.${hint}`;
  return candidates[0] === undefined ? { message } : { message, nearest: candidates[0] };
}
