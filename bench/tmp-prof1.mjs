import { parse } from "../dist/index.js";
const text = process.argv[2] ?? "status:received";
let n = 0; const end = performance.now() + 4000;
while (performance.now() < end) { for (let i = 0; i < 100; i++) parse(text); n += 100; }
console.log(n / 4, "per s");
