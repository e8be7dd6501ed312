import type {
  AndQuery,
  Bound,
  OrQuery,
  PatternPart,
  PatternValue,
  Query,
  RangeQuery,
  Span,
  TermQuery,
  TextValue,
} from "./types.js";

/**
 * Node constructors without checks, so that each node's shape is written in one place. The factories check their
 * arguments and then call these; the parser calls them directly only for what it has already proved valid (a field
 * and a value that are plain printable ASCII words), where the checks cannot fail. Not exported from the package.
 */

/** A frozen exact text value; `word`: written as a bare word (see `TextValue`), already normalised by the caller. */
export const textNode = (text: string, word = false): TextValue =>
  Object.freeze(word ? { kind: "text" as const, text, word: true as const } : { kind: "text" as const, text });

/** A frozen literal part of a pattern. */
export const literalNode = (text: string): PatternPart => Object.freeze({ kind: "literal" as const, text });

/** A frozen pattern value; `parts` must already be frozen, with no empty or adjacent literals. */
export const patternNode = (parts: readonly PatternPart[]): PatternValue =>
  Object.freeze({ kind: "pattern" as const, parts });

/** A frozen term; `span` must already be frozen. */
export const termNode = (field: string, value: TermQuery["value"], span: Span | undefined): TermQuery =>
  Object.freeze(
    span === undefined ? { type: "term" as const, field, value } : { type: "term" as const, field, value, span },
  );

/** A frozen range bound. */
export const boundNode = (value: string, inclusive: boolean): Bound => Object.freeze({ value, inclusive });

/** A frozen range; `min`, `max` and `span` must already be frozen. */
export const rangeNode = (field: string, min: Bound | null, max: Bound | null, span: Span | undefined): RangeQuery =>
  Object.freeze(
    span === undefined
      ? { type: "range" as const, field, min, max }
      : { type: "range" as const, field, min, max, span },
  );

/**
 * A frozen AND or OR; `operands` must already be frozen, at least two, none of them a junction of the same type
 * (the factories flatten them), and `span` frozen.
 */
export function junctionNode(type: "and", operands: readonly Query[], span: Span | undefined): AndQuery;
export function junctionNode(type: "or", operands: readonly Query[], span: Span | undefined): OrQuery;
export function junctionNode(
  type: "and" | "or",
  operands: readonly Query[],
  span: Span | undefined,
): AndQuery | OrQuery;
export function junctionNode(
  type: "and" | "or",
  operands: readonly Query[],
  span: Span | undefined,
): AndQuery | OrQuery {
  return Object.freeze(span === undefined ? { type, operands } : { type, operands, span });
}
