import { createClient, ENVIRONMENTS, isAllowedBaseUrl, RESULT_WINDOW } from "../client/client.js";
import {
  AuthenticationError,
  NetworkError,
  RequestTooLongError,
  ResponseTooLargeError,
  SecuconnectApiError,
  TimeoutError,
} from "../client/errors.js";
import type { ClientOptions, Environment, FindAllParams, FindParams, SecuconnectClient } from "../client/types.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { QueryValidationError } from "../diagnostics/errors.js";
import { applyFixes } from "../diagnostics/fixes.js";
import { printDiagnostics } from "../diagnostics/print.js";
import { readingsOf } from "../client/params.js";
import { smartTransactionSchema as schema } from "../schema/smart-transaction-schema.js";
import type { Reading } from "../syntax/parse.js";
import { validateFields, validateSort } from "../validate/parameters.js";
import { validate } from "../validate/validate.js";
import { csvWriter, DEFAULT_CSV_FIELDS } from "./csv.js";
import { didYouMean, EXIT, UsageError } from "./exit.js";
import type { CliIo } from "./io.js";
import { columnsFor, DEFAULT_COLUMNS, table, tableWriter } from "./table.js";

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
  readonly csv?: boolean;
  /** How the query text is read: as the server runs it, or with the usual precedence. */
  readonly reading?: Reading;
}

/**
 * A client from the environment's credentials; `undefined` when there are none. A setting that cannot work is a
 * `UsageError` naming the variable and what to write, never quoting a secret.
 */
function clientFromEnvironment(env: Readonly<Record<string, string | undefined>>): SecuconnectClient | undefined {
  const { SECUCONNECT_TOKEN: token, SECUCONNECT_CLIENT_ID: clientId, SECUCONNECT_CLIENT_SECRET: clientSecret } = env;
  if (!token && !clientId && !clientSecret) return undefined;
  if (token && (clientId || clientSecret)) {
    throw new UsageError("Set SECUCONNECT_TOKEN, or SECUCONNECT_CLIENT_ID and SECUCONNECT_CLIENT_SECRET, not both");
  }
  if (!token && (!clientId || !clientSecret)) {
    const missing = clientId ? "SECUCONNECT_CLIENT_SECRET" : "SECUCONNECT_CLIENT_ID";
    throw new UsageError(`${missing} is not set: OAuth needs both SECUCONNECT_CLIENT_ID and SECUCONNECT_CLIENT_SECRET`);
  }
  const base = env.SECUCONNECT_BASE_URL;
  const environment = env.SECUCONNECT_ENV ?? "production";
  if (base && env.SECUCONNECT_ENV !== undefined) {
    throw new UsageError("Set SECUCONNECT_ENV or SECUCONNECT_BASE_URL, not both");
  }
  const known = Object.keys(ENVIRONMENTS);
  if (!base && !known.includes(environment)) {
    throw new UsageError(`SECUCONNECT_ENV must be one of ${known.join(", ")}`);
  }
  if (base) {
    // The URL is not quoted: it may hold a user name and password.
    const url = URL.canParse(base) ? new URL(base) : undefined;
    if (!url) throw new UsageError("SECUCONNECT_BASE_URL is not a URL; write one such as https://host/api/v2");
    if (!isAllowedBaseUrl(url)) {
      throw new UsageError("SECUCONNECT_BASE_URL must be https: (http: only on a loopback host, such as the sandbox)");
    }
  }
  const credentials: Partial<ClientOptions> = token ? { token } : { clientId: clientId!, clientSecret: clientSecret! };
  const where = base ? { baseUrl: base } : { environment: environment as Environment };
  return createClient({ ...where, ...credentials });
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

type Output = "table" | "json" | "csv";

/**
 * Every match, written as it comes: as a table with its count, CSV, or one JSON object per line (with progress on
 * standard error when that is a terminal). A page at a time is held, never the whole result. It stops, quietly, when
 * standard output is closed (`| head`): no page is asked for after that.
 */
async function findAll(
  client: SecuconnectClient,
  params: FindAllParams,
  io: CliIo,
  output: Output,
  fields: readonly string[] | undefined,
): Promise<void> {
  const rows =
    output === "table" ? tableWriter(io.stdout, 100, fields ? columnsFor(fields) : DEFAULT_COLUMNS) : undefined;
  const csv = output === "csv" ? csvWriter(io.stdout, fields ?? DEFAULT_CSV_FIELDS) : undefined;
  const progress = output !== "table" && io.stderrIsTerminal === true;
  const signal = io.stdoutClosed;
  let found = 0;
  try {
    for await (const record of client.smartTransactions.findAll({ ...params, ...(signal && { signal }) })) {
      found++;
      if (rows) rows.add(record);
      else if (csv) csv.add(record);
      else io.stdout(`${JSON.stringify(record)}\n`);
      if (progress && found % PROGRESS_EVERY === 0) io.stderr(`\r${found.toLocaleString("en-US")} found…`);
    }
  } catch (error) {
    if (signal?.aborted) return;
    throw error;
  }
  if (rows) {
    rows.end();
    io.stdout(`${found.toLocaleString("en-US")} found\n`);
  }
  if (progress && found >= PROGRESS_EVERY) io.stderr(`\r${found.toLocaleString("en-US")} found.\n`);
}

/** The command's options that do not fit together, or reach where the API does not page. */
function checkOptions(command: FindCommand): void {
  if (command.json && command.csv) throw new UsageError("--json and --csv do not go together: choose one");
  if (!command.all) {
    if (command.limit !== undefined) {
      throw new UsageError("--limit applies with --all; without it, --count says how many records to show");
    }
    const reach = (command.offset ?? 0) + (command.count ?? 20);
    if (reach > RESULT_WINDOW) {
      throw new UsageError(
        `--offset and --count reach match ${reach.toLocaleString("en-US")}, past the first ` +
          `${RESULT_WINDOW.toLocaleString("en-US")} that the API pages through; use --all to read every match`,
      );
    }
  } else if (command.offset !== undefined) {
    throw new UsageError("--offset does not apply with --all, which reads every match from the first");
  }
}

/** Diagnostics of an option's text (`--sort`, `--fields`), shown against it, with the corrected text. */
function optionProblems(name: string, text: string, diagnostics: readonly Diagnostic[], io: CliIo): string {
  const fixed = applyFixes(text, diagnostics);
  return (
    `secuq: --${name} ${JSON.stringify(text)} is not valid:\n` +
    `${printDiagnostics(text, diagnostics, { color: io.color.stderr })}\n` +
    didYouMean(fixed === text ? undefined : `--${name} ${fixed}`)
  );
}

/**
 * `secuq find`: checks the options and the query (diagnostics and their fixes, with no request, when one has an
 * error), then finds Smart Transactions with the environment's credentials or, without any, in the local sandbox.
 */
export async function runFind(command: FindCommand, io: CliIo): Promise<number> {
  checkOptions(command);
  for (const [name, text, check] of [
    ["sort", command.sort, validateSort],
    ["fields", command.fields, validateFields],
  ] as const) {
    if (text === undefined) continue;
    const checked = check(text, { schema });
    if (!checked.ok) {
      io.stderr(optionProblems(name, text, checked.diagnostics, io));
      return EXIT.usage;
    }
  }
  const checked = validate(command.query, { schema, ...(command.reading && { reading: command.reading }) });
  // Read as the server reads it, whatever the server runs is sent, as the client sends it; the rest is advice.
  const sendAnyway = command.reading === "server" && checked.query !== undefined;
  if (!checked.ok && !sendAnyway) {
    io.stderr(`${printDiagnostics(command.query, checked.diagnostics, { color: io.color.stderr })}\n`);
    io.stderr(didYouMean(checked.suggestion));
    return EXIT.invalidQuery;
  }
  if (sendAnyway && checked.diagnostics.length > 0) {
    const advice = checked.diagnostics.map((d) =>
      d.severity === "error" ? { ...d, severity: "warning" as const } : d,
    );
    io.stderr(`${printDiagnostics(command.query, advice, { color: io.color.stderr })}\n`);
  }
  // A query that means one thing to the server and another in the usual reading is sent only as the person says.
  const readings = command.reading || !checked.query ? undefined : readingsOf(command.query, schema, checked.query);
  if (readings) {
    io.stderr(`${printDiagnostics(command.query, checked.diagnostics, { color: io.color.stderr })}\n`);
    io.stderr(
      `secuq: the server runs: ${readings.server}\n` +
        `       the usual reading runs: ${readings.usual}\n` +
        "Add parentheses for the one you mean, or choose with --reading server or --reading usual; nothing was sent.\n",
    );
    return EXIT.invalidQuery;
  }
  const configured = clientFromEnvironment(io.env ?? {});
  const { client, close } = configured
    ? { client: configured, close: () => Promise.resolve() }
    : await sandboxClient(io);
  const fields = command.fields?.split(",").map((field) => field.trim());
  const output: Output = command.json ? "json" : command.csv ? "csv" : "table";
  const shared = {
    q: command.query,
    ...(command.reading && { reading: command.reading }),
    ...(command.count !== undefined && { count: command.count }),
    ...(command.sort !== undefined && { sort: command.sort }),
    ...(command.fields !== undefined && { fields: command.fields }),
  };
  try {
    if (command.all) {
      const limit = command.limit !== undefined && { limit: command.limit };
      // A table on a terminal; JSON lines in a pipe, unless CSV was asked for.
      const streamed = output === "table" && io.stdoutIsTerminal !== true ? "json" : output;
      await findAll(client, { ...shared, ...limit }, io, streamed, fields);
      return EXIT.ok;
    }
    const params: FindParams = { ...shared, ...(command.offset !== undefined && { offset: command.offset }) };
    const { count, data } = await client.smartTransactions.find(params);
    if (output === "json") io.stdout(`${JSON.stringify({ count, data }, null, 2)}\n`);
    else if (output === "csv") {
      const csv = csvWriter(io.stdout, fields ?? DEFAULT_CSV_FIELDS);
      for (const record of data) csv.add(record);
    } else {
      const columns = fields ? columnsFor(fields) : DEFAULT_COLUMNS;
      io.stdout(`${table(data, columns)}${data.length} of ${count.toLocaleString("en-US")} found\n`);
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof QueryValidationError) {
      io.stderr(`secuq: ${error.message}\n`);
      return EXIT.invalidQuery;
    }
    if (error instanceof SecuconnectApiError) {
      io.stderr(`secuq: ${error.message}${error.supportId ? ` (support id ${error.supportId})` : ""}\n`);
      return EXIT.apiFailed;
    }
    if (
      error instanceof AuthenticationError ||
      error instanceof NetworkError ||
      error instanceof TimeoutError ||
      error instanceof RequestTooLongError ||
      error instanceof ResponseTooLargeError
    ) {
      io.stderr(`secuq: ${error.message}\n`);
      return EXIT.apiFailed;
    }
    throw error;
  } finally {
    await close();
  }
}
