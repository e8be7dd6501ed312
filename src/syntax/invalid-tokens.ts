import type { IToken } from "chevrotain";
import { edit, guessFix, problemAt, safeFix, type Fix, type Problem } from "../diagnostics/diagnostic.js";
import { removal } from "./build/removal.js";
import { endOf } from "./tokens.js";

/** What is wrong with a token that is never valid, at the character that makes it so, and how to fix it. */
export function invalidTokenProblem(token: IToken, source: string): Problem {
  const image = token.image;
  const start = token.startOffset;
  const end = endOf(token);
  const at = (offset: number): { start: number; end: number } => ({ start: offset, end: offset + 1 });
  switch (token.tokenType.name) {
    case "UnterminatedQuoted": {
      // A backslash at the end would escape the closing quote: it is doubled first.
      const trailingBackslashes = /\\*$/.exec(image)![0].length;
      const closing = trailingBackslashes % 2 === 1 ? '\\"' : '"';
      return problemAt("unterminated-quote", "This quote is never closed", at(start), [
        safeFix("Close the quote", [edit(end, end, closing)]),
      ]);
    }
    case "StrayCloser": {
      // Glued to a word it is part of the value, and escaping keeps it; standing alone it is a slip, and goes.
      const glued = start > 0 && !/[\s(]/.test(source[start - 1]!);
      const escape = (safe: boolean): Fix => ({ ...safeFix(`Escape the ${image}`, [edit(start, start, "\\")]), safe });
      const remove = (safe: boolean): Fix => ({
        ...safeFix(`Remove the ${image}`, [removal(source, start, end)]),
        safe,
      });
      return problemAt(
        "unmatched-bracket",
        `This ${image} closes no range; to search for the character, escape it as \\${image}`,
        at(start),
        glued ? [escape(true), remove(false)] : [remove(true)],
      );
    }
    case "Regex": {
      const slashes = [start, end - 1];
      return problemAt(
        "regex-not-supported",
        "Regular expressions (/…/) are not supported; to search for slashes, escape them as \\/",
        { start, end },
        [
          guessFix(
            "Search for the text with its slashes",
            slashes.map((offset) => edit(offset, offset, "\\")),
          ),
        ],
      );
    }
    case "LoneBackslash":
      return problemAt(
        "trailing-backslash",
        "A backslash at the end escapes nothing; write \\\\ for a backslash",
        { start, end },
        [
          safeFix("Search for the backslash", [edit(start, start, "\\")]),
          guessFix("Remove it", [edit(start, end, "")]),
        ],
      );
    default:
      // Right after a colon it is the value: then it is searched for as text.
      if (source[start - 1] === ":" && image !== "/") {
        return problemAt(
          "unescaped-character",
          `The character ${image[0]} has a special meaning to the server; escape it as \\${image[0]} or quote the value`,
          at(start),
          [safeFix(`Escape the ${image[0]}`, [edit(start, start, "\\")])],
        );
      }
      if (image.startsWith("^")) {
        return problemAt(
          "boost-not-supported",
          "Boosts (^) change ranking, not which transactions match, and are not supported: remove it",
          { start, end },
          [safeFix("Remove the boost", [edit(start, end, "")])],
        );
      }
      if (image.startsWith("~")) {
        // After a phrase, ~ is proximity; after a word it is fuzziness, for which a wildcard is the nearest match.
        const afterPhrase = source[start - 1] === '"';
        const remove = safeFix(afterPhrase ? "Remove the proximity" : "Remove the ~", [edit(start, end, "")]);
        return problemAt(
          "fuzzy-not-supported",
          afterPhrase
            ? "Proximity search (~ after a phrase) is not supported: remove it"
            : "Fuzzy search (~) is not supported: remove it, or use a wildcard such as meier*",
          { start, end },
          [remove],
        );
      }
      return problemAt(
        "unescaped-character",
        `The character ${image} has a special meaning to the server; escape it as \\${image} or quote the value`,
        at(start),
        [safeFix(`Escape the ${image}`, [edit(start, start, "\\")])],
      );
  }
}
