import { createClient, ENVIRONMENTS } from "../client/client.js";
import {
  AuthenticationError,
  NetworkError,
  RequestTooLongError,
  SecuconnectApiError,
  TimeoutError,
} from "../client/errors.js";
import type { ClientOptions, Environment, FindAllParams, FindParams, SecuconnectClient } from "../client/types.js";
import { QueryValidationError } from "../diagnostics/errors.js";
import { printDiagnostics } from "../diagnostics/print.js";
import { smartTransactionSchema } from "../schema/smart-transaction-schema.js";
import { validate } from "../validate/validate.js";
import type { CliIo } from "./io.js";
import { table, tableWriter } from "./table.js";

/** What `secuq find` takes from its command line. */
export interface FindCommand {
  readonly query: string;
  readonly count?: number;
  readonly offset?: number;
  readonly sort?: string;
  readonly fields?: string;
  readonly all?: boolean;
  readonly limit?: number;
  readonly json?: boolean;
}

/** A client from the environment's credentials; `undefined` when there are none. */
function clientFromEnvironment(env: Readonly<Record<string, string | undefined>>): SecuconnectClient | undefined {
  const { SECUCONNECT_TOKEN: token, SECUCONNECT_CLIENT_ID: clientId, SECUCONNECT_CLIENT_SECRET: clientSecret } = env;
  if (!token && !clientId && !clientSecret) return undefined;
  const base = env.SECUCONNECT_BASE_URL;
  const environment = (env.SECUCONNECT_ENV ?? "production") as Environment;
  if (!base && !Object.hasOwn(ENVIRONMENTS, environment)) {
    throw new TypeError(`SECUCONNECT_ENV must be one of ${Object.keys(ENVIRONMENTS).join(", ")}`);
  }
  const credentials: Partial<ClientOptions> = token
    ? { token }
    : { clientId: clientId ?? "", clientSecret: clientSecret ?? "" };
  return createClient({ ...(base ? { baseUrl: base } : { environment }), ...credentials });
}

/** The sandbox, for a newcomer without credentials: started here, closed when the command ends. */
async function sandboxClient(io: CliIo): Promise<{ client: SecuconnectClient; close: () => Promise<void> }> {
  const { startSandbox } = await import("../sandbox/server.js");
  const sandbox = await startSandbox();
  io.stderr(
    "secuq: no credentials (SECUCONNECT_TOKEN, or SECUCONNECT_CLIENT_ID and SECUCONNECT_CLIENT_SECRET): searching " +
      `the local sandbox's ${sandbox.records.length.toLocaleString("en-US")} sample transactions.\n`,
  );
  const client = createClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret });
  return { client, close: () => sandbox.close() };
}

// How often a long run on a terminal says how far it is.
const PROGRESS_EVERY = 1000;

/**
 * Every match, written as it comes: as a table with its count (`asTable`), or one JSON object per line (with progress
 * on standard error when that is a terminal). A page at a time is held, never the whole result.
 */
async function findAll(client: SecuconnectClient, params: FindAllParams, io: CliIo, asTable: boolean): Promise<void> {
  const rows = asTable ? tableWriter(io.stdout) : undefined;
  const progress = !rows && io.stderrIsTerminal === true;
  let found = 0;
  for await (const record of client.smartTransactions.findAll(params)) {
    found++;
    if (rows) rows.add(record);
    else io.stdout(`${JSON.stringify(record)}\n`);
    if (progress && found % PROGRESS_EVERY === 0) io.stderr(`\r${found.toLocaleString("en-US")} found…`);
  }
  if (rows) {
    rows.end();
    io.stdout(`${found.toLocaleString("en-US")} found\n`);
  }
  if (progress && found >= PROGRESS_EVERY) io.stderr(`\r${found.toLocaleString("en-US")} found.\n`);
}

/** Exit statuses of `find` beyond the shared ones: the API (or the network) failed. */
export const API_FAILED = 3;

/**
 * `secuq find`: checks the query (diagnostics and exit 1, with no request, when it has an error), then finds Smart
 * Transactions with the environment's credentials or, without any, in the local sandbox.
 */
export async function runFind(command: FindCommand, io: CliIo): Promise<number> {
  const checked = validate(command.query, { schema: smartTransactionSchema });
  if (!checked.ok) {
    io.stderr(`${printDiagnostics(command.query, checked.diagnostics, { color: io.color.stderr })}\n`);
    return 1;
  }
  const configured = clientFromEnvironment(io.env ?? {});
  const { client, close } = configured
    ? { client: configured, close: () => Promise.resolve() }
    : await sandboxClient(io);
  const shared = {
    q: command.query,
    ...(command.count !== undefined && { count: command.count }),
    ...(command.sort !== undefined && { sort: command.sort }),
    ...(command.fields !== undefined && { fields: command.fields }),
  };
  const params: FindParams = { ...shared, ...(command.offset !== undefined && { offset: command.offset }) };
  try {
    if (command.all) {
      const limit = command.limit !== undefined && { limit: command.limit };
      await findAll(client, { ...shared, ...limit }, io, command.json !== true && io.stdoutIsTerminal === true);
      return 0;
    }
    const { count, data } = await client.smartTransactions.find(params);
    if (command.json) io.stdout(`${JSON.stringify({ count, data }, null, 2)}\n`);
    else io.stdout(`${table(data)}${data.length} of ${count.toLocaleString("en-US")} found\n`);
    return 0;
  } catch (error) {
    if (error instanceof QueryValidationError) {
      io.stderr(`secuq: ${error.message}\n`);
      return 1;
    }
    if (error instanceof SecuconnectApiError) {
      io.stderr(`secuq: ${error.message}${error.supportId ? ` (support id ${error.supportId})` : ""}\n`);
      return API_FAILED;
    }
    if (
      error instanceof AuthenticationError ||
      error instanceof NetworkError ||
      error instanceof TimeoutError ||
      error instanceof RequestTooLongError
    ) {
      io.stderr(`secuq: ${error.message}\n`);
      return API_FAILED;
    }
    throw error;
  } finally {
    await close();
  }
}
