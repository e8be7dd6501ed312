import * as ast from "../ast/factories.js";
import type { Query } from "../ast/types.js";
import { assertNever, childrenOf } from "../ast/walk.js";
import { InvalidQueryError } from "../ast/errors.js";
import { toDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { parseWithLocations, type ParseOptions } from "../syntax/parse.js";
import { serialize } from "../serialize/serialize.js";
import type { FieldSchema } from "../schema/schema.js";
import { checkAgainstSchema } from "./semantic.js";

/** Options of `validate`. */
export interface ValidateOptions extends ParseOptions {
  /** The fields the query may name and their types; without one, only the syntax is checked. */
  readonly schema?: FieldSchema<unknown>;
  /** When true, warnings make the result not `ok` too. */
  readonly strict?: boolean;
}

/** The outcome of `validate`. */
export interface ValidationResult {
  /** True when there is no error (and, with `strict`, no warning). */
  readonly ok: boolean;
  /** The query, when it could be read. */
  readonly query?: Query;
  /** Every problem found, errors first, then by position. */
  readonly diagnostics: Diagnostic[];
}

/** Rebuilds a node with the factories, so that a hand-made object gets the same checks as a built one. */
function checkNode(node: Query): void {
  switch (node.type) {
    case "and":
      ast.and(node.operands);
      return;
    case "or":
      ast.or(node.operands);
      return;
    case "not":
      ast.not(node.operand);
      return;
    case "term":
      ast.term(
        node.field,
        node.value.kind === "text"
          ? ast.text(node.value.text, { word: node.value.word === true })
          : ast.pattern(node.value.parts),
      );
      return;
    case "range":
      ast.range(node.field, node.min, node.max);
      return;
    case "exists":
      ast.exists(node.field);
      return;
    default:
      assertNever(node);
  }
}

function checkQuery(query: Query): Diagnostic[] {
  const stack: unknown[] = [query];
  while (stack.length > 0) {
    const node = stack.pop() as Query;
    try {
      if (node === null || typeof node !== "object") throw new InvalidQueryError("A query node must be an object");
      checkNode(node);
      for (const child of childrenOf(node)) stack.push(child);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const span = { start: 0, end: 0 };
      return toDiagnostics("", [{ severity: "error", code: "invalid-query", message, span }]);
    }
  }
  return [];
}

/**
 * Checks a query, given as text or as an AST, and never throws. Reports every syntax error, and warnings for text
 * the server accepts but may read differently than its author meant (such as mixed AND and OR without parentheses).
 * With a `schema`, also checks every field and value against it. For an AST, spans refer to `serialize(query)`.
 *
 * @example
 * const result = validate("status:approved and basket_info.sum:>=1000");
 * result.ok // false
 * result.diagnostics[0].fix // "status:approved AND basket_info.sum:>=1000"
 *
 * validate("basket_info.summ:10.50", { schema: smartTransactionSchema }).diagnostics.map((d) => d.fix)
 * // ["basket_info.sum"]: a wrong value is reported once the field is known
 */
export function validate(source: string | Query, options: ValidateOptions = {}): ValidationResult {
  let text: string;
  if (typeof source === "string") {
    text = source;
  } else {
    const invalid = checkQuery(source);
    if (invalid.length > 0) return { ok: false, diagnostics: invalid };
    text = serialize(source);
  }
  const { query, diagnostics, locations } = parseWithLocations(text, options);
  const readable = query !== undefined && !diagnostics.some((d) => d.severity === "error");
  if (!readable) return { ok: false, diagnostics };
  const all =
    options.schema && locations
      ? toDiagnostics(text, [...diagnostics, ...checkAgainstSchema(query, locations, options.schema as FieldSchema)])
      : diagnostics;
  const failing = all.some((d) => d.severity === "error" || (options.strict === true && d.severity === "warning"));
  return { ok: !failing, query: typeof source === "string" ? query : source, diagnostics: all };
}
