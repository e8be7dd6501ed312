import type { IToken } from "chevrotain";
import * as ast from "../../ast/factories.js";
import { endOf } from "../tokens.js";
import { edit, guessFix, safeFix } from "../../diagnostics/diagnostic.js";
import { quote } from "../characters.js";
import { unescapedPositions, type TextProblem } from "../words.js";
import type { BuildContext } from "./context.js";

// Characters the server reads as syntax in the middle of a word.
const BREAKING_CHARS = "!/^~";
const BREAKING_CHAR = /[!/^~]/;
const FUZZY_AND_BOOST = /^(~\d*(?:\.\d+)?)?(\^\d+(?:\.\d+)?)?$/;
const UNUSUAL_WHITESPACE = /[^\S \t\n\r\u3000]/u;
const UNUSUAL_WHITESPACE_ALL = /[^\S \t\n\r\u3000]/gu;
const OPERATOR_AFTER = /^(?:AND|OR|NOT|&&|\|\|)$/;

/** The offset of the first invisible space written bare (not escaped) in a word, or -1. */
export function unusualSpaceIn(raw: string): number {
  if (!UNUSUAL_WHITESPACE.test(raw)) return -1;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === "\\") i++;
    else if (UNUSUAL_WHITESPACE.test(raw[i]!)) return i;
  }
  return -1;
}

/**
 * Reports what decoding text found wrong (a bad `\\u` escape, a backslash escaping nothing) at its place, `offset`
 * being where the text starts. Each backslash was meant as itself: escaping it fixes it.
 */
export function reportTextProblems(context: BuildContext, offset: number, problems: readonly TextProblem[]): void {
  for (const problem of problems) {
    const start = offset + problem.start;
    const fix = safeFix("Escape the backslash", [edit(start, start, "\\")]);
    context.flag(problem.code, problem.message, start, offset + problem.end, [fix]);
  }
}

/** Reports `!`, `/`, `^`, `~` inside a word, which the server reads as syntax. Returns whether any was found. */
export function reportBreakingChars(context: BuildContext, token: IToken): boolean {
  const raw = token.image;
  if (!BREAKING_CHAR.test(raw)) return false;
  const positions = unescapedPositions(raw, BREAKING_CHARS);
  const first = positions[0];
  if (first === undefined) return false;
  const start = token.startOffset;
  const end = endOf(token);
  // `meier~`, `meier^2`, `meier~1^2`: fuzziness and boost at the end of a word, each named as what it is.
  const suffix = FUZZY_AND_BOOST.exec(raw.slice(first));
  if (suffix && first > 0) {
    const [, fuzzy = "", boost = ""] = suffix;
    if (fuzzy !== "") {
      const at = start + first;
      context.flag(
        "fuzzy-not-supported",
        "Fuzzy search (~) is not supported; a wildcard such as meier* finds the same beginning",
        at,
        at + fuzzy.length,
        [
          safeFix("Match any ending with *", [edit(at, at + fuzzy.length, "*")]),
          guessFix("Remove the ~", [edit(at, at + fuzzy.length, "")]),
        ],
      );
    }
    if (boost !== "") {
      const at = end - boost.length;
      context.flag(
        "boost-not-supported",
        "Boosts (^) change ranking, not which transactions match, and are not supported: remove it",
        at,
        end,
        [safeFix("Remove the boost", [edit(at, end, "")])],
      );
    }
    return true;
  }
  const char = raw[first]!;
  context.flag(
    "unescaped-character",
    `The character ${char} has a special meaning to the server; escape it as \\${char} or put the value in quotes`,
    start + first,
    start + first + 1,
    [
      safeFix(
        positions.length === 1 ? `Escape the ${char}` : "Escape the special characters",
        positions.map((position) => edit(start + position, start + position, "\\")),
      ),
    ],
  );
  return true;
}

/**
 * Refuses lone surrogates; warns of an invisible space typed bare (`raw`, the word as written), which the server
 * keeps in the value. Quoted or escaped, such a space is clearly meant and gets no warning.
 */
export function checkText(context: BuildContext, text: string, start: number, end: number, raw?: string): boolean {
  if (ast.hasLoneSurrogate(text)) {
    context.flag("invalid-unicode", "The value holds half of a surrogate pair, which is not a character", start, end);
    return false;
  }
  const unusual = raw === undefined ? -1 : unusualSpaceIn(raw);
  if (unusual !== -1) {
    const at = start + unusual;
    const char = raw![unusual]!;
    const name = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    const plain = text.replace(UNUSUAL_WHITESPACE_ALL, " ");
    // A space pasted before an operator: `approved<NBSP>AND` was meant as two words and an operator.
    const beforeOperator = OPERATOR_AFTER.test(raw!.slice(unusual + 1));
    context.flag(
      "unusual-whitespace",
      `The value holds an invisible space (${name}); the server reads it as part of the value, not as a separator`,
      at,
      at + 1,
      [
        beforeOperator
          ? safeFix("Type a plain space", [edit(at, at + 1, " ")])
          : guessFix("Quote the value, with plain spaces", [edit(start, end, quote(plain))]),
      ],
    );
  }
  return true;
}
