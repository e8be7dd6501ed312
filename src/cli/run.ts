import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Query } from "../ast/types.js";
import { complete, type Completion } from "../complete/complete.js";
import { serialize } from "../serialize/serialize.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { displayWidth, terminalSafe } from "../diagnostics/display.js";
import { printDiagnostics } from "../diagnostics/print.js";
import { tryParse, type ParseOptions } from "../syntax/parse.js";
import type { FieldSchema } from "../schema/schema.js";
import { smartTransactionSchema } from "../schema/smart-transaction-schema.js";
import { validate } from "../validate/validate.js";
import { runDemo } from "./demo.js";
import { didYouMean, EXIT, UsageError } from "./exit.js";
import { runFind } from "./find.js";
import { SandboxListenError } from "../sandbox/server.js";
import { runSandbox } from "./sandbox-command.js";
import type { CliIo } from "./io.js";

export { EXIT } from "./exit.js";

const USAGE = `Usage: secuq <command> [options] [query]

Commands:
  parse <query>      print the query's syntax tree as JSON
  format <query>     print the query in canonical form, which the server reads exactly as secuq does
  validate <query>   list every problem in the query, with where it is and how to fix it
  complete <text> [cursor]
                     what may come at the cursor (default: the end): fields, values, operators
  find <query>       find Smart Transactions (with SECUCONNECT_* credentials, or in the local sandbox)
  sandbox            run a local server that answers like the Secuconnect API, with sample transactions
  demo               find transactions in the sandbox with a few queries, a mistake and its fix included

The query is the rest of the command line, or standard input (UTF-8) when it is - or absent. A query that starts
with - goes after --, as in: secuq validate -- '-status:failed'

Options:
  -h, --help         show this help
  -v, --version      show the version

Run secuq <command> --help for one command's options.

Exit status: 0 when the query is fine, 1 when it has errors (or warnings with --strict), 2 for a wrong command line
or configuration, 3 when the API or the network fails (find), 4 when the sandbox cannot listen on its port, 70 when
secuq itself fails (set SECUQ_DEBUG=1 to see why).
`;

const LIMIT_OPTIONS = `  --max-depth <n>    deepest nesting of parentheses accepted (default 64)
  --max-length <n>   longest query accepted, in UTF-16 code units (default 1000000)`;

/** Each command's own help, and the options that apply to it. */
const COMMANDS: Record<string, { readonly usage: string; readonly options: readonly (keyof typeof OPTIONS)[] }> = {
  parse: {
    usage: `Usage: secuq parse [options] [query]\n\nPrints the query's syntax tree as JSON.\n\nOptions:
  --spans            include source spans in the tree\n${LIMIT_OPTIONS}\n`,
    options: ["spans", "max-depth", "max-length"],
  },
  format: {
    usage: `Usage: secuq format [options] [query]\n\nPrints the query in canonical form.\n\nOptions:\n${LIMIT_OPTIONS}\n`,
    options: ["max-depth", "max-length"],
  },
  validate: {
    usage: `Usage: secuq validate [options] [query]\n\nLists every problem in the query, where it is and how to fix it.
\nOptions:
  --json             print the result as JSON
  --strict           warnings fail too
  --schema <name>    the schema fields and values are checked against: smart-transaction (the default)
                     or none\n${LIMIT_OPTIONS}\n`,
    options: ["json", "strict", "schema", "max-depth", "max-length"],
  },
  complete: {
    usage: `Usage: secuq complete [options] <text> [cursor]

Lists what may come at the cursor (a UTF-16 offset into the text; default its end), best first: fields, the
field's known values, operators, keywords and snippets.

Options:
  --json             print the completions as JSON, with the span each one replaces
  --schema <name>    the fields and values offered: smart-transaction (the default) or none
`,
    options: ["json", "schema"],
  },
  find: {
    usage: `Usage: secuq find [options] <query>

Finds Smart Transactions. Credentials come from SECUCONNECT_TOKEN, or SECUCONNECT_CLIENT_ID and
SECUCONNECT_CLIENT_SECRET, with SECUCONNECT_ENV (production, testing or staging; default production) or
SECUCONNECT_BASE_URL; with no credentials, the local sandbox is searched. A query with an error is shown with its fixes and nothing is sent.

Options:
  --count <n>        records per answer (the API's default is 20)
  --offset <n>       where the answer starts
  --sort <entries>   such as created:desc,id:asc
  --fields <paths>   the fields to keep and show as columns, such as id,status,basket_info.sum
  --all              every match as it comes: a table on a terminal, JSON lines when piped
  --limit <n>        with --all: at most this many
  --json             print JSON
  --csv              print CSV (RFC 4180) for a spreadsheet: the --fields, or id, created, status, amount in
                     cents, currency and the customer's name
  --reading <how>    server (the query means what the server runs for it) or usual (NOT before AND before OR);
                     needed only when the two differ, as in a:1 OR b:2 AND c:3
`,
    options: ["count", "offset", "sort", "fields", "all", "limit", "json", "csv", "reading"],
  },
  sandbox: {
    usage: `Usage: secuq sandbox [options]

Runs a local server that answers like the Secuconnect API for Smart Transactions, until Ctrl-C.

Options:
  --port <n>         the port (default: any free one)
  --records <n>      how many sample transactions (default 10000)
  --seed <n>         the sample's seed (default 1)
`,
    options: ["port", "records", "seed"],
  },
  demo: {
    usage:
      "Usage: secuq demo\n\nFinds transactions in the local sandbox with a few queries, a mistake and its fix included.\n",
    options: [],
  },
};

/** An entry of a table by a name from the command line: its own entries only (`toString` is no command). */
const own = <T>(table: Record<string, T>, name: string | undefined): T | undefined =>
  name !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;

/** Standard input that is not UTF-8 text: a mistake in the input, reported like an invalid query. */
class EncodingError extends Error {}

const SCHEMAS: Record<string, FieldSchema> = { "smart-transaction": smartTransactionSchema };

const OPTIONS = {
  json: { type: "boolean" },
  strict: { type: "boolean" },
  schema: { type: "string" },
  spans: { type: "boolean" },
  "max-depth": { type: "string" },
  "max-length": { type: "string" },
  count: { type: "string" },
  offset: { type: "string" },
  sort: { type: "string" },
  fields: { type: "string" },
  all: { type: "boolean" },
  csv: { type: "boolean" },
  reading: { type: "string" },
  limit: { type: "string" },
  port: { type: "string" },
  records: { type: "string" },
  seed: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** A whole-number option, at least `least` and at most `most`, or a `UsageError` saying what it must be. */
function wholeNumber(name: string, text: string | undefined, least = 0, most = Number.MAX_SAFE_INTEGER) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < least || value > most) {
    const range = most === Number.MAX_SAFE_INTEGER ? `≥ ${least}` : `from ${least} to ${most}`;
    throw new UsageError(`--${name} must be a whole number ${range}, not ${JSON.stringify(text)}`);
  }
  return value;
}

function version(): string {
  // The same relative path from src/cli/run.ts and from the bundled dist/cli/main.js.
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

/** Where the first byte that is not UTF-8 is (a U+FFFD written as such is text, not a mistake). */
function firstInvalidByte(bytes: Uint8Array): number {
  // A byte-order mark is kept as text here, so that offsets count its three bytes.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const encoder = new TextEncoder();
  // The byte offset grows with each stretch of text, so that the search stays linear.
  let offset = 0;
  let counted = 0;
  for (let at = text.indexOf("\uFFFD"); at !== -1; at = text.indexOf("\uFFFD", at + 1)) {
    offset += encoder.encode(text.slice(counted, at)).length;
    counted = at;
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) return offset;
  }
  return bytes.length;
}

/** Standard input as text: UTF-8, or an `EncodingError` saying where it is not. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new EncodingError(
      `error invalid-encoding: standard input is not UTF-8 text (the first byte that is not is at offset ` +
        `${firstInvalidByte(bytes)}); save the query as UTF-8`,
    );
  }
}

async function readQuery(words: readonly string[], io: CliIo): Promise<string> {
  if (words.length === 0 || (words.length === 1 && words[0] === "-")) {
    if (words.length === 0 && io.stdinIsTerminal)
      throw new UsageError("Give a query, or - to read it from standard input");
    return decode(await io.readStdin()).replace(/\r?\n$/, "");
  }
  // Unquoted words arrive split by the shell; a space joins them back.
  return words.join(" ");
}

function withoutSpans(query: Query): unknown {
  return JSON.parse(JSON.stringify(query, (key, value: unknown) => (key === "span" ? undefined : value)));
}

function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

/** Completions as aligned lines: kind, what is inserted (made safe for a terminal), and what it is. */
function completionList(completions: readonly Completion[]): string {
  const texts = completions.map((c) => terminalSafe(c.text));
  const width = texts.reduce((widest, text) => Math.max(widest, displayWidth(text)), 0);
  return completions
    .map((c, i) => {
      const text = texts[i]!;
      const pad = " ".repeat(width - displayWidth(text));
      return `${c.kind.padEnd(8)}  ${text}${pad}  ${terminalSafe(c.detail ?? "")}`.trimEnd() + "\n";
    })
    .join("");
}

/**
 * Runs the `secuq` command with its arguments (without `node` and the script) and returns the exit status.
 *
 * @example
 * await run(["format", "a:1 OR b:2 AND c:3"], processIo()) // prints "a:1 OR (b:2 AND c:3)", returns 0
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (values.version) {
      io.stdout(`${version()}\n`);
      return EXIT.ok;
    }
    const [command, ...words] = positionals;
    // `secuq help validate` and `secuq validate --help`: one command's help.
    const helpFor = command === "help" ? words[0] : values.help ? command : undefined;
    const commandHelp = own(COMMANDS, helpFor);
    if (commandHelp) {
      io.stdout(commandHelp.usage);
      return EXIT.ok;
    }
    if (values.help || command === undefined || command === "help") {
      (command === undefined && !values.help ? io.stderr : io.stdout)(USAGE);
      return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
    }
    const allowed = own(COMMANDS, command)?.options;
    if (!allowed) throw new UsageError(`Unknown command ${JSON.stringify(command)}`);
    for (const name of Object.keys(values) as (keyof typeof OPTIONS)[]) {
      if (!allowed.includes(name)) throw new UsageError(`--${name} does not apply to ${command}`);
    }
    const maxDepth = wholeNumber("max-depth", values["max-depth"], 1);
    const maxLength = wholeNumber("max-length", values["max-length"], 1);
    const limits: ParseOptions = {
      ...(maxDepth !== undefined && { maxDepth }),
      ...(maxLength !== undefined && { maxLength }),
    };
    const describe = (source: string, diagnostics: readonly Diagnostic[], color: boolean): string =>
      diagnostics.length === 0 ? "" : `${printDiagnostics(source, diagnostics, { color })}\n`;

    // validate and complete use the Smart Transaction schema unless told otherwise: that is what this tool queries.
    const schemaName = values.schema ?? "smart-transaction";
    const schema = own(SCHEMAS, schemaName);
    if (schemaName !== "none" && !schema) {
      throw new UsageError(
        `Unknown schema ${JSON.stringify(values.schema)}; known: ${[...Object.keys(SCHEMAS), "none"].join(", ")}`,
      );
    }

    const whole = (name: keyof typeof values, least = 0, most?: number): number | undefined =>
      wholeNumber(name, values[name] as string | undefined, least, most);
    switch (command) {
      case "demo":
        return await runDemo(io);
      case "find": {
        const reading = values.reading;
        if (reading !== undefined && reading !== "server" && reading !== "usual") {
          throw new UsageError(`--reading is server or usual, not ${JSON.stringify(reading)}`);
        }
        const query = await readQuery(words, io);
        return await runFind(
          {
            query,
            ...(values.count !== undefined && { count: whole("count")! }),
            ...(values.offset !== undefined && { offset: whole("offset")! }),
            ...(values.sort !== undefined && { sort: values.sort }),
            ...(values.fields !== undefined && { fields: values.fields }),
            ...(values.all !== undefined && { all: values.all }),
            ...(values.limit !== undefined && { limit: whole("limit")! }),
            ...(values.json !== undefined && { json: values.json }),
            ...(values.csv !== undefined && { csv: values.csv }),
            ...(reading !== undefined && { reading }),
          },
          io,
        );
      }
      case "sandbox":
        if (words.length > 0) throw new UsageError("sandbox takes no query");
        return await runSandbox(
          {
            ...(values.port !== undefined && { port: whole("port", 0, 65535)! }),
            ...(values.records !== undefined && { records: whole("records")! }),
            ...(values.seed !== undefined && { seed: whole("seed")! }),
          },
          io,
        );
      case "complete": {
        const [text, cursorText, ...extra] = words;
        if (text === undefined || extra.length > 0) throw new UsageError("complete takes a text and a cursor");
        if (cursorText !== undefined && !/^\d+$/.test(cursorText))
          throw new UsageError(`The cursor must be a whole number, not ${JSON.stringify(cursorText)}`);
        const cursor = cursorText === undefined ? text.length : Number(cursorText);
        if (cursor > text.length) throw new UsageError(`The cursor ${cursor} is past the text's end (${text.length})`);
        const completions = complete(text, cursor, schema ? { schema } : {});
        io.stdout(values.json ? `${JSON.stringify(completions, null, 2)}\n` : completionList(completions));
        return EXIT.ok;
      }
      case "parse":
      case "format": {
        const source = await readQuery(words, io);
        const { query, diagnostics } = tryParse(source, limits);
        io.stderr(describe(source, diagnostics, io.color.stderr));
        if (query === undefined) return EXIT.invalidQuery;
        io.stdout(
          command === "format"
            ? `${serialize(query)}\n`
            : `${JSON.stringify(values.spans ? query : withoutSpans(query), null, 2)}\n`,
        );
        return EXIT.ok;
      }
      case "validate": {
        const source = await readQuery(words, io);
        const result = validate(source, { ...limits, strict: values.strict ?? false, ...(schema && { schema }) });
        const { ok, diagnostics, suggestion } = result;
        if (values.json) {
          io.stdout(
            `${JSON.stringify({ ok, diagnostics, ...(suggestion !== undefined && { suggestion }) }, null, 2)}\n`,
          );
        } else {
          io.stdout(describe(source, diagnostics, io.color.stdout));
          // The corrected query is shown when it is short enough to read; --json always carries it.
          io.stdout(didYouMean(suggestion));
          io.stdout(`${ok ? "ok" : "not ok"}: ${summary(diagnostics)}\n`);
        }
        return result.ok ? EXIT.ok : EXIT.invalidQuery;
      }
      default:
        throw new UsageError(`Unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    return failure(error, argv, io);
  }
}

/** parseArgs's messages in the command's own words: `Unknown option --colour`, `--count needs a value`. */
function usageMessage(error: Error, code: string): string {
  const option = /'(-[^' ]*)/.exec(error.message)?.[1]?.replace(/,$/, "");
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `Unknown option ${option ?? ""}`.trimEnd();
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const long = /'(?:-\w, )?(--[\w-]+)/.exec(error.message)?.[1] ?? option ?? "The option";
    return error.message.includes("argument missing") ? `${long} needs a value` : `${long} takes no value`;
  }
  return error.message;
}

/** The exit status and message for what stopped the command. */
function failure(error: unknown, argv: readonly string[], io: CliIo): number {
  if (error instanceof EncodingError) {
    io.stderr(`secuq: ${error.message}\n`);
    return EXIT.invalidQuery;
  }
  if (error instanceof SandboxListenError) {
    io.stderr(`secuq: ${error.message}\n`);
    return EXIT.cannotListen;
  }
  // parseArgs reports unknown options and missing values with a TypeError carrying an ERR_PARSE_ARGS_* code.
  const code = String((error as { code?: unknown } | null)?.code);
  if (error instanceof UsageError || (error instanceof TypeError && code.startsWith("ERR_PARSE_ARGS"))) {
    const command = argv.find((arg) => !arg.startsWith("-"));
    const help = own(COMMANDS, command) ? `secuq ${command} --help` : "secuq --help";
    // An "option" that is a query starting with - (NOT written as -): say how to pass it.
    const query = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && argv.find((arg) => /^-[^-].*[:\s]/.test(arg));
    const hint = query ? `\nTo give a query that starts with -, put -- before it: secuq ${command} -- '${query}'` : "";
    io.stderr(`secuq: ${usageMessage(error, code)}${hint}\nRun ${help} for usage.\n`);
    return EXIT.usage;
  }
  // Anything else is a fault of secuq's own. Its message may quote the query, so it is only shown when asked for.
  const name = error instanceof Error ? error.name : typeof error;
  io.stderr(`secuq: internal error (${name}); please report it. Set SECUQ_DEBUG=1 to see the details.\n`);
  if (io.debug) io.stderr(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.internal;
}
