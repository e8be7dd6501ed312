import { tokenize } from "../dist/syntax/lexer.js";
import { getParser } from "../dist/syntax/parser.js";
import { splitGroups } from "../dist/syntax/groups.js";
import { parse } from "../dist/index.js";
import luceneQP from "lucene-query-parser";
const big = Array.from({ length: 200 }, (_, i) => `transactionRef:ORD${String(i).padStart(6, "0")}`).join(" OR ");
const ref = "(NOT customer.name:meier*) AND (customer.age:[30 TO 40] OR customer.age:[50 TO 60])";
function bench(label, fn, ms = 1500) { for (let i = 0; i < 200; i++) fn(); let n = 0; const end = performance.now() + ms; while (performance.now() < end) { fn(); n++; } console.log(label.padEnd(30), Math.round(n / (ms / 1000))); }
for (const [name, text] of [["or200", big], ["ref", ref]]) {
  bench(name + " lqp", () => luceneQP.parse(text));
  bench(name + " tokenize", () => tokenize(text));
  const toks = tokenize(text).tokens;
  bench(name + " split", () => splitGroups(text, toks, 1000));
  const { groups } = splitGroups(text, toks, 1000);
  const p = getParser();
  bench(name + " parseTokens", () => { for (const g of groups) p.parseTokens(g.tokens); });
  bench(name + " full parse", () => parse(text));
}
