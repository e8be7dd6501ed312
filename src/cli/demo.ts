import { smartTransactionQuery as st } from "../builder/smart-transaction.js";
import { createClient } from "../client/client.js";
import { printDiagnostics } from "../diagnostics/print.js";
import { startSandbox } from "../sandbox/server.js";
import { smartTransactionSchema } from "../schema/smart-transaction-schema.js";
import { serialize } from "../serialize/serialize.js";
import { validate } from "../validate/validate.js";
import type { CliIo } from "./io.js";
import { table } from "./table.js";

/**
 * What `npm start` runs: the main job in a few seconds, with no credentials. It starts the local sandbox and finds
 * Smart Transactions with a query built in code, one typed with mistakes (shown with their fixes, then found as
 * fixed), and a sorted one.
 */
export async function runDemo(io: CliIo): Promise<number> {
  const color = io.color.stdout;
  const sandbox = await startSandbox();
  try {
    const client = createClient({
      baseUrl: sandbox.url,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
    });
    io.stdout(
      "secuq: find Smart Transactions with q queries, read the way the server reads them.\n" +
        `The local sandbox is running at ${sandbox.url} with ${sandbox.records.length.toLocaleString("en-US")} ` +
        "sample transactions: no credentials needed.\n\n",
    );

    const built = st.field("status").is("approved").and(st.field("basket_info.sum").atLeast(10000));
    io.stdout(
      '1. Built in code: st.field("status").is("approved").and(st.field("basket_info.sum").atLeast(10000))\n' +
        `   q = ${serialize(built)}\n\n`,
    );
    const first = await client.smartTransactions.find({ q: built, count: 5 });
    io.stdout(`${table(first.data)}${first.data.length} of ${first.count.toLocaleString("en-US")} found\n\n`);

    const typed = "status:failed and payment_method=invoice";
    io.stdout(`2. Typed with mistakes: ${typed}\n`);
    const checked = validate(typed, { schema: smartTransactionSchema });
    io.stdout(`${printDiagnostics(typed, checked.diagnostics, { color })}\n`);
    if (checked.suggestion !== undefined) {
      io.stdout(`   Fixed: ${checked.suggestion}\n\n`);
      const second = await client.smartTransactions.find({ q: checked.suggestion, count: 5 });
      io.stdout(`${table(second.data)}${second.data.length} of ${second.count.toLocaleString("en-US")} found\n\n`);
    }

    const recent = "created:>=2026-01-01 AND basket.products.item_type:coupon";
    io.stdout(`3. This year's baskets with a coupon, the largest first: ${recent}\n\n`);
    const third = await client.smartTransactions.find({ q: recent, sort: [["basket_info.sum", "desc"]], count: 5 });
    io.stdout(`${table(third.data)}${third.data.length} of ${third.count.toLocaleString("en-US")} found\n\n`);

    io.stdout("Try it yourself: npx secuq find 'status:received AND basket_info.sum:>=5000'\n");
    return 0;
  } finally {
    await sandbox.close();
  }
}
