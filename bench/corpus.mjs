// Realistic Smart Transaction queries that every peer parser can read (liqe, the strictest, takes only numeric ranges
// and no escapes), from one clause to a 200-clause OR of references.
export const corpus = [
  { name: "one clause", text: "status:received" },
  // The API reference's example, with Smart Transaction fields.
  {
    name: "reference example",
    text:
      "(NOT customer.contact.surname:meier*) AND " +
      "(basket_info.sum:[3000 TO 4000] OR basket_info.sum:[5000 TO 6000])",
  },
  {
    name: "ten-clause filter",
    text:
      "status:received AND basket_info.sum:[1000 TO 50000] AND customer.contact.surname:Mei* AND " +
      'NOT customer.contact.email:"test@example.com" AND basket_info.gratuity:{0 TO 500} AND ' +
      "basket_info.currency:EUR AND NOT payment_method:invoice AND transactionRef:ORD2024* " +
      "AND merchant.id:MRC_WVHJQFQ4JNVYNG5B55TYK748ZCHQP8 AND (status:ok OR status:pending)",
  },
  {
    name: "200-clause OR",
    text: Array.from({ length: 200 }, (_, i) => `transactionRef:ORD${String(i + 1).padStart(6, "0")}`).join(" OR "),
  },
];

/** One clause of the size sweeps: mixed forms, so that every kind of condition is read. */
const clause = (i) =>
  i % 5 === 0
    ? `d${i % 3}:[${i} TO *]`
    : i % 5 === 1
      ? `e:"x ${i}"`
      : i % 7 === 0
        ? `NOT f${i % 9}:v${i}`
        : `f${i % 9}:v${i}*`;

/** A filter of `n` clauses (`f3:v17 AND NOT f4:v18 OR …`), for the size sweeps. */
export const filter = (n) =>
  Array.from({ length: n }, (_, i) => clause(i)).reduce(
    (text, c, i) => (i === 0 ? c : `${text} ${i % 4 === 3 ? "OR" : "AND"} ${c}`),
    "",
  );
