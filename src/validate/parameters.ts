import {
  edit,
  guessFix,
  problemAt,
  safeFix,
  toDiagnostics,
  type Diagnostic,
  type Problem,
} from "../diagnostics/diagnostic.js";
import type { FieldSchema } from "../schema/schema.js";
import { correcting, unknownField } from "./suggest.js";

/** Options of `validateSort` and `validateFields`. */
export interface ParameterOptions {
  /** The fields that may be named; without one, only the form is checked. */
  readonly schema?: FieldSchema<unknown>;
  /** When true, warnings make the result not `ok` too. */
  readonly strict?: boolean;
}

/** The outcome of `validateSort` and `validateFields`. */
export interface ParameterValidation {
  readonly ok: boolean;
  readonly diagnostics: Diagnostic[];
}

interface Entry {
  readonly text: string;
  readonly start: number;
}

/** Splits a comma-separated parameter, reporting empty entries and spaces around entries. */
function entries(source: string, problems: Problem[]): Entry[] {
  const found: Entry[] = [];
  let start = 0;
  for (const raw of source.split(",")) {
    const trimmed = raw.trim();
    const leading = raw.length - raw.trimStart().length;
    if (trimmed === "") {
      // The entry goes with one comma: the one after it, or before it when it is the last.
      const last = start + raw.length >= source.length;
      const removed = last
        ? edit(Math.max(0, start - 1), start + raw.length, "")
        : edit(start, start + raw.length + 1, "");
      problems.push(
        problemAt("empty-entry", "An empty entry between commas", { start, end: start + raw.length }, [
          safeFix("Remove it", [removed]),
        ]),
      );
    } else {
      if (trimmed !== raw) {
        const message = "Spaces around an entry may be read as part of the field name; leave them out";
        const span = { start, end: start + raw.length };
        problems.push(
          problemAt("whitespace", message, span, [safeFix("Remove the spaces", [edit(span.start, span.end, trimmed)])]),
        );
      }
      found.push({ text: trimmed, start: start + leading });
    }
    start += raw.length + 1;
  }
  return found;
}

function checkField(path: string, start: number, schema: FieldSchema<unknown> | undefined, problems: Problem[]): void {
  const span = { start, end: start + path.length };
  if (!schema || (schema as FieldSchema).lookup(path)) return;
  const { message, correction } = unknownField(path, (schema as FieldSchema).fields.keys());
  problems.push(problemAt("unknown-field", message, span, correcting(span, correction)));
}

function result(source: string, problems: Problem[], strict: boolean | undefined): ParameterValidation {
  const diagnostics = toDiagnostics(source, problems);
  return {
    ok: !diagnostics.some((d) => d.severity === "error" || (strict === true && d.severity === "warning")),
    diagnostics,
  };
}

function duplicate(seen: Set<string>, key: string, span: { start: number; end: number }, problems: Problem[]): void {
  if (seen.has(key))
    problems.push(problemAt("duplicate-field", `${key} is named twice; the second has no effect`, span));
  seen.add(key);
}

/**
 * Checks a `sort` parameter: comma-separated `field:asc` or `field:desc`. Never throws.
 *
 * @example
 * validateSort("created:down", { schema: smartTransactionSchema }).diagnostics[0]
 * // { code: "invalid-direction", fixes: [{ title: "Write desc", … }], … }
 */
export function validateSort(source: string, options: ParameterOptions = {}): ParameterValidation {
  const problems: Problem[] = [];
  if (typeof source !== "string")
    return result("", [problemAt("not-a-string", "sort must be a string", { start: 0, end: 0 })], false);
  const seen = new Set<string>();
  for (const { text, start } of entries(source, problems)) {
    const colon = text.lastIndexOf(":");
    const path = colon === -1 ? text : text.slice(0, colon);
    const direction = colon === -1 ? undefined : text.slice(colon + 1);
    const pathSpan = { start, end: start + path.length };
    if (path === "") problems.push(problemAt("missing-field", "A sort entry needs a field before the colon", pathSpan));
    else checkField(path, start, options.schema, problems);
    duplicate(seen, path, pathSpan, problems);
    if (direction === undefined) {
      const message = `Say the direction: ${path}:asc or ${path}:desc`;
      const { end } = pathSpan;
      problems.push(
        problemAt("missing-direction", message, pathSpan, [
          guessFix("Ascending", [edit(end, end, ":asc")]),
          guessFix("Descending", [edit(end, end, ":desc")]),
        ]),
      );
    } else if (direction !== "asc" && direction !== "desc") {
      const span = { start: start + colon + 1, end: start + text.length };
      const lower = direction.toLowerCase();
      const fix =
        lower.startsWith("asc") || lower === "up"
          ? "asc"
          : lower.startsWith("desc") || lower === "down"
            ? "desc"
            : undefined;
      const message = `The direction is asc or desc, not ${JSON.stringify(direction)}`;
      problems.push(
        problemAt(
          "invalid-direction",
          message,
          span,
          fix ? [safeFix(`Write ${fix}`, [edit(span.start, span.end, fix)])] : [],
        ),
      );
    }
  }
  return result(source, problems, options.strict);
}

/**
 * Checks a `fields` parameter: comma-separated dotted paths to keep in the answer. Never throws.
 *
 * @example
 * const { diagnostics } = validateFields("id,status,basket_info.summ", { schema: smartTransactionSchema });
 * diagnostics[0].fixes?.[0]?.title // "Write basket_info.sum"
 */
export function validateFields(source: string, options: ParameterOptions = {}): ParameterValidation {
  const problems: Problem[] = [];
  if (typeof source !== "string")
    return result("", [problemAt("not-a-string", "fields must be a string", { start: 0, end: 0 })], false);
  const seen = new Set<string>();
  for (const { text, start } of entries(source, problems)) {
    checkField(text, start, options.schema, problems);
    duplicate(seen, text, { start, end: start + text.length }, problems);
  }
  return result(source, problems, options.strict);
}
