// A small benchmark harness: warm-up, then interleaved rounds (every subject once per round, in a shuffled order, so
// that a noisy neighbour slows all of them alike), and the median of the rounds. No timing is asserted anywhere.

/** Operations per second of `fn`, measured for about `ms` milliseconds. */
function opsPerSecond(fn, ms) {
  let operations = 0;
  let batch = 1;
  const start = performance.now();
  let now = start;
  // Calls are batched so that reading the clock does not dominate tiny operations.
  while (now - start < ms) {
    for (let i = 0; i < batch; i++) fn();
    operations += batch;
    now = performance.now();
    if (now - start < ms / 10) batch *= 2;
  }
  return (operations * 1000) / (now - start);
}

function median(values) {
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
 * Measures each subject (`{ name, run }`), returns `{ name: medianOpsPerSecond }`. `run` is called with no arguments.
 */
export function measure(subjects, { rounds = 9, ms = 60, warmupMs = 150 } = {}) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (const subject of subjects) opsPerSecond(subject.run, warmupMs);
  const samples = new Map(subjects.map((s) => [s.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const subject of shuffle(subjects, random)) samples.get(subject.name).push(opsPerSecond(subject.run, ms));
  }
  return Object.fromEntries([...samples].map(([name, values]) => [name, median(values)]));
}
