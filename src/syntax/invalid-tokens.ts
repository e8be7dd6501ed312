import type { IToken } from "chevrotain";

/** What is wrong with a token that is never valid, and the text that fixes it. */
export function invalidTokenProblem(token: IToken): { code: string; message: string; fix?: string } {
  const image = token.image;
  switch (token.tokenType.name) {
    case "UnterminatedQuoted": {
      const trailingBackslashes = /\\*$/.exec(image)![0].length;
      return {
        code: "unterminated-quote",
        message: "This quote is never closed",
        fix: `${image}${trailingBackslashes % 2 === 1 ? "\\" : ""}"`,
      };
    }
    case "StrayCloser":
      return {
        code: "unmatched-bracket",
        message: `This ${image} closes no range; to search for the character, escape it as \\${image}`,
        fix: `\\${image}`,
      };
    case "Regex":
      return {
        code: "regex-not-supported",
        message: "Regular expressions (/…/) are not supported; to search for slashes, escape them as \\/",
        fix: image.replace(/(^|[^\\])\//g, "$1\\/"),
      };
    case "LoneBackslash":
      return {
        code: "trailing-backslash",
        message: "A backslash at the end escapes nothing; write \\\\ for a backslash",
        fix: "\\\\",
      };
    default:
      if (image.startsWith("^")) {
        return {
          code: "boost-not-supported",
          message: "Boosts (^) change ranking, not matching, and are not supported: remove it",
          fix: "",
        };
      }
      if (image.startsWith("~")) {
        return {
          code: "fuzzy-not-supported",
          message: "Fuzzy search (~) is not supported: remove it, or use a wildcard such as meier*",
          fix: "",
        };
      }
      return {
        code: "unescaped-character",
        message:
          `The character ${image} has a special meaning to the server; ` + `escape it as \\${image} or quote the value`,
        fix: `\\${image}`,
      };
  }
}
