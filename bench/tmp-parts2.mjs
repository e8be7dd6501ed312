import { tokenize } from "../dist/syntax/lexer.js";
import { getParser } from "../dist/syntax/parser.js";
import { splitGroups } from "../dist/syntax/groups.js";
import { parse } from "../dist/index.js";
import { measure } from "./harness.mjs";
for (const text of ["status:received", "(NOT customer.contact.surname:meier*) AND (basket_info.sum:[3000 TO 4000] OR basket_info.sum:[5000 TO 6000])"]) {
  const toks = tokenize(text).tokens;
  const { groups } = splitGroups(text, toks, 1000);
  const p = getParser();
  const r = measure([
    { name: "tokenize", run: () => tokenize(text) },
    { name: "split", run: () => splitGroups(text, toks, 1000) },
    { name: "parseTokens", run: () => { for (const g of groups) p.parseTokens(g.tokens); } },
    { name: "parse", run: () => parse(text) },
  ], { rounds: 5 });
  console.log(Object.entries(r).map(([k, v]) => `${k}=${(1e6 / v).toFixed(2)}µs`).join(" "));
}
