import { boundProblem, fieldProblem, literalProblem, textProblem } from "./check.js";
import { lowerBoundProblem, patternProblem } from "./server-limits.js";
import { InvalidQueryError } from "./errors.js";
import { boundNode, junctionNode, literalNode, patternNode, rangeNode, termNode, textNode } from "./nodes.js";
import type {
  AndQuery,
  Bound,
  ExistsQuery,
  NotQuery,
  OrQuery,
  PatternPart,
  PatternValue,
  Query,
  RangeQuery,
  Span,
  TermQuery,
  TextValue,
} from "./types.js";

export { EXISTS_FIELD, hasLoneSurrogate } from "./check.js";

const freeze = Object.freeze;

// Nodes are written out in full (not spread) for each case: node creation is the parser's hot path.
// A span the parser froze is kept; any other is copied, so that the node holds no object its caller can change.
const copySpan = (span: Span): Span => (Object.isFrozen(span) ? span : freeze({ start: span.start, end: span.end }));

/** Throws the reason a check found, if any. */
function refuse(problem: string | undefined): void {
  if (problem !== undefined) throw new InvalidQueryError(problem);
}

/** Checks a field path (see `fieldProblem`): throws `InvalidQueryError` when it cannot be one. */
export function checkField(field: string): string {
  refuse(fieldProblem(field));
  return field;
}

function flatten(type: "and" | "or", operands: readonly Query[]): Query[] {
  const flat: Query[] = [];
  for (const operand of operands) {
    if (operand === null || typeof operand !== "object")
      throw new InvalidQueryError(`An ${type} operand must be a query`);
    // A loop, not push(...operands): spreading 100,000 operands overflows the call stack.
    if (operand.type === type) for (const inner of operand.operands) flat.push(inner);
    else flat.push(operand);
  }
  if (flat.length < 2) throw new InvalidQueryError(`An ${type} needs at least two operands, got ${flat.length}`);
  return flat;
}

/** `a AND b AND …`; nested `and` operands are flattened into this one. */
export function and(operands: readonly Query[], span?: Span): AndQuery {
  return junctionNode("and", freeze(flatten("and", operands)), span === undefined ? undefined : copySpan(span));
}

/** `a OR b OR …`; nested `or` operands are flattened into this one. */
export function or(operands: readonly Query[], span?: Span): OrQuery {
  return junctionNode("or", freeze(flatten("or", operands)), span === undefined ? undefined : copySpan(span));
}

/** `NOT operand`. */
export function not(operand: Query, span?: Span): NotQuery {
  if (operand === null || typeof operand !== "object") throw new InvalidQueryError("NOT needs a query");
  return freeze(
    span === undefined ? { type: "not" as const, operand } : { type: "not" as const, operand, span: copySpan(span) },
  );
}

/** `field:value` with a text or pattern value. */
export function term(field: string, value: TextValue | PatternValue, span?: Span): TermQuery {
  checkField(field);
  if (value?.kind !== "text" && value?.kind !== "pattern")
    throw new InvalidQueryError("A term needs a text or pattern value");
  return termNode(field, value, span === undefined ? undefined : copySpan(span));
}

/** One end of a range. The value `*` is refused: the server reads it as an open bound, so pass `null` instead. */
export function bound(value: string, inclusive = true): Bound {
  refuse(boundProblem(value));
  // Callers in plain JavaScript may pass anything: what reaches the node is a boolean.
  return boundNode(value, Boolean(inclusive as unknown));
}

/** `field:[min TO max]` (or `{…}`, or mixed); `null` is an open bound. */
export function range(field: string, min: Bound | null, max: Bound | null, span?: Span): RangeQuery {
  checkField(field);
  const lower = min === null ? null : bound(min.value, min.inclusive);
  const upper = max === null ? null : bound(max.value, max.inclusive);
  if (lower) refuse(lowerBoundProblem(lower.value, lower.inclusive));
  return rangeNode(field, lower, upper, span === undefined ? undefined : copySpan(span));
}

/** `_exists_:field`: the field has a value. */
export function exists(field: string, span?: Span): ExistsQuery {
  checkField(field);
  return freeze(
    span === undefined ? { type: "exists" as const, field } : { type: "exists" as const, field, span: copySpan(span) },
  );
}

// One term to the standard analyser (Unicode word boundaries): letters of the Latin script, digits and `_`.
const PLAIN_TERM = /^[\p{Script=Latin}\p{Nd}_]+$/u;

/**
 * Whether text is one plain term, which the server reads the same written as a word or as a phrase, on keyword and
 * analysed fields alike: letters of the Latin script, digits and `_`, nothing else.
 */
export function isPlainTerm(value: string): boolean {
  return PLAIN_TERM.test(value);
}

/**
 * An exact text value: every character is literal. `word: true` records that it was written as a bare word rather
 * than as a quoted phrase (see `TextValue`); it is kept only where the two read differently.
 */
export function text(value: string, options: { readonly word?: boolean } = {}): TextValue {
  // The server reads a word starting with < or > as a comparison, escaped or not: such text is only a phrase.
  refuse(textProblem(value, options.word === true));
  if (options.word !== true) return textNode(value);
  return textNode(value, !PLAIN_TERM.test(value));
}

const ANY_CHARS: PatternPart = freeze({ kind: "anyChars" as const });
const ONE_CHAR: PatternPart = freeze({ kind: "oneChar" as const });

/** `*` in a pattern: any run of characters, the empty one included. */
export const anyChars = (): PatternPart => ANY_CHARS;
/** `?` in a pattern: exactly one character (one Unicode code point). */
export const oneChar = (): PatternPart => ONE_CHAR;
/** Literal text in a pattern. */
export const literal = (value: string): PatternPart => literalNode(value);

/**
 * Text cut at every `*` and `?` into a pattern's parts, every other character literal; unchecked, as `pattern`
 * checks and normalises them.
 */
export function wildcardParts(text: string): PatternPart[] {
  // Counted first, so that the array is made at its size: the pattern keeps it, and a grown array has room to spare.
  let count = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 42 && code !== 63) continue;
    count += i > run ? 2 : 1;
    run = i + 1;
  }
  const parts: PatternPart[] = new Array<PatternPart>(run < text.length ? count + 1 : count);
  let at = 0;
  run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 42 && code !== 63) continue;
    if (i > run) parts[at++] = literalNode(text.slice(run, i));
    parts[at++] = code === 42 ? ANY_CHARS : ONE_CHAR;
    run = i + 1;
  }
  if (run < text.length) parts[at] = literalNode(text.slice(run));
  return parts;
}

/**
 * A wildcard pattern. Adjacent literals are merged and empty ones dropped; the result must hold a wildcard and must
 * not be a lone `*` (that is `exists`).
 */
export function pattern(parts: readonly PatternPart[]): PatternValue {
  const normalized: PatternPart[] = [];
  let wildcards = 0;
  for (const part of parts) {
    if (part?.kind === "literal") {
      refuse(literalProblem(part.text));
      if (part.text === "") continue;
      const last = normalized[normalized.length - 1];
      if (last?.kind === "literal") normalized[normalized.length - 1] = literal(last.text + part.text);
      else normalized.push(literal(part.text));
    } else if (part?.kind === "anyChars") {
      wildcards++;
      normalized.push(ANY_CHARS);
    } else if (part?.kind === "oneChar") {
      wildcards++;
      normalized.push(ONE_CHAR);
    } else {
      throw new InvalidQueryError("A pattern part must be a literal, anyChars or oneChar");
    }
  }
  if (wildcards === 0)
    throw new InvalidQueryError("A pattern needs at least one wildcard; use text() for exact values");
  if (normalized.length === 1 && normalized[0] === ANY_CHARS) {
    throw new InvalidQueryError("A pattern of only * means the field exists; use exists(field)");
  }
  refuse(patternProblem(normalized));
  return patternNode(freeze(normalized));
}
