/** A seeded pseudo-random source (mulberry32): the same seed gives the same sample, on every machine. */
export interface Random {
  // Function properties, not methods: `random.next` may be passed on alone.
  /** A number in [0, 1). */
  readonly next: () => number;
  /** A whole number in [0, n). */
  readonly below: (n: number) => number;
  /** One of the items. */
  readonly pick: <T>(items: readonly T[]) => T;
}

export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number): number => Math.floor(next() * n);
  return { next, below, pick: (items) => items[below(items.length)]! };
}

// Six base-36 digits at a time: one random number and one conversion instead of a string per digit.
const SIX_DIGITS = 36 ** 6;

/** Random upper-case base-36 digits, as the API's ids have (`STX_…`, `PCU_…`). */
export function code36(random: Random, digits: number): string {
  let text = "";
  while (text.length < digits) text += random.below(SIX_DIGITS).toString(36).padStart(6, "0");
  return text.slice(0, digits).toUpperCase();
}
