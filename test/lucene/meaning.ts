import { assertNever } from "../../src/ast/walk.js";
import type { Bound, PatternPart, Query, TextValue, Value } from "../../src/ast/types.js";
import type { OracleDocument } from "./oracle.js";

/**
 * What an AST means, written as plainly as possible to be the other side of the differential test: exact terms,
 * wildcards over code points, ranges in code-point order (Lucene compares UTF-8 bytes, which sort the same way),
 * exists as "has a value", and the boolean operators. A multi-valued field matches when any value does.
 *
 * Field `t` is analysed text, as LuceneOracle.java indexes it: its values are split into lower-case terms, a word
 * finds any of its terms, and a phrase finds all of its terms together, in order. The test's values for `t` are
 * made of letters and of separators that Unicode word boundaries always split at, so splitting at anything but a
 * letter or digit is the standard analyser's reading of them.
 */
export function meaning(query: Query, document: OracleDocument): boolean {
  switch (query.type) {
    case "and":
      return query.operands.every((operand) => meaning(operand, document));
    case "or":
      return query.operands.some((operand) => meaning(operand, document));
    case "not":
      return !meaning(query.operand, document);
    case "exists":
      return (document[query.field]?.length ?? 0) > 0;
    case "term":
      if (query.field === ANALYSED_FIELD && query.value.kind === "text") {
        const value = query.value;
        return (document[query.field] ?? []).some((text) => analysedMatches(value, text));
      }
      return (document[query.field] ?? []).some((value) => valueMatches(query.value, value));
    case "range":
      return (document[query.field] ?? []).some((value) => inRange(value, query.min, query.max));
    default:
      return assertNever(query);
  }
}

/** The field that LuceneOracle.java analyses as text. */
export const ANALYSED_FIELD = "t";

const termsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function analysedMatches(expected: TextValue, actual: string): boolean {
  const wanted = termsOf(expected.text);
  const terms = termsOf(actual);
  if (expected.word) return wanted.some((term) => terms.includes(term));
  for (let start = 0; start + wanted.length <= terms.length; start++) {
    if (wanted.every((term, i) => terms[start + i] === term)) return true;
  }
  return false;
}

function valueMatches(expected: Value, actual: string): boolean {
  if (expected.kind === "fuzzy" || expected.kind === "regexp") throw new Error("usual ASTs only");
  return expected.kind === "text" ? expected.text === actual : patternRegex(expected.parts).test(actual);
}

function patternRegex(parts: readonly PatternPart[]): RegExp {
  const source = parts
    .map((part) =>
      part.kind === "literal"
        ? part.text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")
        : part.kind === "anyChars"
          ? ".*"
          : ".",
    )
    .join("");
  return new RegExp(`^${source}$`, "su");
}

/** Compares by Unicode code point, not UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a].map((c) => c.codePointAt(0)!);
  const right = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(left.length, right.length); i++) if (left[i] !== right[i]) return left[i]! - right[i]!;
  return left.length - right.length;
}

function inRange(value: string, min: Bound | null, max: Bound | null): boolean {
  if (min !== null) {
    const c = compareCodePoints(value, min.value);
    if (c < 0 || (c === 0 && !min.inclusive)) return false;
  }
  if (max !== null) {
    const c = compareCodePoints(value, max.value);
    if (c > 0 || (c === 0 && !max.inclusive)) return false;
  }
  return true;
}
