// Is parsing linear in the input's size? Times parse and serialize on growing inputs of several shapes and prints
// the time per operand: a flat column means linear. Run with `npm run bench` (it builds first).
import { parse, serialize } from "../dist/index.js";

const shapes = {
  "a:x AND a:x AND …": (n) => Array.from({ length: n }, (_, i) => `f${i % 7}:v${i}`).join(" AND "),
  "mixed AND / OR / NOT": (n) =>
    Array.from({ length: n }, (_, i) => `${i % 3 === 0 ? "NOT " : ""}f:v${i}${i === n - 1 ? "" : i % 4 === 3 ? " OR" : " AND"}`).join(" "),
  "(a:x OR b:y) AND (…) groups": (n) => Array.from({ length: n / 2 }, (_, i) => `(a:x${i} OR b:y${i})`).join(" AND "),
  "ranges and quotes": (n) => Array.from({ length: n }, (_, i) => (i % 2 ? `d:[${i} TO *]` : `e:"x ${i}"`)).join(" OR "),
};

const sizes = [1_000, 4_000, 16_000, 64_000, 200_000];

function time(fn) {
  // Best of a few runs: the least disturbed by other work on a shared machine.
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

parse(shapes["a:x AND a:x AND …"](2000)); // warm up
console.log("operands     parse ms   µs/operand   serialize ms   chars");
for (const [name, make] of Object.entries(shapes)) {
  console.log(`\n${name}`);
  const perOperand = [];
  for (const n of sizes) {
    const text = make(n);
    let query;
    const parseMs = time(() => (query = parse(text, { maxLength: 10_000_000 })));
    const serializeMs = time(() => serialize(query));
    perOperand.push((parseMs * 1000) / n);
    console.log(
      `${String(n).padStart(8)} ${parseMs.toFixed(1).padStart(10)} ${((parseMs * 1000) / n).toFixed(2).padStart(12)} ${serializeMs.toFixed(1).padStart(14)} ${String(text.length).padStart(9)}`,
    );
  }
  const growth = perOperand.at(-1) / perOperand[1];
  console.log(`time per operand, ${sizes.at(-1)} vs ${sizes[1]} operands: ×${growth.toFixed(2)} (1 is linear)`);
}
