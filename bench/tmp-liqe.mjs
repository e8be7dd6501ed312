import { parse as liqeParse } from "liqe";
for (const t of ['created:[2024-01-01 TO 2024-12-31]', 'basket_info.sum:[1000 TO 50000]', 'a:"test@example.com"', 'a:Mei*', 'NOT a:b', 'a:MRC_WVH', 'a:b AND (c:d OR e:f)', 'created:[1 TO 2]', 'a:>=5', 'a:ORD-0001', 'a.b:x', '_exists_:a', 'a:b\\-c', "a:{1 TO 5}", "a:[1 TO *]", "a:x?y"]) {
  try { liqeParse(t); console.log("ok  ", t); } catch (e) { console.log("FAIL", t, e.message); }
}
