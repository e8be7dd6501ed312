/**
 * Whether two texts are within `maxEdits` edits of each other, counted in code points as Lucene's fuzzy query counts
 * them: insertions, deletions, substitutions, and swaps of two neighbouring characters (the optimal string alignment
 * distance). At most 2 edits are asked for, so only a band of the table is filled.
 */
export function withinEdits(a: string, b: string, maxEdits: number): boolean {
  if (a === b) return true;
  if (maxEdits === 0) return false;
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > maxEdits) return false;
  let before = new Array<number>(y.length + 1);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = new Array<number>(y.length + 1);
    current[0] = i;
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      best = Math.min(best, value);
    }
    if (best > maxEdits) return false;
    before = previous;
    previous = current;
  }
  return previous[y.length]! <= maxEdits;
}
