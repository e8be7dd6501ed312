// A small benchmark harness: warm-up, then interleaved rounds (every subject once per round, in a shuffled order, so
// that a noisy neighbour slows all of them alike). Ratios are taken within each round (paired) and their median
// reported. Every result goes into a sink, so that no call can be optimised away. No timing is asserted anywhere.
import { PerformanceObserver } from "node:perf_hooks";

/** Where every result goes: read at the end, so that the engine cannot drop a call whose result is unused. */
export const sink = { value: undefined, count: 0 };

/** Operations per second of `fn`, measured for about `ms` milliseconds. */
function opsPerSecond(fn, ms) {
  let operations = 0;
  let batch = 1;
  const start = performance.now();
  let now = start;
  // Calls are batched so that reading the clock does not dominate tiny operations.
  while (now - start < ms) {
    for (let i = 0; i < batch; i++) {
      sink.value = fn();
      sink.count++;
    }
    operations += batch;
    now = performance.now();
    if (now - start < ms / 10) batch *= 2;
  }
  return (operations * 1000) / (now - start);
}

/** The median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function shuffle(items, random) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * Measures each subject (`{ name, run }`) in interleaved rounds. Returns `{ ops, rounds }`: the median operations
 * per second of each subject, and each round's operations per second, for ratios paired by round.
 */
export function measure(subjects, { rounds = 9, ms = 60, warmupMs = 150 } = {}) {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (const subject of subjects) opsPerSecond(subject.run, warmupMs);
  const perRound = [];
  for (let round = 0; round < rounds; round++) {
    const result = {};
    for (const subject of shuffle(subjects, random)) result[subject.name] = opsPerSecond(subject.run, ms);
    perRound.push(result);
  }
  const ops = Object.fromEntries(subjects.map((s) => [s.name, median(perRound.map((round) => round[s.name]))]));
  return { ops, rounds: perRound };
}

/** The median over rounds of `subject`'s throughput over the best of `others` in the same round. */
export function pairedRatio(rounds, subject, others) {
  return median(rounds.map((round) => round[subject] / Math.max(...others.map((name) => round[name]))));
}

/** How time grows with size between two measurements: 1 is linear, 2 quadratic. */
export const exponent = (n1, t1, n2, t2) => Math.log(t2 / t1) / Math.log(n2 / n1);

// Garbage collections are recorded as they happen, so that a run's time can also be told without its collections.
const collections = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    collections.push({ start: entry.startTime, end: entry.startTime + entry.duration });
}).observe({ entryTypes: ["gc"] });

/** The milliseconds of garbage collection that fell inside [start, end]. */
const collectedDuring = (start, end) =>
  collections.reduce((sum, c) => sum + Math.max(0, Math.min(end, c.end) - Math.max(start, c.start)), 0);

/** The time of `repeats` runs of `fn`; `best` is the fastest run, `runs` every run's window. */
function timeOnce(fn, repeats) {
  let best = Infinity;
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    sink.value = fn();
    const end = performance.now();
    runs.push({ start, end });
    best = Math.min(best, end - start);
  }
  return { best, runs };
}

/**
 * Milliseconds per call of `fn` (`ms`, the fastest of `repeats` batches), small inputs repeated until a batch takes
 * a measurable time; `runs` and `calls` are for `withoutCollections`.
 */
export function timePerCall(fn, repeats = 4) {
  let calls = 1;
  for (;;) {
    const { best, runs } = timeOnce(() => {
      for (let i = 0; i < calls; i++) sink.value = fn();
    }, repeats);
    if (best > 20 || calls > 1e6) return { ms: best / calls, runs, calls };
    calls *= 4;
  }
}

/** The fastest run's time per call less the garbage collections inside it; read once `observed()` has resolved. */
export const withoutCollections = ({ runs, calls }) =>
  Math.min(...runs.map(({ start, end }) => end - start - collectedDuring(start, end))) / calls;

/** Resolves once the collector's observer has reported what happened so far. */
export const observed = () => new Promise((resolve) => setTimeout(resolve, 100));
