import type { IToken } from "chevrotain";
import * as ast from "../../ast/factories.js";
import { patternNode, termNode, textNode } from "../../ast/nodes.js";
import type { ExistsQuery, RangeQuery, Span, TermQuery } from "../../ast/types.js";
import { edit, guessFix, safeFix } from "../../diagnostics/diagnostic.js";
import { quote } from "../characters.js";
import { lowerBoundProblem, patternProblem } from "../../ast/server-limits.js";
import { endOf } from "../tokens.js";
import { decodeEscapes, decodeWord } from "../words.js";
import type { BuildContext, Built, FieldContext } from "./context.js";
import { checkText, reportBreakingChars, reportTextProblems } from "./word-checks.js";

/**
 * A word of printable ASCII with no escape, wildcard or character the server reads specially: it needs no decoding
 * and no check (no surrogate, no unusual space), which is most words.
 */
export const PLAIN_WORD = /^[^\x00-\x20\x7f-\uffff\\*?!/^~]*$/;
// A word of printable ASCII whose only special characters are wildcards: its pattern needs no decoding and no check.
const PLAIN_PATTERN = /^[^\x00-\x20\x7f-\uffff\\!/^~]*$/;

/** The field name of `field:`; `null` (with a diagnostic) when it cannot be one. */
export function fieldName(context: BuildContext, token: IToken): FieldContext {
  const decoded = decodeWord(token.image);
  reportTextProblems(context, token.startOffset, decoded.problems);
  if (decoded.parts) {
    context.flag(
      "wildcard-in-field",
      "A field name cannot contain * or ?: the server would read it as a pattern over field names",
      token.startOffset,
      endOf(token),
    );
    return null;
  }
  if (reportBreakingChars(context, token)) return null;
  if (/[*?]/.test(decoded.text)) {
    context.flag(
      "wildcard-in-field",
      "A field name cannot contain * or ?, even escaped",
      token.startOffset,
      endOf(token),
    );
    return null;
  }
  if (ast.hasLoneSurrogate(decoded.text)) {
    const message = "The field name holds half of a surrogate pair, which is not a character";
    context.flag("invalid-unicode", message, token.startOffset, endOf(token));
    return null;
  }
  return decoded.problems.length === 0 ? decoded.text : null;
}

/** `plainField`: the field is written as a plain word (so it is a valid field name, but maybe `_exists_`). */
export function wordValue(
  context: BuildContext,
  field: FieldContext,
  token: IToken,
  start: number,
  nodeStart = start,
  plainField = false,
): Built {
  const end = endOf(token);
  const raw = token.image;
  // Most words need no decoding and no check.
  if (PLAIN_WORD.test(raw)) {
    if (field == null) return { query: undefined, start, end };
    // Plain printable ASCII on both sides: the factories' checks cannot fail, so the node is made directly.
    if (plainField && field !== ast.EXISTS_FIELD && !raw.startsWith("<") && !raw.startsWith(">")) {
      const value = textNode(raw, !ast.isPlainTerm(raw));
      return context.condition(termNode(field, value, Object.freeze({ start: nodeStart, end })), start, end);
    }
    return textValue(context, field, raw, false, start, end, nodeStart);
  }
  if (
    plainField &&
    typeof field === "string" &&
    field !== ast.EXISTS_FIELD &&
    !raw.startsWith("<") &&
    !raw.startsWith(">") &&
    PLAIN_PATTERN.test(raw)
  ) {
    // A plain word's parts are those `ast.pattern` would make; a lone `*` is no pattern (it is `exists`). One the
    // server cannot compile takes the long way, which reports it.
    const parts = ast.wildcardParts(raw);
    if ((parts.length > 1 || parts[0] !== ast.anyChars()) && patternProblem(parts) === undefined) {
      const query = termNode(field, patternNode(Object.freeze(parts)), Object.freeze({ start: nodeStart, end }));
      return context.condition(query, start, end);
    }
  }
  const decoded = decodeWord(raw);
  reportTextProblems(context, token.startOffset, decoded.problems);
  const checked =
    !reportBreakingChars(context, token) &&
    decoded.problems.length === 0 &&
    checkText(context, decoded.text, start, end, raw);
  if (!checked || field == null) return { query: undefined, start, end };
  const parts = decoded.parts;
  if (!parts) return textValue(context, field, decoded.text, decoded.firstEscaped, start, end, nodeStart);
  const tooComplex = patternProblem(parts);
  if (tooComplex !== undefined) return context.failed("pattern-too-complex", tooComplex, start, end);
  if (raw.startsWith("<") || raw.startsWith(">")) {
    return context.failed(
      "comparison-with-wildcard",
      "A comparison such as >=100 cannot hold * or ?; the server would read this as a pattern instead",
      start,
      end,
    );
  }
  if (decoded.usedUnicodeEscape) {
    return context.failed(
      "unicode-escape-in-pattern",
      "The server does not decode \\u escapes in a pattern with * or ?; type the character itself",
      start,
      end,
    );
  }
  if (field === ast.EXISTS_FIELD)
    return context.failed("exists-pattern", `${ast.EXISTS_FIELD} takes a field name, not a pattern`, start, end);
  const span: Span = Object.freeze({ start: nodeStart, end });
  let query: TermQuery | ExistsQuery;
  try {
    query =
      parts.length === 1 && parts[0]!.kind === "anyChars"
        ? ast.exists(field, span)
        : ast.term(field, ast.pattern(parts), span);
  } catch (error) {
    return context.refused(error, start, end);
  }
  return context.condition(query, start, end);
}

/** A word's decoded text as the value of `field`: a term, a comparison, or the field of `_exists_`. */
export function textValue(
  context: BuildContext,
  field: string,
  text: string,
  firstEscaped: boolean,
  start: number,
  end: number,
  nodeStart: number,
): Built {
  const span: Span = Object.freeze({ start: nodeStart, end });
  if (field !== ast.EXISTS_FIELD && (text.startsWith("<") || text.startsWith(">"))) {
    if (!firstEscaped) return comparison(context, field, text, span, start);
    context.flag(
      "escaped-comparison",
      `The server reads ${text[0]} at the start of a value as a comparison even when escaped; ` +
        "quote the value to search for the text",
      start,
      start + 2,
      [safeFix("Quote the value", [edit(start, end, quote(text))])],
    );
    return { query: undefined, start, end };
  }
  return textCondition(context, field, text, true, span, start, end);
}

/** `field:text` as a term of exact text (`word`: written as a bare word), or `_exists_:text` naming a field. */
export function textCondition(
  context: BuildContext,
  field: string,
  text: string,
  word: boolean,
  span: Span,
  start: number,
  end: number,
): Built {
  if (field === ast.EXISTS_FIELD && text === ast.EXISTS_FIELD) {
    return context.failed(
      "exists-of-exists",
      `${ast.EXISTS_FIELD} takes the name of a field, and ${ast.EXISTS_FIELD} is none: the server finds nothing`,
      start,
      end,
    );
  }
  let query: TermQuery | ExistsQuery;
  try {
    query = field === ast.EXISTS_FIELD ? ast.exists(text, span) : ast.term(field, ast.text(text, { word }), span);
  } catch (error) {
    return context.refused(error, start, end);
  }
  return context.condition(query, start, end);
}

/** `>=1000`, `<5` and so on, read as Elasticsearch reads them. */
export function comparison(context: BuildContext, field: string, text: string, span: Span, start: number): Built {
  const { end } = span;
  const inclusive = text.length > 2 && text[1] === "=";
  const value = text.slice(inclusive ? 2 : 1);
  if (value === "" || value === "=") {
    return context.failed(
      "empty-comparison",
      `${text} compares with nothing: write a value after it, as in ${text.startsWith(">") ? ">=" : "<="}100, ` +
        `or quote it to search for the text: ${quote(text)}`,
      start,
      end,
      [guessFix("Search for the text", [edit(start, end, quote(text))])],
    );
  }
  const limit = { value, inclusive };
  const greater = text.startsWith(">");
  const tooLong = greater ? lowerBoundProblem(value, inclusive) : undefined;
  if (tooLong !== undefined) return context.failed("pattern-too-complex", tooLong, start, end);
  let query: RangeQuery;
  try {
    query = greater ? ast.range(field, limit, null, span) : ast.range(field, null, limit, span);
  } catch (error) {
    return context.refused(error, start, end);
  }
  if (!context.locations) return { query, start, end };
  const boundSpan = { start: start + (inclusive ? 2 : 1), end };
  return context.condition(query, start, end, greater ? { min: boundSpan } : { max: boundSpan });
}

/** A quoted value: a phrase, with `\"` and `\\` decoded; the value of `field` when there is one. */
export function quotedValue(
  context: BuildContext,
  field: FieldContext,
  token: IToken,
  start: number,
  nodeStart = start,
): Built {
  const end = endOf(token);
  const { text, problems } = decodeEscapes(token.image.slice(1, -1));
  reportTextProblems(context, start + 1, problems);
  if (problems.length > 0 || !checkText(context, text, start, end) || field == null)
    return { query: undefined, start, end };
  const span = Object.freeze({ start: nodeStart, end });
  return textCondition(context, field, text, false, span, start, end);
}
