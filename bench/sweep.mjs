// The clause sweep of `npm run bench`, in a fresh process of its own: parse time against JSON.parse time of the same
// AST, from 1 to 100,000 clauses. compare.mjs runs it several times, because where a large parse's collections fall
// differs from process to process far more than from round to round. Prints one JSON line: a row per size.
import { parse } from "../dist/node/index.js";
import { corpus, filter } from "./corpus.mjs";
import { median, observed, sink, timePerCall, withoutCollections } from "./harness.mjs";

const quick = process.argv.includes("--quick");
const big = { maxLength: 100_000_000 };

/** Milliseconds per call of `calls` calls of `fn`. */
const timeBatch = (fn, calls) => {
  const start = performance.now();
  for (let i = 0; i < calls; i++) sink.value = fn();
  return (performance.now() - start) / calls;
};

// Warm-up on the corpus and a sweep input, as in the main run, so that the smallest sizes, measured first, do not pay
// for compiling the parser, and the parser has seen the same variety of queries.
const warmUp = [...corpus.map(({ text }) => text), filter(1_000), filter(1)];
for (const start = performance.now(); performance.now() - start < (quick ? 200 : 1000);) {
  for (const text of warmUp) sink.value = parse(text, big);
}

const sizes = [];
for (const n of [1, 10, 100, 1_000, 10_000, 100_000]) {
  const text = filter(n);
  parse(text, big);
  const timing = timePerCall(() => parse(text, big), quick ? 2 : 4);
  const json = JSON.stringify(parse(text, big));
  const jsonTiming = timePerCall(() => JSON.parse(json), quick ? 2 : 4);
  // The ratio is taken in each round, the two timed one after the other, and the median round kept (paired). Which
  // goes first alternates, so that neither always meets the other's garbage.
  const ratios = Array.from({ length: quick ? 5 : 15 }, (_, round) => {
    const first = round % 2 === 0;
    const jsonBefore = first ? 0 : timeBatch(() => JSON.parse(json), jsonTiming.calls);
    const parseMs = timeBatch(() => parse(text, big), timing.calls);
    return parseMs / (first ? timeBatch(() => JSON.parse(json), jsonTiming.calls) : jsonBefore);
  });
  sizes.push({ n, chars: text.length, timing, jsonMs: jsonTiming.ms, toJson: median(ratios) });
}
await observed();
const rows = sizes.map(({ n, chars, timing, jsonMs, toJson }) => ({
  n,
  chars,
  ms: timing.ms,
  withoutCollectionsMs: withoutCollections(timing),
  jsonMs,
  toJson,
}));
console.log(JSON.stringify(rows));
