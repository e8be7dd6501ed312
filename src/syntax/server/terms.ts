import { isPlainTerm } from "../../ast/factories.js";
import { boundNode, literalNode, patternNode, rangeNode, termNode, textNode } from "../../ast/nodes.js";
import type { Bound, PatternPart, Query, Span } from "../../ast/types.js";
import { EXISTS_FIELD } from "../../ast/check.js";
import { decodeEscapes } from "../words.js";

/**
 * The conditions Elasticsearch's `query_string` makes of the parser's terms (QueryStringQueryParser): `_exists_`,
 * comparisons, `field:*`, `*` as an open bound, fuzziness as Elasticsearch counts it. Values are taken as the server
 * takes them, without secuq's checks: these nodes say what the server runs.
 */

/** A mistake the server's parser reports about a term (Lucene's ParseException). */
export class TermError extends Error {}

const freeze = Object.freeze;

/** Lucene's `discardEscapeChar` (see `decodeEscapes`), failing as it fails, in its words. */
export function discardEscapes(input: string): string {
  const { text, problems } = decodeEscapes(input);
  const problem = problems[0];
  if (problem === undefined) return text;
  if (problem.code === "trailing-backslash") throw new TermError("Term can not end with escape character.");
  const bad = [...input.slice(problem.start + 2, problem.start + 6)].find((c) => !/[0-9a-fA-F]/.test(c));
  throw new TermError(
    bad === undefined ? "Truncated unicode escape sequence." : `Non-hex character in Unicode escape sequence: ${bad}`,
  );
}

/** A wildcard term's parts as Lucene's WildcardQuery reads its text: `\` makes the next character literal. */
function wildcardParts(raw: string): PatternPart[] {
  const parts: PatternPart[] = [];
  let literal = "";
  const flush = (): void => {
    if (literal !== "") parts.push(literalNode(literal));
    literal = "";
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === "\\" && i + 1 < raw.length) literal += raw[++i]!;
    else if (c === "*" || c === "?") {
      flush();
      parts.push(freeze({ kind: c === "*" ? ("anyChars" as const) : ("oneChar" as const) }));
    } else literal += c;
  }
  flush();
  return parts;
}

const exists = (field: string, span: Span): Query => freeze({ type: "exists" as const, field, span });

function range(field: string, min: Bound | null, max: Bound | null, span: Span): Query {
  return rangeNode(field, min, max, span);
}

/** `field:text` written bare: `_exists_`, a comparison (`>=5`), or a term (`getFieldQuery`, not quoted). */
export function fieldQuery(field: string, text: string, span: Span): Query {
  if (field === EXISTS_FIELD) return exists(text, span);
  if (text.length > 1 && (text.startsWith(">") || text.startsWith("<"))) {
    const inclusive = text.length > 2 && text[1] === "=";
    const value = text.slice(inclusive ? 2 : 1);
    const bound = value === "*" ? null : boundNode(value, inclusive);
    return text.startsWith(">") ? range(field, bound, null, span) : range(field, null, bound, span);
  }
  return termNode(field, textNode(text, !isPlainTerm(text)), span);
}

/** `field:"text"` or `field:"text"~slop`. */
export function phraseQuery(field: string, text: string, slop: number, span: Span): Query {
  if (field === EXISTS_FIELD) return exists(text, span);
  const value = slop > 0 ? freeze({ kind: "text" as const, text, slop }) : textNode(text);
  return termNode(field, value, span);
}

/** A term with `*` or `?` (`raw`: as written, escapes kept); `*` alone is `field:*`, the field exists. */
export function wildcardQuery(field: string, raw: string, span: Span): Query {
  if (raw === "*") return exists(field, span);
  return termNode(field, patternNode(freeze(wildcardParts(raw))), span);
}

/** `field:abc*`, `text` the part before the star with its escapes removed. */
export function prefixQuery(field: string, text: string, span: Span): Query {
  return termNode(field, patternNode(freeze([literalNode(text), freeze({ kind: "anyChars" as const })])), span);
}

/** `field:/source/`. */
export function regexpQuery(field: string, source: string, span: Span): Query {
  return termNode(field, freeze({ kind: "regexp" as const, source }), span);
}

/**
 * `field:text~` or `field:text~N`. Elasticsearch counts `~` alone as AUTO (by the term's length in code points:
 * 0 edits up to 2, 1 up to 5, 2 beyond) and `~N` as N edits, at most 2, fractions dropped.
 */
export function fuzzyQuery(field: string, text: string, slop: string, span: Span): Query {
  let maxEdits: 0 | 1 | 2;
  if (slop.length === 1) {
    const length = [...text].length;
    maxEdits = length <= 2 ? 0 : length <= 5 ? 1 : 2;
  } else {
    const edits = javaFloat(slop.slice(1));
    // Elasticsearch reads the fuzziness as a number and fails the query on anything else (`x~abc`), in these words
    // (Elasticsearch 7.17, measured).
    if (edits === undefined || edits < 0)
      throw new TermError(`failed to create query: For input string: "${slop.slice(1).toUpperCase()}"`);
    maxEdits = Math.min(2, Math.trunc(edits)) as 0 | 1 | 2;
  }
  return termNode(field, freeze({ kind: "fuzzy" as const, text, maxEdits }), span);
}

/** A number as Java's `Float.valueOf` reads one (`2`, `1.5`, `2f`), or `undefined`. */
export function javaFloat(text: string): number | undefined {
  return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?$/.test(text)
    ? Number(text.replace(/[fFdD]$/, ""))
    : undefined;
}

/** `field:[a TO b]` and its kin; `*` (written bare, quoted or escaped) is an open bound. */
export function rangeQuery(
  field: string,
  min: string,
  max: string,
  minInclusive: boolean,
  maxInclusive: boolean,
  span: Span,
): Query {
  const bound = (value: string, inclusive: boolean): Bound | null =>
    value === "*" ? null : boundNode(value, inclusive);
  return range(field, bound(min, minInclusive), bound(max, maxInclusive), span);
}
