/**
 * Stands in for chevrotain's regular-expression analyser (`@chevrotain/regexp-to-ast`) in the published build
 * (tsup.config.ts). Chevrotain reads a token's pattern with it only for checks the published build skips (the lexer's
 * validations) and to find the start characters of a pattern that gives none; every secuq token gives them, which a
 * test checks. Left out, the analyser is 2.6 KiB gzip less for a browser and less code to load.
 */
// Chevrotain's analysers extend it at load time; none is ever used.
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- it only has to exist
export class BaseRegExpVisitor {}

export class RegExpParser {
  pattern(): never {
    throw new Error("secuq is built without chevrotain's regular-expression analysis: give the token start_chars_hint");
  }
}
