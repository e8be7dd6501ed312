import { lowerBoundProblem, patternProblem } from "./server-limits.js";
import type { Query } from "./types.js";

/**
 * The rules a query must keep for its text to read back as the same query, one place for all who check them: the
 * factories (which throw), `validate` on an AST (which reports) and `serialize` (which refuses to print a hand-made
 * tree that breaks them). Each returns the reason, or `undefined`; none allocates on a valid input.
 */

/** The pseudo-field that Elasticsearch reads as "this field has a value". */
export const EXISTS_FIELD = "_exists_";

const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether the text holds half of a surrogate pair, which is no character and cannot reach the server intact. */
export function hasLoneSurrogate(text: string): boolean {
  return SURROGATE.test(text) && LONE_SURROGATE.test(text);
}

function wellFormed(text: string, what: string): string | undefined {
  return hasLoneSurrogate(text) ? `${what} contains a lone surrogate: ${JSON.stringify(text)}` : undefined;
}

/**
 * Whether text holds a surrogate, or (with `wildcards`) a `*` or `?`: a loop over char codes, several times faster
 * than a regular expression on the short texts every printed query is made of. Only then are the rules looked at.
 */
function suspicious(text: string, wildcards: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0xd800 && code <= 0xdfff) || (wildcards && (code === 42 || code === 63))) return true;
  }
  return false;
}

const WILDCARD = /[*?]/;

/**
 * Why a field path cannot be one. Wildcards are refused because the server reads them in a field name as a pattern
 * over field names; `_exists_` because it is not a field.
 */
export function fieldProblem(field: unknown): string | undefined {
  if (typeof field !== "string" || field.length === 0) return "A field path must be a non-empty string";
  if (!suspicious(field, true))
    return field === EXISTS_FIELD ? `${EXISTS_FIELD} is not a field; use exists(field)` : undefined;
  if (WILDCARD.test(field)) return `A field path cannot contain * or ?: ${JSON.stringify(field)}`;
  if (field === EXISTS_FIELD) return `${EXISTS_FIELD} is not a field; use exists(field)`;
  return wellFormed(field, "A field path");
}

/** Why a text value cannot be one; `word`: written as a bare word, which cannot be empty or start like a comparison. */
export function textProblem(value: unknown, word: boolean): string | undefined {
  if (typeof value !== "string") return "A text value must be a string";
  if (word && (value === "" || value.startsWith("<") || value.startsWith(">")))
    return `${JSON.stringify(value)} cannot be written as a word; make it a phrase`;
  return suspicious(value, false) ? wellFormed(value, "A text value") : undefined;
}

/** Why a range bound's value cannot be one. `*` is refused: the server reads it as an open bound (pass `null`). */
export function boundProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return "A range bound must be a string";
  if (value === "*") return "A range bound of * is open; pass null instead";
  // The server's range syntax has no way to write an empty bound.
  if (value === "") return "A range bound cannot be empty";
  return suspicious(value, false) ? wellFormed(value, "A range bound") : undefined;
}

/** Why a pattern literal cannot be one. */
export function literalProblem(text: unknown): string | undefined {
  if (typeof text !== "string") return "A pattern literal must be a string";
  return suspicious(text, false) ? wellFormed(text, "A pattern literal") : undefined;
}

/** Why a pattern's parts, as they stand (normalised or not), cannot make one. */
export function patternPartsProblem(parts: unknown): string | undefined {
  if (!Array.isArray(parts)) return "A pattern needs a list of parts";
  let wildcards = 0;
  let literals = 0;
  for (const part of parts as readonly ({ kind?: unknown; text?: unknown } | null | undefined)[]) {
    if (part?.kind === "literal") {
      const problem = literalProblem(part.text);
      if (problem !== undefined) return problem;
      if (part.text !== "") literals++;
    } else if (part?.kind === "anyChars" || part?.kind === "oneChar") wildcards++;
    else return "A pattern part must be a literal, anyChars or oneChar";
  }
  if (wildcards === 0) return "A pattern needs at least one wildcard; use text() for exact values";
  if (literals === 0 && wildcards === 1 && (parts as readonly { kind: string }[]).some((p) => p.kind === "anyChars"))
    return "A pattern of only * means the field exists; use exists(field)";
  return patternProblem(parts as never);
}

function rangeBoundProblem(bound: unknown): string | undefined {
  if (bound === null) return undefined;
  return isNode(bound)
    ? boundProblem((bound as { value?: unknown }).value)
    : "A range bound must be null or { value, inclusive }";
}

function isNode(value: unknown): value is { type: unknown } {
  return value !== null && typeof value === "object";
}

/** Why a term's field and value break the rules. */
export function termProblem(field: unknown, value: unknown): string | undefined {
  const problem = fieldProblem(field);
  if (problem !== undefined) return problem;
  const { kind, text, word, parts } = (value ?? {}) as {
    kind?: unknown;
    text?: unknown;
    word?: unknown;
    parts?: unknown;
  };
  if (kind === "text") return textProblem(text, word === true);
  if (kind === "pattern") return patternPartsProblem(parts);
  return "A term needs a text or pattern value";
}

/** Why a range's field and bounds break the rules. */
export function rangeProblem(field: unknown, min: unknown, max: unknown): string | undefined {
  const problem = fieldProblem(field) ?? rangeBoundProblem(min) ?? rangeBoundProblem(max);
  if (problem !== undefined || min === null) return problem;
  const lower = min as { value: string; inclusive: unknown };
  return lowerBoundProblem(lower.value, Boolean(lower.inclusive));
}

/** Why a junction's operands break the rules (the operands themselves are checked on their own). */
export function junctionProblem(type: "and" | "or", operands: unknown): string | undefined {
  return Array.isArray(operands) && operands.length >= 2 ? undefined : `An ${type} needs at least two operands`;
}

/** Why one node (not its children) breaks the rules, or `undefined`. */
export function nodeProblem(node: unknown): string | undefined {
  if (!isNode(node)) return "A query node must be an object";
  const query = node as Query;
  switch (query.type) {
    case "and":
    case "or":
      return junctionProblem(query.type, query.operands);
    case "not":
      return isNode(query.operand) ? undefined : "NOT needs a query";
    case "term":
      return termProblem(query.field, query.value);
    case "range":
      return rangeProblem(query.field, query.min, query.max);
    case "exists":
      return fieldProblem(query.field);
    default:
      return `Unknown query node type ${JSON.stringify((query as { type: unknown }).type)}`;
  }
}
