import { quote } from "../characters.js";
import { decodeWord } from "../words.js";
import type { BuildContext, Built, FieldContext } from "./context.js";

/** Lowercase and symbol spellings of the operators, as people mistype them. */
export const WORD_OPERATORS: Readonly<Record<string, string>> = { and: "AND", or: "OR", "&": "AND", "|": "OR" };

/**
 * Reports two operands with no operator between them (`operands[i - 1]` and `operands[i]`), naming the likely
 * intent: a lowercase operator, words meant as one value, or a missing AND. Returns how many further operands need
 * no juxtaposition check, and how many operands from `i` on the report explains (their own problems are dropped).
 */
export function reportJuxtaposed(
  context: BuildContext,
  operands: readonly Built[],
  i: number,
  field: FieldContext,
): { skipped: number; explained: number } {
  const previous = operands[i - 1]!;
  const current = operands[i]!;
  const next = operands[i + 1];
  const word = current.bareWord && !current.negated ? current.bareWord.image : undefined;
  const operator = word === undefined ? undefined : WORD_OPERATORS[word.toLowerCase()];
  if (operator && next && current.bareWord) {
    const fix =
      context.text(previous.start, current.start) +
      operator +
      context.text(current.bareWord.startOffset + word!.length, next.end);
    context.error(
      "lowercase-operator",
      `"${word}" is not an operator: the server searches it as a word. Write ${operator} in capitals`,
      previous.start,
      next.end,
      fix,
    );
    return { skipped: 1, explained: 1 };
  }
  if (operator && !next) {
    context.error(
      "lowercase-operator",
      `"${word}" is not an operator, and nothing follows it: the server would search it as a word`,
      previous.start,
      current.end,
      context.text(previous.start, previous.end),
    );
    return { skipped: 0, explained: 1 };
  }
  const glued = current.fieldToken?.image.match(/^(&&|\|\|)(?=.)/)?.[1];
  if (glued) {
    context.error(
      "missing-space",
      `Put a space after ${glued}: without one, the server reads ${glued} as part of the field name`,
      previous.start,
      current.end,
      `${context.text(previous.start, previous.end)} ${glued} ` +
        context.text(current.start + glued.length, current.end),
    );
    return { skipped: 0, explained: 1 };
  }
  if (word?.toLowerCase() === "not" && next && current.bareWord) {
    const fix = `${context.text(previous.start, previous.end)} AND NOT ${context.text(next.start, next.end)}`;
    context.error(
      "lowercase-operator",
      `"${word}" is not an operator: write NOT in capitals`,
      previous.start,
      next.end,
      fix,
    );
    return { skipped: 1, explained: 1 };
  }
  if (previous.fieldToken && previous.valueWord && current.bareWord && field === undefined && !current.negated) {
    let last = i;
    while (
      operands[last + 1]?.bareWord &&
      !operands[last + 1]!.negated &&
      !WORD_OPERATORS[operands[last + 1]!.bareWord!.image.toLowerCase()]
    )
      last++;
    const words = [previous.valueWord, ...operands.slice(i, last + 1).map((operand) => operand.bareWord!)];
    const phrase = words.map((token) => decodeWord(token.image).text).join(" ");
    const fieldText = previous.fieldToken.image;
    context.error(
      "missing-operator",
      `"${words
        .slice(1)
        .map((t) => t.image)
        .join(" ")}" has no field and no operator before it: the server would ` +
        `search it in every field, as OR. To find "${phrase}" in ${decodeWord(fieldText).text}, put it in quotes`,
      previous.start,
      operands[last]!.end,
      `${fieldText}:${quote(phrase)}`,
    );
    return { skipped: last - i, explained: last - i + 1 };
  }
  context.error(
    "missing-operator",
    "Two conditions with no operator between them: the server would read them as OR. " +
      "Write AND (both must match) or OR (either may match) between them",
    previous.start,
    current.end,
    `${context.text(previous.start, previous.end)} AND ${context.text(current.start, current.end)}`,
  );
  return { skipped: 0, explained: 1 };
}
