import { startSandbox, type SandboxOptions } from "../sandbox/server.js";
import type { CliIo } from "./io.js";

/** `secuq sandbox`: runs the local server until interrupted, and says how to reach it. */
export async function runSandbox(
  options: Pick<SandboxOptions, "port" | "records" | "seed">,
  io: CliIo,
): Promise<number> {
  const sandbox = await startSandbox(options);
  io.stdout(
    `The Secuconnect sandbox is running with ${sandbox.records.length.toLocaleString("en-US")} sample Smart Transactions.\n\n` +
      `  base URL       ${sandbox.url}\n  client id      ${sandbox.clientId}\n  client secret  ${sandbox.clientSecret}\n\n` +
      `createClient({ baseUrl: "${sandbox.url}", clientId: "${sandbox.clientId}", clientSecret: "${sandbox.clientSecret}" })\n\n` +
      "Stop it with Ctrl-C.\n",
  );
  await (io.untilInterrupted?.() ?? Promise.resolve());
  await sandbox.close();
  return 0;
}
