import { parse } from "../dist/index.js";
const text = "(NOT customer.name:meier*) AND (customer.age:[30 TO 40] OR customer.age:[50 TO 60])";
const big = Array.from({ length: 200 }, (_, i) => `transactionRef:ORD${String(i).padStart(6, "0")}`).join(" OR ");
let n = 0; const end = performance.now() + 4000;
while (performance.now() < end) { parse(text); parse(big); n++; }
console.log(n);
