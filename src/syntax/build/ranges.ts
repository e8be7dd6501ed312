import type { IToken } from "chevrotain";
import * as ast from "../../ast/factories.js";
import { boundNode, rangeNode } from "../../ast/nodes.js";
import type { RangeQuery } from "../../ast/types.js";
import { writtenOnly, writtenElement, type RangeCstNode } from "../cst.js";
import { endOf, RangeQuoted } from "../tokens.js";
import { decodeEscapes, unescapedPositions } from "../words.js";
import type { BoundSpans, BuildContext, Built, FieldContext } from "./context.js";
import { lastOffset } from "./operands.js";
import { checkText, reportTextProblems } from "./word-checks.js";
import { edit, safeFix } from "../../diagnostics/diagnostic.js";
import { lowerBoundProblem } from "../../ast/server-limits.js";

// An unquoted range bound of printable ASCII with no escape and no quote, or `*`: it needs no decoding and no check.
const PLAIN_BOUND = /^[^\x00-\x20\x7f-\uffff\\"*]+$|^\*$/;
const isPlainBound = (token: IToken): boolean => token.tokenType !== RangeQuoted && PLAIN_BOUND.test(token.image);

/**
 * `field:[a TO b]` and the other bracket forms; `plainField`: the field is written as a plain word (so it is a valid
 * field name, but maybe `_exists_`).
 */
export function range(
  context: BuildContext,
  field: FieldContext,
  node: RangeCstNode,
  nodeStart?: number,
  plainField = false,
): Built | undefined {
  const open = writtenElement(node.open);
  const close = writtenElement(node.close);
  const bounds = writtenBounds(node);
  if (!open) return undefined;
  const start = open.startOffset;
  const end = close ? endOf(close) : (lastOffset(node) ?? endOf(open));
  const lower = bounds[0] && bound(context, bounds[0]);
  const upper = bounds[1] && bound(context, bounds[1]);
  if (!close || lower === undefined || upper === undefined || field == null) return { query: undefined, start, end };
  if (field === ast.EXISTS_FIELD) {
    context.flag("exists-range", `${ast.EXISTS_FIELD} takes a field name, not a range`, start, end);
    return { query: undefined, start, end };
  }
  if (lower === false || upper === false) return { query: undefined, start, end };
  const min = lower === null ? null : { value: lower, inclusive: open.image === "[" };
  const max = upper === null ? null : { value: upper, inclusive: close.image === "]" };
  const tooLong = min && lowerBoundProblem(min.value, min.inclusive);
  if (tooLong) {
    const lowerToken = bounds[0]!;
    context.flag("pattern-too-complex", tooLong, lowerToken.startOffset, endOf(lowerToken));
    return { query: undefined, start, end };
  }
  let located: BoundSpans | undefined;
  if (context.locations) {
    const [minToken, maxToken] = bounds;
    located = {};
    if (minToken) located.min = { start: minToken.startOffset, end: endOf(minToken) };
    if (maxToken) located.max = { start: maxToken.startOffset, end: endOf(maxToken) };
  }
  const span = Object.freeze({ start: nodeStart ?? start, end });
  // Plain printable ASCII field and bounds: the factories' checks cannot fail, so the node is made directly.
  if (plainField && isPlainBound(bounds[0]!) && isPlainBound(bounds[1]!)) {
    const query = rangeNode(
      field,
      min && boundNode(min.value, min.inclusive),
      max && boundNode(max.value, max.inclusive),
      span,
    );
    return context.condition(query, start, end, located);
  }
  let query: RangeQuery;
  try {
    query = ast.range(field, min, max, span);
  } catch (error) {
    return context.refused(error, start, end);
  }
  return context.condition(query, start, end, located);
}

/** A range's bounds that are written, in order: a bound that error recovery made up is left out. */
const writtenBounds = ({ lower, upper }: RangeCstNode): readonly IToken[] => writtenOnly([lower, upper]);

/** A bound's value; `null` when open (`*`), `false` after an error. */
export function bound(context: BuildContext, token: IToken): string | null | false {
  if (isPlainBound(token)) return token.image === "*" ? null : token.image;
  const quoted = token.tokenType.name === "RangeQuoted";
  const raw = quoted ? token.image.slice(1, -1) : token.image;
  const quote = quoted || !raw.includes('"') ? undefined : unescapedPositions(raw, '"')[0];
  if (quote !== undefined) {
    const at = token.startOffset + quote;
    context.flag(
      "unbalanced-quote",
      'A quote in a range bound must be closed, as in ["a b" TO c], or escaped as \\"',
      at,
      at + 1,
      [safeFix("Escape the quote", [edit(at, at, "\\")])],
    );
    return false;
  }
  const after = context.source[endOf(token)];
  if (quoted && after !== undefined && after !== " " && after !== "]" && after !== "}") {
    // The server reads a quoted bound only when a space or the range's end follows: `"x"TO` is one bound to it.
    const at = endOf(token);
    context.flag(
      "glued-range-bound",
      "Put a space after a quoted range bound: the server reads the quote and what is glued to it as one bound",
      at,
      at + 1,
      [safeFix("Insert a space", [edit(at, at, " ")])],
    );
    return false;
  }
  const { text, problems } = decodeEscapes(raw);
  const offset = token.startOffset + (quoted ? 1 : 0);
  reportTextProblems(context, offset, problems);
  if (problems.length > 0 || !checkText(context, text, token.startOffset, endOf(token), quoted ? undefined : raw))
    return false;
  // The server reads a bound of * as open, whether written bare, escaped or quoted.
  return text === "*" ? null : text;
}
