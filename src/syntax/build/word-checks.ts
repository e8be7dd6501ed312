import type { IToken } from "chevrotain";
import * as ast from "../../ast/factories.js";
import { endOf } from "../tokens.js";
import { escapeUnescaped, unescapedPositions, type TextProblem } from "../words.js";
import type { BuildContext } from "./context.js";

// Characters the server reads as syntax in the middle of a word.
const BREAKING_CHARS = "!/^~";
const BREAKING_CHAR = /[!/^~]/;
const BOOST_SUFFIX = /\^\d+(?:\.\d+)?$/;
const FUZZY_SUFFIX = /~\d*(?:\.\d+)?$/;
const UNUSUAL_WHITESPACE = /[^\S \t\n\r\u3000]/u;

/** Reports what decoding a word found wrong (a bad escape, a lone surrogate), at its place in the word. */
export function reportWordProblems(context: BuildContext, token: IToken, problems: readonly TextProblem[]): void {
  for (const problem of problems) {
    context.error(problem.code, problem.message, token.startOffset + problem.start, token.startOffset + problem.end);
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
  if (positions.length === 1 && BOOST_SUFFIX.test(raw)) {
    context.error(
      "boost-not-supported",
      "Boosts (^) change ranking, not which transactions match, and are not supported: remove it",
      start + first,
      end,
      "",
    );
  } else if (positions.length === 1 && FUZZY_SUFFIX.test(raw)) {
    context.error(
      "fuzzy-not-supported",
      "Fuzzy search (~) is not supported: remove it, or use a wildcard such as meier*",
      start + first,
      end,
      "",
    );
  } else {
    const char = raw[first]!;
    context.error(
      "unescaped-character",
      `The character ${char} has a special meaning to the server; escape it as \\${char} or put the value in quotes`,
      start,
      end,
      escapeUnescaped(raw, BREAKING_CHARS),
    );
  }
  return true;
}

/**
 * Refuses lone surrogates; warns of an invisible space typed bare (`raw`, the word as written), which the server
 * keeps in the value. Quoted or escaped, such a space is clearly meant and gets no warning.
 */
export function checkText(context: BuildContext, text: string, start: number, end: number, raw?: string): boolean {
  if (ast.hasLoneSurrogate(text)) {
    context.error("invalid-unicode", "The value holds half of a surrogate pair, which is not a character", start, end);
    return false;
  }
  const unusual =
    raw === undefined || !UNUSUAL_WHITESPACE.test(raw) ? null : UNUSUAL_WHITESPACE.exec(raw.replace(/\\[\s\S]/g, ""));
  if (unusual) {
    const code = unusual[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    context.warn(
      "unusual-whitespace",
      `The value holds an invisible space (U+${code}); the server reads it as part of the value, not as a separator`,
      start,
      end,
    );
  }
  return true;
}
