import { toDiagnostics, type Diagnostic, type Problem } from "../diagnostics/diagnostic.js";
import type { FieldSchema } from "../schema/schema.js";
import { unknownField } from "./suggest.js";

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
      problems.push({
        severity: "error",
        code: "empty-entry",
        message: "An empty entry between commas",
        span: { start, end: start + raw.length },
        fix: "",
      });
    } else {
      if (trimmed !== raw) {
        const message = "Spaces around an entry may be read as part of the field name; leave them out";
        problems.push({
          severity: "warning",
          code: "whitespace",
          message,
          span: { start, end: start + raw.length },
          fix: trimmed,
        });
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
  const { message, nearest } = unknownField(path, (schema as FieldSchema).fields.keys());
  const problem: Problem = { severity: "error", code: "unknown-field", message, span };
  problems.push(nearest ? { ...problem, fix: nearest } : problem);
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
    problems.push({
      severity: "warning",
      code: "duplicate-field",
      message: `${key} is named twice; the second has no effect`,
      span,
    });
  seen.add(key);
}

/**
 * Checks a `sort` parameter: comma-separated `field:asc` or `field:desc`. Never throws.
 *
 * @example
 * validateSort("created:down", { schema: smartTransactionSchema }).diagnostics[0]
 * // { code: "invalid-direction", fix: "desc", … }
 */
export function validateSort(source: string, options: ParameterOptions = {}): ParameterValidation {
  const problems: Problem[] = [];
  if (typeof source !== "string")
    return result(
      "",
      [{ severity: "error", code: "not-a-string", message: "sort must be a string", span: { start: 0, end: 0 } }],
      false,
    );
  const seen = new Set<string>();
  for (const { text, start } of entries(source, problems)) {
    const colon = text.lastIndexOf(":");
    const path = colon === -1 ? text : text.slice(0, colon);
    const direction = colon === -1 ? undefined : text.slice(colon + 1);
    const pathSpan = { start, end: start + path.length };
    if (path === "")
      problems.push({
        severity: "error",
        code: "missing-field",
        message: "A sort entry needs a field before the colon",
        span: pathSpan,
      });
    else checkField(path, start, options.schema, problems);
    duplicate(seen, path, pathSpan, problems);
    if (direction === undefined) {
      const message = `Say the direction: ${path}:asc or ${path}:desc`;
      problems.push({ severity: "warning", code: "missing-direction", message, span: pathSpan, fix: `${path}:asc` });
    } else if (direction !== "asc" && direction !== "desc") {
      const span = { start: start + colon + 1, end: start + text.length };
      const lower = direction.toLowerCase();
      const fix =
        lower.startsWith("asc") || lower === "up"
          ? "asc"
          : lower.startsWith("desc") || lower === "down"
            ? "desc"
            : undefined;
      const problem: Problem = {
        severity: "error",
        code: "invalid-direction",
        message: `The direction is asc or desc, not ${JSON.stringify(direction)}`,
        span,
      };
      problems.push(fix ? { ...problem, fix } : problem);
    }
  }
  return result(source, problems, options.strict);
}

/**
 * Checks a `fields` parameter: comma-separated dotted paths to keep in the answer. Never throws.
 *
 * @example
 * const { diagnostics } = validateFields("id,status,basket_info.summ", { schema: smartTransactionSchema });
 * diagnostics[0].fix // "basket_info.sum"
 */
export function validateFields(source: string, options: ParameterOptions = {}): ParameterValidation {
  const problems: Problem[] = [];
  if (typeof source !== "string")
    return result(
      "",
      [{ severity: "error", code: "not-a-string", message: "fields must be a string", span: { start: 0, end: 0 } }],
      false,
    );
  const seen = new Set<string>();
  for (const { text, start } of entries(source, problems)) {
    checkField(text, start, options.schema, problems);
    duplicate(seen, text, { start, end: start + text.length }, problems);
  }
  return result(source, problems, options.strict);
}
