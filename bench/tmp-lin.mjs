import { parse } from "../dist/index.js";
const clause = (i) => i % 5 === 0 ? `d${i % 3}:[${i} TO *]` : i % 5 === 1 ? `e:"x ${i}"` : i % 7 === 0 ? `NOT f${i % 9}:v${i}` : `f${i % 9}:v${i}*`;
const filter = (n) => Array.from({ length: n }, (_, i) => clause(i)).reduce((text, c, i) => (i === 0 ? c : `${text} ${i % 4 === 3 ? "OR" : "AND"} ${c}`), "");
for (let i = 0; i < 200; i++) parse(filter(1000));
for (const n of [1000, 10000, 100000]) {
  const text = filter(n); let best = Infinity;
  for (let k = 0; k < 5; k++) { const t = performance.now(); parse(text, { maxLength: 1e8 }); best = Math.min(best, performance.now() - t); }
  console.log(n, (best * 1000 / n).toFixed(2), "µs/clause");
}
