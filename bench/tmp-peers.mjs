import luceneQP from "lucene-query-parser";
import lucene from "lucene";
import { parse as liqeParse } from "liqe";
import { parse } from "/work/main/dist/index.js";
const corpus = {
  one: "status:received",
  reference: "(NOT customer.name:meier*) AND (customer.age:[30 TO 40] OR customer.age:[50 TO 60])",
  ten: 'status:received AND basket_info.sum:[1000 TO 50000] AND customer.contact.surname:Mei* AND NOT customer.contact.email:"test@example.com" AND created:[2024-01-01 TO 2024-12-31] AND basket_info.currency:EUR AND NOT payment_method:invoice AND transactionRef:ORD2024* AND merchant.id:MRC_WVHJQFQ4JNVYNG5B55TYK748ZCHQP8 AND (status:ok OR status:pending)',
  or200: Array.from({ length: 200 }, (_, i) => `transactionRef:ORD${String(i).padStart(6, "0")}`).join(" OR "),
};
for (const [name, text] of Object.entries(corpus)) {
  for (const [peer, fn] of [["lqp", (t) => luceneQP.parse(t)], ["lucene", (t) => lucene.parse(t)], ["liqe", (t) => liqeParse(t)], ["secuq", (t) => parse(t)]]) {
    try { fn(text); } catch (e) { console.log(name, peer, "FAILS", String(e.message).slice(0, 100)); }
  }
}
function bench(fn, text, ms = 1000) { let n = 0; const end = performance.now() + ms; while (performance.now() < end) { fn(text); n++; } return n / (ms / 1000); }
for (const [name, text] of Object.entries(corpus)) {
  const row = [name];
  for (const [peer, fn] of [["lqp", (t) => luceneQP.parse(t)], ["lucene", (t) => lucene.parse(t)], ["liqe", (t) => liqeParse(t)], ["secuq", (t) => parse(t)], ["json", (t) => JSON.parse(t)]]) {
    const t = peer === "json" ? JSON.stringify(text) : text;
    row.push(`${peer}=${Math.round(bench(fn, t))}`);
  }
  console.log(row.join(" "));
}
