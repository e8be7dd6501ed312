import type { IToken } from "chevrotain";
import { edit, problemAt, safeFix, type Problem } from "../../diagnostics/diagnostic.js";
import {
  isToken,
  writtenOnly,
  writtenTokensIn,
  writtenElement,
  type CstElement,
  type RangeCstNode,
  type UnaryExpressionCstNode,
  type ValueCstElement,
} from "../cst.js";
import { invalidTokenProblem } from "../invalid-tokens.js";
import { endOf, Quoted, Word } from "../tokens.js";
import { unescapedPositions } from "../words.js";
import type { BuildContext, Built, FieldContext } from "./context.js";
import { WORD_OPERATORS } from "./juxtaposed.js";
import { parenthesized } from "./operators.js";
import { range } from "./ranges.js";
import { fieldName, PLAIN_WORD, quotedValue, wordValue } from "./values.js";

/** `sum>=1000`: a field and a comparison with no colon between them. */
const COMPARISON_WITHOUT_COLON = /^([A-Za-z_][\w.]*)([<>]=?)(?=[^<>=])/;

/** What a unary expression applies its prefixes to: `field:value`, a group, a bare value or an invalid token. */
export function operandOf(context: BuildContext, node: UnaryExpressionCstNode, field: FieldContext): Built | undefined {
  const head = node.head;
  if (head === undefined) return undefined;
  if (!isToken(head))
    return head.name === "group" ? parenthesized(context, head, field) : bareValue(context, field, undefined, head);
  const token = writtenElement(head);
  if (!token) return undefined;
  if (token.tokenType === Word) {
    return node.colon === undefined ? bareValue(context, field, token) : fieldExpression(context, node, token);
  }
  return token.tokenType === Quoted ? bareValue(context, field, token) : invalidToken(context, token);
}

function invalidToken(context: BuildContext, token: IToken): Built {
  context.add(invalidTokenProblem(token, context.source));
  return { query: undefined, start: token.startOffset, end: endOf(token), invalid: true };
}

/**
 * A value with no field of its own: inside `field:( … )` it takes that field; elsewhere it is a mistake, whose
 * report waits until it is clear whether a juxtaposition explains it better.
 */
function bareValue(
  context: BuildContext,
  field: FieldContext,
  token: IToken | undefined,
  rangeNode?: RangeCstNode,
): Built | undefined {
  const word = token?.tokenType === Word ? token : undefined;
  if (field !== undefined) {
    if (word) return wordValue(context, field, word, word.startOffset);
    if (token) return quotedValue(context, field, token, token.startOffset);
    return rangeNode && range(context, field, rangeNode);
  }
  const start = token?.startOffset ?? firstOffset(rangeNode);
  const end = token ? endOf(token) : lastOffset(rangeNode);
  if (start === undefined || end === undefined) return undefined;
  const equals = word ? unescapedPositions(word.image, "=")[0] : undefined;
  const comparator = word ? COMPARISON_WITHOUT_COLON.exec(word.image) : null;
  let pending: Problem;
  if (word && comparator) {
    // `sum>=1000`: the colon before the comparison is missing.
    const at = start + comparator[1]!.length;
    pending = problemAt(
      "missing-field",
      `Write a colon between the field and the comparison: ${comparator[1]}:${word.image.slice(comparator[1]!.length)}`,
      { start: at, end: at + comparator[2]!.length },
      [safeFix("Insert a colon", [edit(at, at, ":")])],
    );
  } else if (word && equals !== undefined && equals > 0) {
    const at = start + equals;
    pending = problemAt(
      "equals-instead-of-colon",
      `Use : between a field and its value, not =: ${word.image.slice(0, equals)}:${word.image.slice(equals + 1)}`,
      { start: at, end: at + 1 },
      [safeFix("Write : instead of =", [edit(at, at + 1, ":")])],
    );
  } else if (word && (WORD_OPERATORS[word.image.toLowerCase()] || word.image.toLowerCase() === "not")) {
    pending = problemAt("lowercase-operator", `"${word.image}" is not an operator; operators are written in capitals`, {
      start,
      end,
    });
  } else {
    const message =
      `${context.text(start, end)} has no field: the server would search it in every field. ` +
      "Write field:value, such as status:approved";
    pending = problemAt("missing-field", message, { start, end });
  }
  return word ? { query: undefined, start, end, pending, bareWord: word } : { query: undefined, start, end, pending };
}

/** `field:value`, `field:[a TO b]`, `field:( … )`; more than one colon is a mistake. */
function fieldExpression(context: BuildContext, node: UnaryExpressionCstNode, fieldToken: IToken): Built | undefined {
  // Nearly always one value: then no list of values is made.
  const values = node.more === undefined ? undefined : valuesOf(node);
  const firstValue = values === undefined ? writtenElement(node.value) : values[0];
  if (!firstValue) return undefined;
  const start = fieldToken.startOffset;
  const plainField = PLAIN_WORD.test(fieldToken.image);
  const field = plainField ? fieldToken.image : fieldName(context, fieldToken);
  if (values !== undefined && values.length > 1) {
    const valueStart = firstOffset(firstValue);
    const valueEnd = lastOffset(values[values.length - 1]);
    if (valueStart === undefined || valueEnd === undefined) return undefined;
    const raw = context.text(valueStart, valueEnd);
    // Escaped, the value stays a word (a phrase reads differently on analysed text fields) or a comparison.
    const colons = unescapedPositions(raw, ":").map((offset) => valueStart + offset);
    context.flag(
      "unescaped-colon",
      `A : inside a value must be escaped or quoted: ${fieldToken.image}:${raw.replace(/(^|[^\\]):/g, "$1\\:")}`,
      colons[0]!,
      colons[0]! + 1,
      [
        safeFix(
          "Escape the colon",
          colons.map((offset) => edit(offset, offset, "\\")),
        ),
      ],
    );
    return { query: undefined, start, end: valueEnd };
  }
  // In `a:(b:c)` the server lets the inner field win; so does this reading.
  const outerFieldSpan = context.fieldSpan;
  context.fieldSpan = context.locations && { start, end: endOf(fieldToken) };
  const built = fieldValue(context, field, firstValue, start, plainField);
  context.fieldSpan = outerFieldSpan;
  if (!built) return undefined;
  const word = isToken(firstValue) && firstValue.tokenType === Word ? firstValue : undefined;
  // The node covers its field too: `a:x`, `a:(x OR y)`. Values are made with that span; a group is re-spanned.
  const query =
    built.query && built.query.span?.start !== start
      ? Object.freeze({ ...built.query, span: Object.freeze({ start, end: built.end }) })
      : built.query;
  // Written out rather than spread: this runs once per condition.
  if (built.invalid) {
    return word
      ? { query, start, end: built.end, fieldToken, valueWord: word, invalid: true }
      : { query, start, end: built.end, invalid: true };
  }
  return word ? { query, start, end: built.end, fieldToken, valueWord: word } : { query, start, end: built.end };
}

/** A field expression's values, in order, less the tokens that error recovery made up. */
const valuesOf = ({ value, more }: UnaryExpressionCstNode): readonly ValueCstElement[] =>
  writtenOnly([value, ...(more ?? []).map((next) => next.value)]);

/** The value of `field:value`; `nodeStart` is where the node's span starts (at the field). */
function fieldValue(
  context: BuildContext,
  field: FieldContext,
  value: ValueCstElement,
  nodeStart: number,
  plainField: boolean,
): Built | undefined {
  if (!isToken(value)) {
    return value.name === "group"
      ? parenthesized(context, value, field)
      : range(context, field, value, nodeStart, plainField);
  }
  if (value.tokenType === Word) return wordValue(context, field, value, value.startOffset, nodeStart, plainField);
  if (value.tokenType === Quoted) return quotedValue(context, field, value, value.startOffset, nodeStart);
  return invalidToken(context, value);
}

/** Where the first written token of a tree starts. */
export function firstOffset(node: CstElement | undefined): number | undefined {
  let first: number | undefined;
  for (const token of node ? writtenTokensIn(node) : []) first = Math.min(first ?? Infinity, token.startOffset);
  return first;
}

/** Where the last written token of a tree ends. */
export function lastOffset(node: CstElement | undefined): number | undefined {
  let last: number | undefined;
  for (const token of node ? writtenTokensIn(node) : []) last = Math.max(last ?? -Infinity, endOf(token));
  return last;
}
