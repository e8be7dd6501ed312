import { serialize } from "../serialize/serialize.js";
import { printDiagnostics } from "../diagnostics/print.js";
import { smartTransactionSchema } from "../schema/smart-transaction-schema.js";
import { validate } from "../validate/validate.js";
import type { CliIo } from "./io.js";

/** Queries a back-office user might type, each showing something the library does. */
const DEMO_QUERIES: readonly { readonly query: string; readonly note: string; readonly schema?: boolean }[] = [
  { query: 'status:received AND customer.contact.surname:"van der Berg"', note: "a valid query" },
  {
    query: "basket_info.sum:>=1000 && created:[2024-01-01T00:00:00+01:00 TO *]",
    note: "comparisons, && and a date range",
  },
  { query: "status:(received OR approved) AND NOT transactionRef:test*", note: "a field group and a wildcard" },
  {
    query: "status:received OR status:approved AND basket_info.sum:>1000",
    note: "mixed AND/OR: the server reads it differently",
  },
  { query: "status:received and basket_info.sum=1000", note: "lowercase operator and = instead of :" },
  {
    query: "-status:failed OR (customer.contact.email:a@b.example",
    note: "a minus prefix and an unclosed parenthesis",
  },
  {
    query: "basket_info.summ:>=10 AND status:recieved AND basket_info.sum:[10.50 TO 5]",
    note: "checked against the Smart Transaction schema",
    schema: true,
  },
];

/** Shows parsing, validating and formatting on real queries: what `npm start` runs. */
export function runDemo(io: CliIo): number {
  io.stdout("secuq: Secuconnect q queries, read the way the server reads them.\n\n");
  for (const { query, note, schema } of DEMO_QUERIES) {
    const result = validate(query, schema ? { schema: smartTransactionSchema } : {});
    io.stdout(`${note}\n  query:     ${query}\n`);
    if (result.query !== undefined) io.stdout(`  canonical: ${serialize(result.query)}\n`);
    if (result.diagnostics.length > 0) {
      const described = printDiagnostics(query, result.diagnostics, { color: io.color.stdout });
      io.stdout(`${described.replace(/^/gm, "  ")}\n`);
    }
    io.stdout(`  ${result.ok ? "ok" : "not ok"}\n\n`);
  }
  io.stdout(
    "Try it yourself: npx secuq validate --schema smart-transaction 'status:received and basket_info.sum:>5'\n",
  );
  return 0;
}
