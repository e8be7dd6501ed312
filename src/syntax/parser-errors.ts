import type { IRecognitionException, IToken } from "chevrotain";
import { EOF } from "./chevrotain.js";
import { quote } from "./characters.js";
import type { Span } from "../ast/types.js";
import { edit, guessFix, problemAt, safeFix, type Problem } from "../diagnostics/diagnostic.js";
import { endOf } from "./tokens.js";
import { isMissingCloser } from "./scan.js";

const OPERATORS = new Set(["And", "Or", "Not", "Bang", "Minus", "Plus"]);
const RANGE_OPENERS = new Set(["LBracket", "LBrace"]);

function describe(token: IToken): string {
  return token.tokenType === EOF ? "the end of the query" : JSON.stringify(token.image);
}

/** Where `token` stands in the token vector: the index of the first token at or after it. */
function indexOf(tokens: readonly IToken[], token: IToken): number {
  // The end, and tokens with no place in the source (added for an unclosed parenthesis, or by recovery), which come
  // after every written token they could follow: the index after the last written token.
  if (token.tokenType === EOF || Number.isNaN(token.startOffset)) {
    let last = tokens.length;
    while (last > 0 && Number.isNaN(tokens[last - 1]!.startOffset)) last--;
    return last;
  }
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.startOffset < token.startOffset) low = mid + 1;
    else high = mid;
  }
  return low;
}

// A range is five tokens long: its opener is never further back than this from a token inside it.
const RANGE_TOKENS = 5;

/** The `[` or `{` that opens the range `token` stands in. */
function rangeOpenerOf(tokens: readonly IToken[], token: IToken): IToken | undefined {
  const index = indexOf(tokens, token);
  for (let i = index; i >= Math.max(0, index - RANGE_TOKENS); i--) {
    const candidate = tokens[i];
    if (candidate && RANGE_OPENERS.has(candidate.tokenType.name)) return candidate;
  }
  return undefined;
}

/** The operators (and prefixes) written in a row that end just before `index`, as [first index, last index]. */
function operatorRunBefore(tokens: readonly IToken[], index: number): [number, number] | undefined {
  let first = index;
  while (first > 0 && OPERATORS.has(tokens[first - 1]!.tokenType.name)) first--;
  return first < index ? [first, index - 1] : undefined;
}

/** Turns a parser error into a diagnostic in plain words, at the offending token, with its fix where it is clear. */
export function parserErrorProblem(
  error: IRecognitionException,
  tokens: readonly IToken[],
  source: string,
): Problem & { readonly after?: number } {
  const found = error.token;
  const atEnd = found.tokenType === EOF || Number.isNaN(found.startOffset);
  const index = indexOf(tokens, found);
  const previous = tokens[index - 1];
  const foundName = found.tokenType.name;
  const previousName = previous?.tokenType.name;
  const start = atEnd ? source.length : found.startOffset;
  const end = atEnd ? source.length : endOf(found);
  const here = { start, end };

  if (error.context.ruleStack.includes("range")) return rangeProblem(tokens, found, atEnd, here);
  if (previousName === "Colon" && previous) {
    const field = tokens[index - 2];
    const fieldName = field?.tokenType.name === "Word" ? field.image : "The field";
    if ((foundName === "And" || foundName === "Or" || foundName === "Not") && found.startOffset === endOf(previous)) {
      return problemAt(
        "reserved-word-value",
        `${found.image} is an operator; to search for the word, put it in quotes: ${quote(found.image)}`,
        here,
        [safeFix("Quote it", [edit(start, end, quote(found.image))])],
      );
    }
    return problemAt(
      "missing-value",
      `${fieldName} has no value: write one after the colon, or ${fieldName}:* for "has any value"`,
      { start: previous.startOffset, end: endOf(previous) },
    );
  }
  if (previous && previousName && OPERATORS.has(previousName) && (atEnd || foundName === "RParen")) {
    // `a:b AND NOT`: the whole run of operators dangles, and goes, with the space before it.
    const [first] = operatorRunBefore(tokens, index)!;
    const before = tokens[first - 1];
    const fixes =
      before && before.tokenType.name !== "LParen"
        ? [safeFix("Remove it", [edit(endOf(before), endOf(previous), "")])]
        : [];
    return problemAt(
      "dangling-operator",
      `${previous.image} needs a condition after it`,
      { start: previous.startOffset, end: endOf(previous) },
      fixes,
    );
  }
  if (foundName === "And" || foundName === "Or") {
    const next = tokens[index + 1];
    if (previous && previousName && OPERATORS.has(previousName)) {
      // `a AND OR b`: the same operator twice is one too many; two different ones leave a choice.
      const same = previous.image.toUpperCase() === found.image.toUpperCase();
      const keepFirst = edit(endOf(previous), end, "");
      const keepSecond = edit(previous.startOffset, start, "");
      const fixes = same
        ? [safeFix(`Remove the second ${found.image}`, [keepFirst])]
        : [guessFix(`Keep ${previous.image}`, [keepFirst]), guessFix(`Keep ${found.image}`, [keepSecond])];
      const message = `${previous.image} ${found.image}: two operators in a row; remove one`;
      return { ...problemAt("consecutive-operators", message, here, fixes), after: previous.startOffset };
    }
    // At the start of the query or of a group: nothing on its left, and the operator goes.
    const leading = (!previous || previousName === "LParen") && next && next.tokenType !== EOF;
    const fixes =
      leading && !Number.isNaN(next.startOffset) ? [safeFix("Remove it", [edit(start, next.startOffset, "")])] : [];
    return problemAt("missing-operand", `${found.image} needs a condition on each side`, here, fixes);
  }
  if (foundName === "Colon") {
    return problemAt("missing-field", "A colon must follow a field name, as in status:approved", here);
  }
  if (atEnd) return problemAt("unexpected-end", "The query ends too early", here);
  return problemAt("unexpected-token", `Unexpected ${describe(found)} here`, here);
}

/** A mistake inside a range: never closed, no TO, or a bound missing. */
function rangeProblem(tokens: readonly IToken[], found: IToken, atEnd: boolean, here: Span): Problem {
  const opener = rangeOpenerOf(tokens, found);
  if (atEnd) {
    // `[1 TO 5` with nothing after it: closing it is what was meant. After a parenthesis the scan added to close a
    // group (`([1 TO`), nothing is offered: that token is not written, and has no place for the fix.
    const after = opener ? tokens.slice(indexOf(tokens, opener) + 1) : [];
    const written = after.map((token) => token.tokenType.name);
    const complete =
      written.length === 3 && written[1] === "RangeTo" && written[0] !== "RangeTo" && !after.some(isMissingCloser);
    const last = tokens[tokens.length - 1];
    const closing = opener?.image === "{" ? "}" : "]";
    return problemAt(
      "unclosed-range",
      "This range is never closed: end it with ] (inclusive) or } (exclusive)",
      opener ? { start: opener.startOffset, end: endOf(opener) } : here,
      complete && last ? [safeFix(`Close it with ${closing}`, [edit(endOf(last), endOf(last), closing)])] : [],
    );
  }
  const foundName = found.tokenType.name;
  if (foundName === "RangeBound" || foundName === "RangeQuoted") {
    // `[1 5]`: two bounds and the end; with more, where TO goes is not clear.
    const closes = tokens[indexOf(tokens, found) + 1]?.tokenType.name;
    const fixes =
      closes === "RBracket" || closes === "RBrace" ? [safeFix("Insert TO", [edit(here.start, here.start, "TO ")])] : [];
    return problemAt("range-missing-to", "A range needs TO between its two bounds, as in [100 TO 500]", here, fixes);
  }
  return problemAt(
    "incomplete-range",
    "A range needs two bounds with TO between them, as in [100 TO 500]; use * for an open end, as in [100 TO *]",
    here,
  );
}
