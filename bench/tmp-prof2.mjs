import { validate, serialize, smartTransactionSchema as schema } from "../dist/index.js";
const text = process.argv[2];
let n = 0; const end = performance.now() + 4000;
while (performance.now() < end) { for (let i = 0; i < 100; i++) serialize(validate(text, { schema }).query); n += 100; }
console.log(n / 4, "per s");
