import type { Query } from "../ast/types.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { equals } from "../ast/equals.js";
import { walk } from "../ast/walk.js";
import { QueryValidationError } from "../diagnostics/errors.js";
import type { FieldSchema } from "../schema/schema.js";
import { serialize } from "../serialize/serialize.js";
import { validateFields, validateSort } from "../validate/parameters.js";
import { validate } from "../validate/validate.js";
import { escapeReserved } from "../serialize/escaping.js";
import { InvalidQueryError } from "../ast/errors.js";
import { parseServer } from "../syntax/server/parse-server.js";
import { redactDiagnostics, redactor, writtenValues } from "./redact.js";
import type { FindParams } from "./types.js";

/** The query parameters of a request, the values they carry that must stay out of errors, and `q`'s warnings. */
export interface Encoded {
  readonly search: URLSearchParams;
  readonly values: readonly string[];
  /** The warnings `validate` gives `q` (none changes its meaning), redacted as errors are unless values are shown. */
  readonly warnings: readonly Diagnostic[];
}

// Elasticsearch's time units.
const SCROLL_EXPIRE = /^\d+(d|h|m|s|ms|micros|nanos)$/;

function count(name: string, value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) throw new TypeError(`${name} must be a whole number ≥ 0`);
  return String(value);
}

/** The texts of a query's values, as they are and as the canonical form escapes them, to keep out of errors. */
function valuesOf(query: Query): string[] {
  const values: string[] = [];
  const add = (value: string): void => {
    values.push(value, escapeReserved(value));
  };
  walk(query, (node) => {
    if (node.type === "term") {
      const value = node.value;
      if (value.kind === "text" || value.kind === "fuzzy") add(value.text);
      else if (value.kind === "regexp") add(value.source);
      else for (const part of value.parts) if (part.kind === "literal") add(part.text);
    } else if (node.type === "range") {
      if (node.min) add(node.min.value);
      if (node.max) add(node.max.value);
    }
  });
  return values;
}

/**
 * What each reading of a text runs, when they differ: the server's (Lucene's: no precedence between AND and OR, NOT
 * inside OR as AND NOT) and secuq's usual one (NOT > AND > OR), each in canonical form. `undefined` when the text
 * means the same either way, or does not read at all.
 */
export function readingsOf(
  text: string,
  schema: FieldSchema<unknown>,
  usual: Query | undefined = validate(text, { schema }).query,
): { server: string; usual: string } | undefined {
  const server = validate(text, { schema, reading: "server" }).query;
  if (!usual || !server || equals(usual, server)) return undefined;
  return { server: serialize(server), usual: serialize(usual) };
}

/** What the client says of a text whose meaning depends on the reading: both meanings, and how to choose. */
export function ambiguityMessage(readings: { server: string; usual: string }): string {
  return (
    "This query means one thing to the server and another in the usual reading (NOT before AND before OR), so " +
    `nothing was sent. The server runs: ${readings.server}. The usual reading runs: ${readings.usual}. ` +
    'Add parentheses for the one you mean, or pass reading: "server" or reading: "usual".'
  );
}

/**
 * The error for a query with an error, or a meaning that depends on the reading. Its diagnostics and message quote
 * the query, whose values are card numbers and e-mail addresses, and errors reach logs: they are redacted unless
 * `revealValues`.
 */
function invalid(
  diagnostics: readonly Diagnostic[],
  source: string,
  schema: FieldSchema<unknown>,
  revealValues: boolean,
  message?: string,
): QueryValidationError {
  if (revealValues) return new QueryValidationError(diagnostics, message);
  const redact = redactor(writtenValues(source, schema));
  return new QueryValidationError(redactDiagnostics(diagnostics, redact), message && redact(message));
}

/**
 * What to send for text read as the server reads it: its canonical form when the server reads that as the same
 * query, else the text itself (a boost, a field pattern such as `*:x`: the only form that says exactly the same).
 */
function serverForm(text: string, query: Query): string {
  let canonical: string;
  try {
    canonical = serialize(query);
  } catch (error) {
    if (error instanceof InvalidQueryError) return text;
    throw error;
  }
  const written = parseServer(text);
  const reread = parseServer(canonical);
  const boosted = written.ok && written.boosted;
  return reread.ok && !boosted && equals(reread.query, query) ? canonical : text;
}

/** A `sort` as meant: entries trimmed, and a field without a direction ascending, as Elasticsearch sorts it. */
const normalizedSort = (sort: string): string =>
  sort
    .split(",")
    .map((entry) => entry.trim())
    .map((entry) => (entry.includes(":") ? entry : `${entry}:asc`))
    .join(",");

/**
 * Checks `q`, `sort` and `fields` against the schema and encodes every parameter. `q` is sent in canonical form, so
 * that the server reads exactly what its AST says. Throws `QueryValidationError` for a `q`, `sort` or `fields` with
 * an error, and `TypeError` for a parameter of the wrong kind, before anything is sent.
 */
export function encodeFind(params: FindParams, schema: FieldSchema<unknown>, revealValues = false): Encoded {
  const search = new URLSearchParams();
  const values: string[] = [];
  let warnings: readonly Diagnostic[] = [];
  if (params.q !== undefined) {
    const given = params.q;
    const source = typeof given === "string" ? given : "toQuery" in given ? given.toQuery() : given;
    // Text is read as asked; an AST or a builder means what it is, whatever the reading.
    const reading = typeof source === "string" ? params.reading : undefined;
    const result = validate(source, { schema, ...(reading && { reading }) });
    const text = typeof source === "string" ? source : serialize(source);
    // Read as the server reads it, whatever the server runs is sent: secuq's findings come back as warnings.
    const sendAnyway = reading === "server" && result.query !== undefined;
    if ((!result.ok && !sendAnyway) || !result.query) throw invalid(result.diagnostics, text, schema, revealValues);
    if (typeof source === "string" && reading === undefined) {
      const readings = readingsOf(source, schema, result.query);
      if (readings) throw invalid(result.diagnostics, text, schema, revealValues, ambiguityMessage(readings));
    }
    const canonical = reading === "server" ? serverForm(text, result.query) : serialize(result.query);
    values.push(text, canonical);
    for (const value of valuesOf(result.query)) values.push(value);
    search.set("q", canonical);
    const found = sendAnyway
      ? result.diagnostics.map((d) => (d.severity === "error" ? { ...d, severity: "warning" as const } : d))
      : result.diagnostics;
    warnings = revealValues ? found : redactDiagnostics(found, redactor(writtenValues(text, schema)));
  }
  const set = (name: string, value: string | undefined): void => {
    if (value !== undefined) search.set(name, value);
  };
  set("count", count("count", params.count));
  set("offset", count("offset", params.offset));
  if (params.fields !== undefined) {
    const fields = typeof params.fields === "string" ? params.fields : params.fields.join(",");
    const checked = validateFields(fields, { schema });
    if (!checked.ok) throw new QueryValidationError(checked.diagnostics);
    search.set(
      "fields",
      fields
        .split(",")
        .map((field) => field.trim())
        .join(","),
    );
  }
  if (params.sort !== undefined) {
    const sort =
      typeof params.sort === "string"
        ? params.sort
        : params.sort.map(([field, order]) => `${field}:${order}`).join(",");
    const checked = validateSort(sort, { schema });
    if (!checked.ok) throw new QueryValidationError(checked.diagnostics);
    search.set("sort", normalizedSort(sort));
  }
  for (const [key, value] of Object.entries(params.aggregate ?? {})) search.set(`aggregate[${key}]`, String(value));
  if (params.meta !== undefined && params.meta !== false) search.set("meta", params.meta === "only" ? "only" : "true");
  if (params.validate === true) search.set("validate", "1");
  if (params.scrollExpire !== undefined) {
    if (!SCROLL_EXPIRE.test(params.scrollExpire)) {
      throw new TypeError("scrollExpire is a number and a unit (d, h, m, s, ms, micros, nanos): 30s, 1m or 2h");
    }
    search.set("scroll_expire", params.scrollExpire);
  }
  if (params.scrollId !== undefined) {
    search.set("scroll_id", params.scrollId);
    values.push(params.scrollId);
  }
  set("preset", params.preset);
  set("expand", params.expand);
  return { search, values, warnings };
}
