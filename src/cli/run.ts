import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Query } from "../ast/types.js";
import { serialize } from "../serialize/serialize.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { printDiagnostics } from "../diagnostics/print.js";
import { tryParse, type ParseOptions } from "../syntax/parse.js";
import type { FieldSchema } from "../schema/schema.js";
import { smartTransactionSchema } from "../schema/smart-transaction-schema.js";
import { validate } from "../validate/validate.js";
import { runDemo } from "./demo.js";
import type { CliIo } from "./io.js";

/** Exit statuses: success, a query with errors (or warnings with --strict), a wrong command line. */
export const EXIT = { ok: 0, invalidQuery: 1, usage: 2 } as const;

const USAGE = `Usage: secuq <command> [options] [query]

Commands:
  parse <query>      print the query's syntax tree as JSON
  format <query>     print the query in canonical form, which the server reads exactly as secuq does
  validate <query>   list every problem in the query, with where it is and how to fix it
  demo               parse, validate and format a few real queries

The query is the rest of the command line (after --, when it starts with -), or standard input when it is - or absent.

Options:
  --json             validate: print the result as JSON
  --strict           validate: warnings fail too
  --schema <name>    validate: also check fields and values against a schema (smart-transaction)
  --spans            parse: include source spans in the tree
  --max-depth <n>    deepest nesting of parentheses accepted (default 1000)
  --max-length <n>   longest query accepted, in UTF-16 code units (default 1000000)
  -h, --help         show this help
  -v, --version      show the version

Exit status: 0 when the query is fine, 1 when it has errors (or warnings with --strict), 2 for a wrong command line.
`;

class UsageError extends Error {}

const SCHEMAS: Record<string, FieldSchema> = { "smart-transaction": smartTransactionSchema };

const OPTIONS = {
  json: { type: "boolean" },
  strict: { type: "boolean" },
  schema: { type: "string" },
  spans: { type: "boolean" },
  "max-depth": { type: "string" },
  "max-length": { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

function positiveInteger(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new UsageError(`--${name} must be a positive whole number, not ${JSON.stringify(text)}`);
  return Number(text);
}

function version(): string {
  // The same relative path from src/cli/run.ts and from the bundled dist/cli/main.js.
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

async function readQuery(words: readonly string[], io: CliIo): Promise<string> {
  if (words.length === 0 || (words.length === 1 && words[0] === "-")) {
    if (words.length === 0 && io.stdinIsTerminal)
      throw new UsageError("Give a query, or - to read it from standard input");
    return (await io.readStdin()).replace(/\r?\n$/, "");
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
    if (values.help || command === undefined || command === "help") {
      (command === undefined && !values.help ? io.stderr : io.stdout)(USAGE);
      return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
    }
    const maxDepth = positiveInteger("max-depth", values["max-depth"]);
    const maxLength = positiveInteger("max-length", values["max-length"]);
    const limits: ParseOptions = {
      ...(maxDepth !== undefined && { maxDepth }),
      ...(maxLength !== undefined && { maxLength }),
    };
    const describe = (source: string, diagnostics: readonly Diagnostic[]): string =>
      diagnostics.length === 0 ? "" : `${printDiagnostics(source, diagnostics, { color: io.color })}\n`;

    const schema = values.schema === undefined ? undefined : SCHEMAS[values.schema];
    if (values.schema !== undefined && !schema) {
      throw new UsageError(
        `Unknown schema ${JSON.stringify(values.schema)}; known: ${Object.keys(SCHEMAS).join(", ")}`,
      );
    }

    switch (command) {
      case "demo":
        return runDemo(io);
      case "parse":
      case "format": {
        const source = await readQuery(words, io);
        const { query, diagnostics } = tryParse(source, limits);
        io.stderr(describe(source, diagnostics));
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
        if (values.json) {
          io.stdout(`${JSON.stringify({ ok: result.ok, diagnostics: result.diagnostics }, null, 2)}\n`);
        } else {
          io.stdout(describe(source, result.diagnostics));
          io.stdout(`${result.ok ? "ok" : "not ok"}: ${summary(result.diagnostics)}\n`);
        }
        return result.ok ? EXIT.ok : EXIT.invalidQuery;
      }
      default:
        throw new UsageError(`Unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    // parseArgs reports unknown options and missing values with a TypeError carrying an ERR_PARSE_ARGS_* code.
    const isArgsError =
      error instanceof TypeError && String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS");
    if (error instanceof UsageError || isArgsError) {
      io.stderr(`secuq: ${error.message}\nRun secuq --help for usage.\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
