import type { IRecognitionException, IToken } from "chevrotain";
import { EOF } from "./chevrotain.js";
import { quote } from "./characters.js";
import { problemAt, type Problem } from "../diagnostics/diagnostic.js";
import { endOf } from "./tokens.js";

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

/** The token just before `token` in the token vector. */
function previousOf(tokens: readonly IToken[], token: IToken): IToken | undefined {
  return tokens[indexOf(tokens, token) - 1];
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

/** Turns a parser error into a diagnostic in plain words, naming the fix where the mistake is clear. */
export function parserErrorProblem(
  error: IRecognitionException,
  tokens: readonly IToken[],
  sourceLength: number,
): Problem & { readonly after?: number } {
  const found = error.token;
  const atEnd = found.tokenType === EOF || Number.isNaN(found.startOffset);
  const previous = previousOf(tokens, found);
  const foundName = found.tokenType.name;
  const previousName = previous?.tokenType.name;
  const start = atEnd ? sourceLength : found.startOffset;
  const end = atEnd ? sourceLength : endOf(found);
  const problem = (
    code: string,
    message: string,
    span: { start: number; end: number } = { start, end },
    fix?: string,
  ): Problem => problemAt("error", code, message, span, fix);

  if (error.context.ruleStack.includes("range")) {
    const opener = rangeOpenerOf(tokens, found);
    const rangeStart = opener?.startOffset ?? start;
    if (atEnd)
      return problem("unclosed-range", "This range is never closed: end it with ] (inclusive) or } (exclusive)", {
        start: rangeStart,
        end,
      });
    if (foundName === "RangeBound" || foundName === "RangeQuoted") {
      return problem("range-missing-to", "A range needs TO between its two bounds, as in [100 TO 500]", {
        start: rangeStart,
        end,
      });
    }
    return problem(
      "incomplete-range",
      "A range needs two bounds with TO between them, as in [100 TO 500]; use * for an open end, as in [100 TO *]",
      { start: rangeStart, end },
    );
  }
  if (previousName === "Colon" && previous) {
    const field = previousOf(tokens, previous);
    const fieldName = field?.tokenType.name === "Word" ? field.image : "The field";
    if ((foundName === "And" || foundName === "Or" || foundName === "Not") && found.startOffset === endOf(previous)) {
      return problem(
        "reserved-word-value",
        `${found.image} is an operator; to search for the word, put it in quotes: ${quote(found.image)}`,
        { start, end },
        quote(found.image),
      );
    }
    return problem(
      "missing-value",
      `${fieldName} has no value: write one after the colon, or ${fieldName}:* for "has any value"`,
      { start: field?.startOffset ?? previous.startOffset, end: endOf(previous) },
    );
  }
  if (previous && previousName && OPERATORS.has(previousName) && (atEnd || foundName === "RParen")) {
    return problem(
      "dangling-operator",
      `${previous.image} needs a condition after it`,
      { start: previous.startOffset, end: endOf(previous) },
      "",
    );
  }
  if (foundName === "And" || foundName === "Or") {
    if (previousName && OPERATORS.has(previousName)) {
      return {
        ...problem(
          "consecutive-operators",
          `${previous.image} ${found.image}: two operators in a row; remove one`,
          { start, end },
          "",
        ),
        after: previous.startOffset,
      };
    }
    return problem("missing-operand", `${found.image} needs a condition on each side`, { start, end }, "");
  }
  if (foundName === "Colon") {
    return problem("missing-field", "A colon must follow a field name, as in status:approved", { start, end });
  }
  if (atEnd) return problem("unexpected-end", "The query ends too early", { start, end });
  return problem("unexpected-token", `Unexpected ${describe(found)} here`, { start, end });
}
