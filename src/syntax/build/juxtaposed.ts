import { quote } from "../characters.js";
import { edit, guessFix, safeFix, type TextEdit } from "../../diagnostics/diagnostic.js";
import { decodeWord } from "../words.js";
import { unusualSpaceIn } from "./word-checks.js";
import type { BuildContext, Built, FieldContext } from "./context.js";

/** Lowercase and symbol spellings of the operators, as people mistype them. */
export const WORD_OPERATORS: Readonly<Record<string, string>> = { and: "AND", or: "OR", "&": "AND", "|": "OR" };

/** An operator glued to the value before it by an invisible space. */
const GLUED_OPERATOR = /^(?:AND|OR|NOT|&&|\|\|)$/;

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
  const word = current.bareWord && !current.negated ? current.bareWord : undefined;
  const operator = word === undefined ? undefined : WORD_OPERATORS[word.image.toLowerCase()];
  if (operator && word) {
    const wordEnd = word.startOffset + word.image.length;
    if (next) {
      context.flag(
        "lowercase-operator",
        `"${word.image}" is not an operator: the server searches it as a word. Write ${operator} in capitals`,
        word.startOffset,
        wordEnd,
        [safeFix(`Write ${operator}`, [edit(word.startOffset, wordEnd, operator)])],
      );
      return { skipped: 1, explained: 1 };
    }
    context.flag(
      "lowercase-operator",
      `"${word.image}" is not an operator, and nothing follows it: the server would search it as a word`,
      word.startOffset,
      wordEnd,
      [safeFix(`Remove "${word.image}"`, [edit(previous.end, current.end, "")])],
    );
    return { skipped: 0, explained: 1 };
  }
  const glued = current.fieldToken?.image.match(/^(&&|\|\|)(?=.)/)?.[1];
  if (glued) {
    const at = current.start + glued.length;
    context.flag(
      "missing-space",
      `Put a space after ${glued}: without one, the server reads ${glued} as part of the field name`,
      current.start,
      at,
      [safeFix("Insert a space", [edit(at, at, " ")])],
    );
    return { skipped: 0, explained: 1 };
  }
  if (word?.image.toLowerCase() === "not" && next) {
    const wordEnd = word.startOffset + word.image.length;
    context.flag(
      "lowercase-operator",
      `"${word.image}" is not an operator: write NOT in capitals`,
      word.startOffset,
      wordEnd,
      [safeFix("Write AND NOT", [edit(word.startOffset, wordEnd, "AND NOT")])],
    );
    return { skipped: 1, explained: 1 };
  }
  // `approved<NBSP>AND c:d`: the invisible space glued the operator into the value; a plain space fixes both.
  const value = previous.valueWord;
  const pasted = value && unusualSpaceIn(value.image);
  if (value && pasted !== undefined && pasted !== -1 && GLUED_OPERATOR.test(value.image.slice(pasted + 1))) {
    const at = value.startOffset + pasted;
    context.flag(
      "missing-operator",
      `The space before ${value.image.slice(pasted + 1)} is not a plain space: the server reads ` +
        `${value.image.slice(pasted + 1)} as part of the value, and no operator joins these conditions`,
      at,
      at + 1,
      [safeFix("Type a plain space", [edit(at, at + 1, " ")])],
    );
    return { skipped: 0, explained: 1 };
  }
  if (previous.fieldToken && value && current.bareWord && field === undefined && !current.negated) {
    let last = i;
    while (
      operands[last + 1]?.bareWord &&
      !operands[last + 1]!.negated &&
      !WORD_OPERATORS[operands[last + 1]!.bareWord!.image.toLowerCase()]
    )
      last++;
    const words = [value, ...operands.slice(i, last + 1).map((operand) => operand.bareWord!)];
    const phrase = words.map((token) => decodeWord(token.image).text).join(" ");
    const fieldText = previous.fieldToken.image;
    const end = operands[last]!.end;
    context.flag(
      "missing-operator",
      `"${words
        .slice(1)
        .map((t) => t.image)
        .join(" ")}" has no field and no operator before it: the server would ` +
        `search it in every field, as OR. To find "${phrase}" in ${decodeWord(fieldText).text}, put it in quotes`,
      current.start,
      end,
      [guessFix(`Search for the phrase "${phrase}"`, [edit(value.startOffset, end, quote(phrase))])],
    );
    return { skipped: last - i, explained: last - i + 1 };
  }
  // Where the operator is missing: the space between the two, or the place they touch.
  const spaced = previous.end < current.start;
  const insert = (operator: string): TextEdit =>
    spaced ? edit(previous.end, previous.end, ` ${operator}`) : edit(current.start, current.start, ` ${operator} `);
  context.flag(
    "missing-operator",
    "Two conditions with no operator between them: the server would read them as OR. " +
      "Write AND (both must match) or OR (either may match) between them",
    spaced ? previous.end : current.start,
    current.start,
    // Where an operand holds an error of its own, no operator makes the text valid: nothing is offered.
    previous.query && current.query
      ? [
          guessFix("Insert AND (both must match)", [insert("AND")]),
          guessFix("Insert OR (either may match)", [insert("OR")]),
        ]
      : [],
  );
  return { skipped: 0, explained: 1 };
}
